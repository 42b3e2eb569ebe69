"""`daphuong aid` through the Typer runner: import, summary, CSV and IATI export."""

from __future__ import annotations

from pathlib import Path

from daphuong.reports.iati import validation_errors
from tests.cli.coordination_cli import db_url, invoke

CSV = (
    "ref,activity_id,activity_title,donor,recipient,transaction_type,amount,currency,date\n"
    "t1,VN-1,Nước sạch,Oxfam,UBND tỉnh Lào Cai,commitment,300,USD,2021-02-01\n"
    "t2,VN-1,Nước sạch,Oxfam,UBND tỉnh Lào Cai,disbursement,100,USD,2021-03-01\n"
    "t3,VN-1,Nước sạch,Oxfam,UBND tỉnh Lào Cai,pledge,900,USD,2021-01-01\n"
)


def test_import_summary_and_exports(tmp_path: Path) -> None:
    url = db_url(tmp_path)
    src = tmp_path / "ledger.csv"
    src.write_text(CSV, encoding="utf-8")
    assert "added 3, unchanged 0" in invoke(url, "aid", "import", str(src)).stdout
    assert "added 0, unchanged 3" in invoke(url, "aid", "import", str(src)).stdout
    summary = invoke(url, "aid", "summary", "--from", "2021", "--to", "2021").stdout
    assert "disbursed 100.00" in summary and "committed 300.00" in summary
    assert "pledged 900.00 (not in totals)" in summary
    xml = tmp_path / "iati.xml"
    assert invoke(url, "aid", "export", "--format", "iati", "--out", str(xml)).exit_code == 0
    assert validation_errors(xml.read_bytes()) == []
    out = tmp_path / "out.csv"
    invoke(url, "aid", "export", "--out", str(out))
    assert out.read_text(encoding="utf-8").count("\n") == 4
    r = invoke(
        url, "aid", "published", "2021", "233000000", "--label", "Viện trợ PCPNN", "--change", "5"
    )
    assert r.exit_code == 0, r.output
    assert (
        "≈233,000,000 USD" in invoke(url, "aid", "summary", "--from", "2021", "--to", "2021").stdout
    )


def test_unknown_export_format(tmp_path: Path) -> None:
    r = invoke(db_url(tmp_path), "aid", "export", "--format", "xlsx", "--out", str(tmp_path / "x"))
    assert r.exit_code == 2
