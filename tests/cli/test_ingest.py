"""`daphuong ingest` through the Typer runner: JSON summary, errors, exit codes, stdin."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from daphuong.cli.main import app

runner = CliRunner()
TEXT = "Bộ Ngoại giao tổ chức Hội thảo “Ngoại giao đa phương” ngày 30/11.\n"


@pytest.fixture
def db_args(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.setenv("DAPHUONG_PIPELINE", '["normalize", "clean"]')
    return ["--db", f"sqlite:///{tmp_path / 'cli.db'}"]


def test_json_summary_then_unchanged(db_args: list[str], tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text(TEXT, encoding="utf-8")
    first = runner.invoke(app, [*db_args, "ingest", str(tmp_path / "docs"), "--json"])
    second = runner.invoke(app, [*db_args, "ingest", str(tmp_path / "docs"), "--json"])
    assert first.exit_code == 0, first.output
    assert json.loads(first.stdout) == {
        "ingested": 1,
        "new_versions": 0,
        "unchanged": 0,
        "failed": [],
    }
    assert json.loads(second.stdout)["unchanged"] == 1


def test_failure_names_the_file_and_exits_1(db_args: list[str], tmp_path: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    good = tmp_path / "good.txt"
    good.write_text(TEXT, encoding="utf-8")
    result = runner.invoke(app, [*db_args, "ingest", str(bad), str(good), "--json"])
    assert result.exit_code == 1
    assert f"error: {bad}: " in result.stderr
    summary = json.loads(result.stdout)
    assert summary["ingested"] == 1
    assert summary["failed"][0]["path"] == str(bad)


def test_stdin_is_read_with_a_dash(db_args: list[str]) -> None:
    result = runner.invoke(app, [*db_args, "ingest", "-", "--json"], input=TEXT.encode("utf-8"))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["ingested"] == 1


def test_pipeline_show_lists_the_configured_stages(db_args: list[str]) -> None:
    result = runner.invoke(app, [*db_args, "pipeline", "show", "--json"])
    assert result.exit_code == 0, result.output
    assert [s["name"] for s in json.loads(result.stdout)] == ["normalize", "clean"]
