"""DOCX and PDF writers: Vietnamese text survives, charts and tables are drawn."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from docx import Document
from pypdf import PdfReader

from daphuong.reports.docx_writer import write_docx
from daphuong.reports.model import BarChart, Figure, Report, Section, Table
from daphuong.reports.pdf_writer import write_pdf


def _report() -> Report:
    section = Section(
        "multilateral",
        "Đối ngoại đa phương",
        paragraphs=["Năm Chủ tịch ASEAN 2020."],
        figures=[Figure("Số hoạt động", "12", ["activity:1"])],
        charts=[BarChart("Hoạt động theo loại", [("hội nghị", 7.0), ("tọa đàm", 0.0)])],
        tables=[Table(["Ngày", "Hoạt động"], [["12/11", "Diễn đàn nhân dân ASEAN"]])],
    )
    return Report(
        "Báo cáo năm 2020", "Toàn hệ thống", dt.datetime(2026, 1, 1, tzinfo=dt.UTC), [section]
    )


def test_docx_keeps_text_chart_bars_and_tables(tmp_path: Path) -> None:
    doc = Document(str(write_docx(_report(), tmp_path / "r.docx")))
    texts = [p.text for p in doc.paragraphs]
    assert "Số hoạt động: 12 [1]" in texts
    chart, table = doc.tables
    assert chart.cell(0, 1).text == "█" * 30 and chart.cell(1, 1).text == ""
    assert table.cell(1, 1).text == "Diễn đàn nhân dân ASEAN"


def test_pdf_text_is_extractable_with_diacritics(tmp_path: Path) -> None:
    reader = PdfReader(str(write_pdf(_report(), tmp_path / "r.pdf")))
    text = "".join(p.extract_text() for p in reader.pages)
    assert "Đối ngoại đa phương" in text
    assert "Diễn đàn nhân dân ASEAN" in text
