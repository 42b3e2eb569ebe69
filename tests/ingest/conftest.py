"""Fixtures for the ingest tests: sample documents, shared texts, generated DOCX and PDF files."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from fpdf import FPDF
from pypdf import PdfReader, PdfWriter

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "src" / "daphuong" / "data" / "samples"
SHARED = REPO.parent / "shared"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

# Written for these tests; capital toned letters appear only at sentence starts and in the
# all-caps heading, which is what TCVN3 can carry.
VIETNAMESE_PARAGRAPH = (
    "HỘI NGHỊ ĐỐI NGOẠI TOÀN QUỐC\n"
    "Sáng 14/12, tại Hà Nội, Bộ Ngoại giao phối hợp với Ban Đối ngoại Trung ương tổ chức "
    "hội nghị tổng kết công tác đối ngoại năm 2023. Ủy viên Trung ương Đảng, Bộ trưởng "
    "Ngoại giao chủ trì hội nghị với sự tham dự của đại diện các bộ, ngành và địa phương. "
    "Ở phiên thảo luận, các đại biểu đánh giá cao kết quả hội nhập quốc tế, việc tham gia "
    "hiệu quả các cơ chế của ASEAN, APEC và Liên hợp quốc (LHQ). Giá trị viện trợ phi chính "
    "phủ nước ngoài giải ngân ước đạt 233 triệu USD, tập trung vào y tế, giáo dục, nước sạch "
    "và khắc phục hậu quả chiến tranh. Ấy là kết quả của sự phối hợp nhịp nhàng giữa đối "
    "ngoại Đảng, ngoại giao Nhà nước và đối ngoại nhân dân theo tinh thần Chỉ thị số "
    "25-CT/TW của Ban Bí thư. Năm tới, ngành ngoại giao sẽ tiếp tục nâng tầm đối ngoại đa "
    "phương, chuẩn bị chu đáo cho các chuyến thăm cấp cao, thúc đẩy ngoại giao kinh tế, "
    "ngoại giao văn hóa và công tác người Việt Nam ở nước ngoài. Ưu tiên hàng đầu là giữ "
    "vững môi trường hòa bình, ổn định; tranh thủ tối đa nguồn lực bên ngoài cho phát triển "
    "đất nước nhanh và bền vững.\n"
)


def sample_paths(suffix: str = "") -> list[Path]:
    """The bundled sample documents, optionally only those with a suffix."""
    return sorted(p for p in SAMPLES.iterdir() if p.is_file() and p.name.endswith(suffix))


def shared_texts() -> list[Path]:
    """The team's shared seed and dev texts (empty when the shared folder is absent)."""
    if not SHARED.is_dir():
        return []
    return sorted([*SHARED.glob("seeds/*.txt"), *SHARED.glob("corpus/dev/*.txt")])


def make_docx(paragraphs: list[str], table: list[list[str]] | None = None) -> bytes:
    """A .docx with the paragraphs, then a table, then a closing paragraph."""
    document = docx.Document()
    document.core_properties.title = paragraphs[0][:200]
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    document.add_paragraph("Kết thúc văn bản.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def make_pdf(lines: list[str], *, text_layer: bool = True) -> bytes:
    """A one-page PDF with the lines as real text, or with only drawn shapes (a 'scan')."""
    pdf = FPDF()
    pdf.add_page()
    if text_layer:
        pdf.add_font("DejaVu", fname=str(FONT))
        pdf.set_font("DejaVu", size=12)
        for line in lines:
            pdf.multi_cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    else:
        for i in range(len(lines)):
            pdf.rect(10, 10 + 10 * i, 150, 6, style="F")
    return bytes(pdf.output())


def encrypt_pdf(data: bytes, user_password: str, owner_password: str = "owner") -> bytes:
    """The PDF encrypted with RC4-128 (pypdf needs no extra library for it)."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password, owner_password, algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.fixture(scope="session")
def font_available() -> None:
    """Skip PDF text tests when the DejaVu font is not installed."""
    if not FONT.is_file():
        pytest.skip(f"Unicode font {FONT} not installed; cannot draw Vietnamese into a PDF")
