"""A migrated SQLite file with two hand-extracted documents, for registry CLI tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from daphuong.store.engine import Database
from daphuong.store.migrate import upgrade
from tests.services.registry_support import doc_a, doc_b, doc_c, extract, gazetteer


@pytest.fixture
def registry_args(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """`--db URL` for a database holding documents A, B and C with their statements."""
    monkeypatch.setenv("DAPHUONG_PIPELINE", '["normalize", "clean"]')
    url = f"sqlite:///{tmp_path / 'registry.db'}"
    db = Database(url)
    upgrade(db.engine)
    gaz = gazetteer(tmp_path)
    for doc in (doc_a(), doc_b(), doc_c()):
        extract(db, doc, gaz)
    db.dispose()
    return ["--db", url]
