"""Tests for reading .docx files, including corrupt and protected ones."""

from __future__ import annotations

import io
import zipfile

import pytest

from daphuong.errors import IngestError
from daphuong.ingest.docx_reader import OLE_MAGIC, read_docx

from .conftest import make_docx


def test_paragraphs_and_table_cells_in_order() -> None:
    data = make_docx(
        ["Biên bản làm việc với Hội Hữu nghị Việt Nam – Nhật Bản", "Thời gian: sáng 30/11."],
        table=[["Đơn vị", "Số tiền"], ["VUFO", "233 triệu USD"]],
    )
    doc = read_docx(data, "bien-ban.docx")
    assert doc.original_text.splitlines() == [
        "Biên bản làm việc với Hội Hữu nghị Việt Nam – Nhật Bản",
        "Thời gian: sáng 30/11.",
        "Đơn vị\tSố tiền",
        "VUFO\t233 triệu USD",
        "Kết thúc văn bản.",
    ]
    assert doc.title == "Biên bản làm việc với Hội Hữu nghị Việt Nam – Nhật Bản"


def _zip_without_document() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("hello.txt", "not a word file")
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (OLE_MAGIC + b"\x00" * 504, "password-protected"),
        (b"this is not a zip at all", "not a zip archive"),
        (_zip_without_document(), "corrupt .docx"),
        (make_docx(["x"])[:300], "not a zip archive"),
    ],
    ids=["encrypted-ole", "garbage", "zip-without-document", "truncated"],
)
def test_bad_docx_raises_with_the_path(data: bytes, reason: str) -> None:
    with pytest.raises(IngestError) as info:
        read_docx(data, "uploads/report.docx")
    assert str(info.value).startswith("uploads/report.docx: ")
    assert reason in info.value.reason
