"""Docs are tested against code: settings, CLI commands and pipeline stages are documented."""

from __future__ import annotations

from pathlib import Path

from daphuong.cli.main import app
from daphuong.cli.reference import render
from daphuong.pipeline.registry import registered
from daphuong.settings import Settings

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_every_setting_is_documented() -> None:
    text = (DOCS / "configuration.md").read_text(encoding="utf-8")
    missing = [name for name in Settings.model_fields if f"`DAPHUONG_{name.upper()}`" not in text]
    assert not missing, f"undocumented settings in docs/configuration.md: {missing}"


def test_cli_reference_is_current() -> None:
    current = (DOCS / "cli.md").read_text(encoding="utf-8")
    assert current == render(app), (
        "docs/cli.md is stale: run `python -m daphuong.cli.reference > docs/cli.md`"
    )


def test_every_stage_is_documented() -> None:
    text = (DOCS / "pipeline.md").read_text(encoding="utf-8")
    # Stages named test-* are registered by the test suite itself.
    shipped = [name for name in registered() if not name.startswith("test-")]
    missing = [name for name in shipped if f"`{name}`" not in text]
    assert not missing, f"undocumented stages in docs/pipeline.md: {missing}"
