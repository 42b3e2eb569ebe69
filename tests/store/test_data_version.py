"""The data version: unchanged by reads, changed by every committed write from anywhere."""

from __future__ import annotations

import subprocess
import sys

from sqlalchemy import text

from daphuong.store.data_version import DataVersion
from daphuong.store.engine import Database
from daphuong.store.models.audit import AuditRow


def _write(db: Database, action: str) -> None:
    with db.transaction() as session:
        session.add(AuditRow(actor="test", action=action, target_type="t", target_id="1"))


def test_every_committed_write_changes_the_version(db: Database) -> None:
    version = DataVersion(db.engine)
    before = version.current()
    assert before is not None
    _write(db, "first")
    after = version.current()
    assert after != before
    _write(db, "second")
    assert version.current() != after


# SQLite only: PostgreSQL's snapshot also moves with other databases' transactions on the
# same server (harmless for a cache, but it makes "unchanged" untestable on a shared server).
def test_reads_keep_the_sqlite_version(sqlite_db: Database) -> None:
    version = DataVersion(sqlite_db.engine)
    before = version.current()
    with sqlite_db.reader() as session:
        session.execute(text("SELECT count(*) FROM documents")).all()
    assert version.current() == before


def test_a_rolled_back_write_keeps_the_sqlite_version(sqlite_db: Database) -> None:
    db = sqlite_db
    version = DataVersion(db.engine)
    before = version.current()
    try:
        with db.transaction() as session:
            session.add(AuditRow(actor="test", action="x", target_type="t", target_id="1"))
            session.flush()
            raise RuntimeError("abandon")
    except RuntimeError:
        pass
    assert version.current() == before


def test_a_write_from_another_process_changes_the_sqlite_version(sqlite_db: Database) -> None:
    version = DataVersion(sqlite_db.engine)
    before = version.current()
    script = (
        "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute('CREATE TABLE p (x)')"
    )
    subprocess.run([sys.executable, "-c", script, str(sqlite_db.engine.url.database)], check=True)
    assert version.current() != before


def test_an_in_memory_database_has_no_version() -> None:
    db = Database("sqlite://")
    try:
        assert DataVersion(db.engine).current() is None
    finally:
        db.dispose()
