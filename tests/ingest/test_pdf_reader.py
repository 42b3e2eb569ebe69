"""Tests for reading PDFs: text layer, scans, encryption and corruption."""

from __future__ import annotations

import pytest

from daphuong.errors import IngestError
from daphuong.ingest.pdf_reader import NO_TEXT, read_pdf

from .conftest import encrypt_pdf, make_pdf

LINES = ["Hội nghị Ngoại giao lần thứ 32", "Bộ Ngoại giao tổ chức sáng 19/12 tại Hà Nội."]

pytestmark = pytest.mark.usefixtures("font_available")


def test_text_layer_is_read() -> None:
    doc = read_pdf(make_pdf(LINES), "hoi-nghi.pdf")
    assert doc.media_type == "application/pdf"
    for line in LINES:
        assert line in doc.original_text


def test_empty_user_password_opens_like_a_viewer() -> None:
    doc = read_pdf(encrypt_pdf(make_pdf(LINES), ""), "owner-only.pdf")
    assert LINES[0] in doc.original_text


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda: encrypt_pdf(make_pdf(LINES), "secret"), "password-protected PDF"),
        (lambda: make_pdf(LINES, text_layer=False), NO_TEXT),
        (lambda: b"%PDF-1.4\n garbage \x00\x01", "corrupt PDF"),
        (lambda: make_pdf(LINES)[:200], "corrupt PDF"),
    ],
    ids=["password", "scan", "garbage", "truncated"],
)
def test_bad_pdf_raises_with_the_path(make: object, reason: str) -> None:
    assert callable(make)
    with pytest.raises(IngestError) as info:
        read_pdf(make(), "in/scan.pdf")
    assert str(info.value).startswith("in/scan.pdf: ")
    assert reason in info.value.reason
