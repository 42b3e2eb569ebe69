"""Migrations: they build exactly the ORM schema, and go down and up again cleanly."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from daphuong.store.engine import Database
from daphuong.store.migrate import current_tables, downgrade, upgrade
from daphuong.store.models import Base


def _ours(diff: object) -> bool:
    # Full-text tables are created by hand-written SQL and have no ORM model on purpose.
    text = repr(diff)
    return "_fts" not in text and "tsv" not in text


def test_migrations_match_the_models(db: Database) -> None:
    with db.engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert [d for d in diffs if _ours(d)] == []


def test_downgrade_to_base_and_up_again(db: Database) -> None:
    before = current_tables(db.engine)
    downgrade(db.engine, "base")
    assert current_tables(db.engine) <= {"alembic_version"}
    upgrade(db.engine)
    assert current_tables(db.engine) == before
