"""`daphuong seat` through the Typer runner: lifecycle and refusals."""

from __future__ import annotations

from pathlib import Path

from tests.cli.coordination_cli import db_url, invoke


def test_seat_lifecycle(tmp_path: Path) -> None:
    url = db_url(tmp_path)
    r = invoke(
        url,
        "seat",
        "add",
        "Hội đồng Nhân quyền Liên hợp quốc",
        "--kind",
        "candidacy",
        "--from",
        "2023-01-01",
        "--to",
        "2025-12-31",
    )
    assert r.exit_code == 0, r.output
    assert invoke(url, "seat", "advance", "1", "announced").exit_code == 0
    r = invoke(url, "seat", "advance", "1", "ended")
    assert r.exit_code == 1 and "cannot go from announced to ended" in r.stderr
    assert "candidacy\tannounced" in invoke(url, "seat", "list", "--year", "2024").stdout
