"""`daphuong export` through the Typer runner: JSONL, CSV with datapackage, JSON-LD."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from daphuong.cli.main import app
from tests.cli.registry_db import registry_args

runner = CliRunner()
__all__ = ["registry_args"]


def test_jsonl_to_stdout(registry_args: list[str]) -> None:
    result = runner.invoke(app, [*registry_args, "export", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert {r["record"] for r in records} == {"entity", "statement"}


def test_csv_needs_a_folder_and_writes_a_datapackage(
    registry_args: list[str], tmp_path: Path
) -> None:
    missing = runner.invoke(app, [*registry_args, "export", "--format", "csv"])
    assert missing.exit_code != 0
    out = tmp_path / "csv"
    result = runner.invoke(app, [*registry_args, "export", "--format", "csv", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "datapackage.json",
        "entities.csv",
        "statements.csv",
    ]


def test_jsonld_to_file(registry_args: list[str], tmp_path: Path) -> None:
    out = tmp_path / "registry.jsonld"
    result = runner.invoke(app, [*registry_args, "export", "--format", "jsonld", "--out", str(out)])
    assert result.exit_code == 0, result.output
    graph = json.loads(out.read_text(encoding="utf-8"))["@graph"]
    assert any(node["@type"] == "org:Membership" for node in graph)
