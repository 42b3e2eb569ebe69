"""Assembling the services: migrations and the start-up repair of the search index."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from daphuong.services.container import build_services
from daphuong.settings import Settings
from daphuong.store.engine import Database
from daphuong.store.search.postgres_bulk import TEXT_INDEX


def _has_text_index(db: Database) -> bool:
    with db.reader() as s:
        found = s.scalar(
            text("SELECT count(*) FROM pg_indexes WHERE indexname = :n"), {"n": TEXT_INDEX}
        )
    return bool(found)


@pytest.mark.postgres
def test_start_up_builds_the_search_index_a_killed_rebuild_dropped(pg_db: Database) -> None:
    with pg_db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text(f"DROP INDEX {TEXT_INDEX}"))
    services = build_services(Settings(database_url=pg_db.url, pipeline=("normalize",)))
    services.db.dispose()
    assert _has_text_index(pg_db)


def test_start_up_on_sqlite_migrates_and_leaves_the_index_alone(tmp_path: Path) -> None:
    services = build_services(
        Settings(database_url=f"sqlite:///{tmp_path / 'd.db'}", pipeline=("normalize",))
    )
    with services.db.reader() as s:
        tables = set(s.scalars(text("SELECT name FROM sqlite_master WHERE type = 'table'")))
    services.db.dispose()
    assert {"documents", "search_fts", "search_docs"} <= tables
