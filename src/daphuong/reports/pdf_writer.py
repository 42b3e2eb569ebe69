"""Report → PDF (fpdf2 with DejaVu Sans for Vietnamese); bar charts drawn with fpdf primitives."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import FontFace

from daphuong.errors import ConfigError
from daphuong.reports.model import APPENDIX_TITLE, BarChart, Report, Section, source_lines

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))
FONT = "DejaVu"
LABEL_W = 60.0
BAR_H = 6.0
BAR_RGB = (40, 90, 160)
# Tables set their own colours: fpdf2 fills every cell with the current fill colour otherwise,
# which the bar charts leave dark blue.
HEADINGS = FontFace(emphasis="BOLD", fill_color=(222, 230, 242))


def _font_file(name: str) -> Path:
    for folder in FONT_DIRS:
        if (folder / name).is_file():
            return folder / name
    raise ConfigError(f"font {name} not found: install Debian's fonts-dejavu-core")


def _new_pdf(title: str) -> FPDF:
    pdf = FPDF(format="A4")
    pdf.set_title(title)
    pdf.add_font(FONT, "", str(_font_file("DejaVuSans.ttf")))
    pdf.add_font(FONT, "B", str(_font_file("DejaVuSans-Bold.ttf")))
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    return pdf


def _text(pdf: FPDF, text: str, size: int = 11, style: str = "") -> None:
    pdf.set_font(FONT, style, size)
    pdf.multi_cell(0, size * 0.55, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)


def _chart(pdf: FPDF, chart: BarChart) -> None:
    unit = f" ({chart.unit})" if chart.unit else ""
    _text(pdf, f"Biểu đồ: {chart.title}{unit}", 10, "B")
    top = max((v for _, v in chart.bars), default=0) or 1
    width = pdf.w - pdf.l_margin - pdf.r_margin - LABEL_W - 25
    pdf.set_font(FONT, "", 9)
    for label, value in chart.bars:
        if pdf.get_y() + BAR_H > pdf.h - 20:
            pdf.add_page()
        y = pdf.get_y()
        pdf.set_xy(pdf.l_margin, y)
        pdf.cell(LABEL_W, BAR_H, label[:40])
        pdf.set_fill_color(*BAR_RGB)
        bar = max(0.5, value / top * width) if value else 0
        if bar:
            pdf.rect(pdf.l_margin + LABEL_W, y + 1, bar, BAR_H - 2, style="F")
        pdf.set_xy(pdf.l_margin + LABEL_W + bar + 2, y)
        pdf.cell(25, BAR_H, f"{value:,.0f}")
        pdf.set_y(y + BAR_H + 1)
    pdf.ln(2)


def _section(pdf: FPDF, section: Section) -> None:
    _text(pdf, section.title, 14, "B")
    for para in section.paragraphs:
        _text(pdf, para)
    for fig in section.figures:
        mark = f" [{fig.note}]" if fig.note else ""
        _text(pdf, f"• {fig.label}: {fig.value}{mark}")
    for chart in section.charts:
        _chart(pdf, chart)
    for tbl in section.tables:
        pdf.set_font(FONT, "", 8)
        pdf.set_fill_color(255, 255, 255)
        with pdf.table(text_align="LEFT", headings_style=HEADINGS) as table:
            table.row(tbl.headers)
            for row in tbl.rows:
                table.row(row)
        pdf.ln(3)


def write_pdf(report: Report, path: Path) -> Path:
    """Write the report as PDF."""
    report.number_notes()
    pdf = _new_pdf(report.title)
    _text(pdf, report.title, 18, "B")
    _text(pdf, report.subtitle)
    _text(pdf, f"Lập ngày {report.generated_at:%d/%m/%Y %H:%M} (UTC)", 9)
    for section in report.sections:
        _section(pdf, section)
    _text(pdf, APPENDIX_TITLE, 14, "B")
    for line in source_lines(report) or ["Không có số liệu nào."]:
        _text(pdf, line, 9)
    pdf.output(str(path))
    return path
