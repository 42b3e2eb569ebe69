"""Migration 0008 on SQLite: the positional exact streams become each document's exact set."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from daphuong.store.engine import Database
from daphuong.store.migrate import downgrade, upgrade


def test_upgrade_keeps_folded_streams_and_keeps_only_marked_words(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'm.db'}")
    upgrade(db.engine, "0007_registry_perf")
    with db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO search_fts(rowid, title_f, body_f, title_x, body_x, meta) "
                "VALUES (7, 'hoi nghi', 'ban doi ngoai', 'hội nghị', 'ban đối ngoại', 'any')"
            )
        )
    upgrade(db.engine)
    with db.engine.connect() as conn:
        row = conn.execute(text("SELECT title_f, body_f, exact, meta FROM search_fts")).one()
        found = conn.scalars(
            text("SELECT rowid FROM search_fts WHERE search_fts MATCH '\"ngoai\"'")
        ).all()
        unindexed = conn.scalars(
            text("SELECT rowid FROM search_fts WHERE search_fts MATCH '\"đối\"'")
        ).all()
    assert row[:2] == ("hoi nghi", "ban doi ngoai")
    assert set(row[2].split()) == {"hội", "nghị", "đối", "ngoại"}  # 'ban' is unmarked
    assert row[3] == "any"
    assert (found, unindexed) == ([7], [])
    downgrade(db.engine, "0007_registry_perf")
    with db.engine.connect() as conn:
        assert conn.scalar(text("SELECT meta FROM search_fts WHERE rowid = 7")) == "any"
    db.dispose()
