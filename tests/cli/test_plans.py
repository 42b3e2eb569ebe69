"""`daphuong plan` through the Typer runner: tree with roll-up, overdue, iCalendar file."""

from __future__ import annotations

from pathlib import Path

from tests.cli.coordination_cli import db_url, invoke


def test_plan_tree_overdue_and_ical(tmp_path: Path) -> None:
    url = db_url(tmp_path)
    assert (
        invoke(url, "plan", "add", "Chỉ thị 25-CT/TW", "--level", "legal_document").exit_code == 0
    )
    r = invoke(
        url,
        "plan",
        "add",
        "Tổ chức tọa đàm",
        "--level",
        "task",
        "--parent",
        "1",
        "--deadline",
        "2021-06-30",
    )
    assert r.exit_code == 0, r.output
    invoke(url, "plan", "add", "Báo cáo", "--level", "task", "--parent", "1")
    assert invoke(url, "plan", "progress", "3", "100").exit_code == 0
    tree = invoke(url, "plan", "tree").stdout
    assert "1 [legal_document] Chỉ thị 25-CT/TW — 50% not_started" in tree
    overdue = invoke(url, "plan", "overdue", "--today", "2022-01-01").stdout
    assert "Tổ chức tọa đàm" in overdue
    out = tmp_path / "han.ics"
    assert invoke(url, "plan", "ical", "--out", str(out)).exit_code == 0
    data = out.read_bytes()
    assert data.startswith(b"BEGIN:VCALENDAR\r\n") and b"DTSTART;VALUE=DATE:20210630\r\n" in data


def test_bad_level_order_is_an_error(tmp_path: Path) -> None:
    url = db_url(tmp_path)
    invoke(url, "plan", "add", "Nhiệm vụ", "--level", "task")
    r = invoke(url, "plan", "add", "Đề án", "--level", "scheme", "--parent", "1")
    assert r.exit_code == 2 and "cannot sit under" in r.stderr
