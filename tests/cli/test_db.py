"""`daphuong db reindex` through the Typer runner: rebuilds what search finds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from daphuong.cli.main import app

runner = CliRunner()


@pytest.mark.parametrize("workers", ["1", "2"])
def test_reindex_rebuilds_an_emptied_index(
    workers: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shared_dir: Path
) -> None:
    monkeypatch.setenv("DAPHUONG_PIPELINE", '["normalize", "clean"]')
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    assert runner.invoke(app, ["--db", url, "ingest", str(shared_dir / "seeds")]).exit_code == 0
    engine = create_engine(url)
    with engine.begin() as conn:  # lose the index's text, as an analyzer change would
        conn.execute(text("DELETE FROM search_fts"))
    engine.dispose()

    def found() -> int:
        result = runner.invoke(app, ["--db", url, "search", "doi ngoai da phuong", "--json"])
        return int(json.loads(result.stdout)["total"])

    assert found() == 0
    result = runner.invoke(app, ["--db", url, "db", "reindex", "--workers", workers])
    assert result.exit_code == 0, result.output
    assert "5 documents" in result.stdout
    assert found() == 5
