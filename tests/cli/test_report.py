"""`daphuong report annual` through the Typer runner."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from pypdf import PdfReader

from tests.cli.coordination_cli import db_url, invoke


def test_annual_report_in_both_formats(tmp_path: Path) -> None:
    url = db_url(tmp_path)
    invoke(
        url,
        "activity",
        "add",
        "Diễn đàn nhân dân ASEAN 2020",
        "--kind",
        "diễn đàn",
        "--date",
        "2020-11-12",
        "--area",
        "multilateral",
        "--visibility",
        "public",
    )
    docx_path, pdf_path = tmp_path / "r.docx", tmp_path / "r.pdf"
    r = invoke(
        url, "report", "annual", "--year", "2020", "--format", "docx", "--out", str(docx_path)
    )
    assert r.exit_code == 0, r.output
    assert any(
        "Diễn đàn nhân dân ASEAN 2020" in c.text
        for t in Document(str(docx_path)).tables
        for c in t._cells
    )
    r = invoke(url, "report", "annual", "--year", "2020", "--format", "pdf", "--out", str(pdf_path))
    assert r.exit_code == 0, r.output
    assert len(PdfReader(str(pdf_path)).pages) >= 1
    r = invoke(
        url,
        "report",
        "annual",
        "--year",
        "2020",
        "--org",
        "7",
        "--format",
        "pdf",
        "--out",
        str(pdf_path),
    )
    assert r.exit_code == 1 and "no organization with id 7" in r.stderr
