"""`daphuong entity` through the Typer runner: show, list, merge and undo, names, split."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from daphuong.cli.main import app
from daphuong.errors import NotFound
from tests.cli.registry_db import registry_args

runner = CliRunner()
__all__ = ["registry_args"]


def _show(args: list[str], ref: str) -> dict[str, object]:
    result = runner.invoke(app, [*args, "entity", "show", ref, "--json"])
    assert result.exit_code == 0, result.output
    data: dict[str, object] = json.loads(result.stdout)
    return data


def test_show_json_gives_one_person_with_cited_roles(registry_args: list[str]) -> None:
    view = _show(registry_args, "Lê Hoài Trung")
    roles = view["roles"]
    assert isinstance(roles, list)
    assert {(r["title"], r["org"]) for r in roles} >= {
        ("Thứ trưởng", "Bộ Ngoại giao"),
        ("Trưởng ban", "Ban Đối ngoại Trung ương"),
    }
    assert all(c["spans"] for r in roles for c in r["citations"])


def test_show_on_a_date_answers_which_title_was_held(registry_args: list[str]) -> None:
    result = runner.invoke(
        app, [*registry_args, "entity", "show", "Lê Hoài Trung", "--on", "2020-11-04"]
    )
    assert result.exit_code == 0, result.output
    assert "on 2020-11-04: Thứ trưởng Bộ Ngoại giao (seen)" in result.stdout


def test_merge_then_undo_restores_the_entity(registry_args: list[str]) -> None:
    keep = _show(registry_args, "Bộ Ngoại giao")["id"]
    other = _show(registry_args, "Ban Đối ngoại Trung ương")["id"]
    merged = runner.invoke(app, [*registry_args, "entity", "merge", str(keep), str(other)])
    assert merged.exit_code == 0, merged.output
    merge_id = merged.stdout.split()[1].rstrip(":")
    assert _show(registry_args, "Ban Đối ngoại Trung ương")["id"] == keep
    undone = runner.invoke(app, [*registry_args, "entity", "undo-merge", merge_id])
    assert undone.exit_code == 0, undone.output
    assert _show(registry_args, "Ban Đối ngoại Trung ương")["id"] == other


def test_rename_and_aliases_change_what_is_shown(registry_args: list[str]) -> None:
    org = str(_show(registry_args, "Bộ Ngoại giao")["id"])
    assert runner.invoke(app, [*registry_args, "entity", "add-alias", org, "BNG"]).exit_code == 0
    assert str(_show(registry_args, "BNG")["id"]) == org
    renamed = runner.invoke(
        app, [*registry_args, "entity", "rename", org, "Bộ Ngoại giao Việt Nam", "--as", "lan"]
    )
    assert renamed.exit_code == 0, renamed.output
    assert _show(registry_args, org)["caption"] == "Bộ Ngoại giao Việt Nam"
    removed = runner.invoke(app, [*registry_args, "entity", "remove-alias", org, "BNG"])
    assert removed.exit_code == 0, removed.output
    missing = runner.invoke(app, [*registry_args, "entity", "show", "BNG"])
    assert isinstance(missing.exception, NotFound)


def test_list_and_split(registry_args: list[str]) -> None:
    listed = runner.invoke(app, [*registry_args, "entity", "list", "--type", "PERSON", "--json"])
    people = {row["caption"] for row in json.loads(listed.stdout)}
    assert {"Lê Hoài Trung", "Lê Lương Minh"} <= people
    view = _show(registry_args, "Lê Lương Minh")
    names = view["names"]
    assert isinstance(names, list)
    statement = names[0]["citations"][0]["statement_id"]
    split = runner.invoke(app, [*registry_args, "entity", "split", str(view["id"]), str(statement)])
    assert split.exit_code == 0, split.output
    new_id = int(split.stdout.split()[-1])
    assert _show(registry_args, str(new_id))["caption"] == "Lê Lương Minh"
