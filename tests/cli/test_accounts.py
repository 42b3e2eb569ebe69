"""`daphuong org | user | token | audit` through the Typer runner."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.coordination_cli import db_url, invoke

PASSWORD = "mật-khẩu-đủ-dài"


def test_org_user_token_and_audit(tmp_path: Path) -> None:
    url = db_url(tmp_path)
    r = invoke(url, "org", "add", "Ban Đối ngoại Trung ương", "--abbr", "BĐNTW", "--kind", "party")
    assert r.exit_code == 0, r.output
    assert "organization 1" in r.stdout
    r = invoke(
        url,
        "user",
        "add",
        "lan",
        "--org",
        "1",
        "--role",
        "editor",
        stdin=f"{PASSWORD}\n{PASSWORD}\n",
    )
    assert r.exit_code == 0, r.output
    r = invoke(url, "token", "create", "--user", "lan", "--name", "nhập liệu")
    assert r.exit_code == 0, r.output
    assert "dp_" in r.stdout
    r = invoke(url, "audit", "--type", "user")
    entries = json.loads(r.stdout)
    assert entries[0]["action"] == "user.create"
    assert entries[0]["after"]["role"] == "editor"
    listed = invoke(url, "org", "list", "--json")
    assert json.loads(listed.stdout)[0]["abbreviation"] == "BĐNTW"


def test_errors_print_a_reason_and_exit_non_zero(tmp_path: Path) -> None:
    url = db_url(tmp_path)
    r = invoke(url, "user", "add", "lan", "--role", "editor", stdin=f"{PASSWORD}\n{PASSWORD}\n")
    assert r.exit_code == 2
    assert "must belong to an organization" in r.stderr
    r = invoke(url, "token", "create", "--user", "ai", "--name", "x")
    assert r.exit_code == 1 and "no user named ai" in r.stderr
