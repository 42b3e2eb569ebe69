"""`daphuong events dupes` through the Typer runner."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from daphuong.cli.main import app
from tests.cli.registry_db import registry_args

runner = CliRunner()
__all__ = ["registry_args"]


def test_dupes_counts_two_outlets_reporting_one_seminar(registry_args: list[str]) -> None:
    result = runner.invoke(app, [*registry_args, "events", "dupes", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert (report["reports"], report["events"], report["duplicate_reports"]) == (3, 2, 1)
    assert report["multi_report_events"][0]["documents"] == ["doc-a", "doc-c"]
    text = runner.invoke(app, [*registry_args, "events", "dupes"])
    assert "rate 33.3%" in text.stdout
