"""Report → DOCX (python-docx); charts become tables of proportional bars."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx import Document

from daphuong.reports.model import APPENDIX_TITLE, BarChart, Report, Section, source_lines

BAR_CELLS = 30


def _bar_rows(chart: BarChart) -> list[tuple[str, str, str]]:
    top = max((v for _, v in chart.bars), default=0) or 1
    return [
        (label, "█" * max(1 if value else 0, round(value / top * BAR_CELLS)), f"{value:,.0f}")
        for label, value in chart.bars
    ]


def _section(doc: Any, section: Section) -> None:
    doc.add_heading(section.title, level=1)
    for text in section.paragraphs:
        doc.add_paragraph(text)
    for fig in section.figures:
        mark = f" [{fig.note}]" if fig.note else ""
        doc.add_paragraph(f"{fig.label}: {fig.value}{mark}", style="List Bullet")
    for chart in section.charts:
        unit = f" ({chart.unit})" if chart.unit else ""
        doc.add_paragraph(f"Biểu đồ: {chart.title}{unit}")
        rows = _bar_rows(chart)
        table = doc.add_table(rows=len(rows), cols=3)
        for i, cells in enumerate(rows):
            for j, text in enumerate(cells):
                table.cell(i, j).text = text
    for tbl in section.tables:
        table = doc.add_table(rows=len(tbl.rows) + 1, cols=len(tbl.headers))
        table.style = "Table Grid"
        for j, head in enumerate(tbl.headers):
            table.cell(0, j).text = head
        for i, row in enumerate(tbl.rows, start=1):
            for j, text in enumerate(row):
                table.cell(i, j).text = text


def write_docx(report: Report, path: Path) -> Path:
    """Write the report as a Word document."""
    report.number_notes()
    doc = Document()
    doc.core_properties.title = report.title
    doc.add_heading(report.title, level=0)
    doc.add_paragraph(report.subtitle)
    doc.add_paragraph(f"Lập ngày {report.generated_at:%d/%m/%Y %H:%M} (UTC)")
    for section in report.sections:
        _section(doc, section)
    doc.add_heading(APPENDIX_TITLE, level=1)
    for line in source_lines(report) or ["Không có số liệu nào."]:
        doc.add_paragraph(line)
    doc.save(str(path))
    return path
