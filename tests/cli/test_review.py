"""`daphuong review` through the Typer runner: list, confirm, reject."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from daphuong.cli.main import app
from daphuong.errors import Conflict
from tests.cli.registry_db import registry_args

runner = CliRunner()
__all__ = ["registry_args"]


def test_list_confirm_and_reject(registry_args: list[str]) -> None:
    listed = runner.invoke(app, [*registry_args, "review", "list", "--prop", "role", "--json"])
    assert listed.exit_code == 0, listed.output
    rows = json.loads(listed.stdout)
    assert rows and {r["prop"] for r in rows} == {"role"}
    first, second = rows[0]["id"], rows[1]["id"]
    ok = runner.invoke(app, [*registry_args, "review", "confirm", str(first), "--as", "lan"])
    assert ok.exit_code == 0, ok.output
    no = runner.invoke(app, [*registry_args, "review", "reject", str(second)])
    assert no.exit_code == 0, no.output
    again = runner.invoke(app, [*registry_args, "review", "reject", str(second)])
    assert isinstance(again.exception, Conflict)
    remaining = json.loads(runner.invoke(app, [*registry_args, "review", "list", "--json"]).stdout)
    assert {first, second}.isdisjoint({r["id"] for r in remaining})
    text = runner.invoke(app, [*registry_args, "review", "list"])
    assert text.exit_code == 0 and text.stdout.strip()
