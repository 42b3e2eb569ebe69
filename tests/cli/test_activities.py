"""`daphuong activity` through the Typer runner: add, list, from an extracted event."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.coordination_cli import db_url, invoke


def test_add_and_list(tmp_path: Path) -> None:
    url = db_url(tmp_path)
    r = invoke(
        url,
        "activity",
        "add",
        "Tọa đàm hữu nghị",
        "--kind",
        "tọa đàm",
        "--date",
        "2021-05-19",
        "--area",
        "bilateral",
    )
    assert r.exit_code == 0, r.output
    listed = json.loads(invoke(url, "activity", "list", "--year", "2021", "--json").stdout)
    assert [a["title"] for a in listed] == ["Tọa đàm hữu nghị"]
    r = invoke(url, "activity", "add", "Tiệc", "--kind", "tiệc")
    assert r.exit_code == 2 and "unknown activity kind" in r.stderr


def test_from_event_needs_an_existing_document(tmp_path: Path) -> None:
    events = tmp_path / "ev.json"
    events.write_text(
        json.dumps({"events": [{"kind": "hội nghị", "date": "2022-04-12"}]}), encoding="utf-8"
    )
    r = invoke(db_url(tmp_path), "activity", "from-event", "--doc", "99", "--events", str(events))
    assert r.exit_code == 1 and "no document 99" in r.stderr
    r = invoke(
        db_url(tmp_path),
        "activity",
        "from-event",
        "--doc",
        "1",
        "--events",
        str(events),
        "--index",
        "3",
    )
    assert r.exit_code == 2 and "no event number 3" in r.stderr
