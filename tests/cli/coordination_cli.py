"""Helpers for the coordination CLI tests: a throwaway database and a runner."""

from __future__ import annotations

from pathlib import Path

from click.testing import Result
from typer.testing import CliRunner

from daphuong.cli.main import app

runner = CliRunner()


def invoke(db_url: str, *args: str, stdin: str | None = None) -> Result:
    """Run `daphuong --db URL ARGS…`."""
    # The coordination commands never run the pipeline; keep them independent of its stages.
    env = {"DAPHUONG_PIPELINE": '["normalize", "clean"]'}
    return runner.invoke(app, ["--db", db_url, *args], input=stdin, env=env)


def db_url(tmp_path: Path) -> str:
    """A SQLite URL in the test's folder."""
    return f"sqlite:///{tmp_path / 'cli.db'}"
