"""Tests for HTML main-text extraction and metadata."""

from __future__ import annotations

import datetime as dt

import pytest

from daphuong.errors import IngestError
from daphuong.ingest.dateline import VIETNAM_TZ
from daphuong.ingest.html_reader import read_html

from .conftest import SAMPLES

SAMPLE = SAMPLES / "08_dien-dan-nhan-dan-asean-2024.html"


def test_sample_page_gives_title_date_outlet_and_url() -> None:
    doc = read_html(SAMPLE.read_text(encoding="utf-8"), str(SAMPLE), "utf-8")
    assert doc.title == "Diễn đàn Nhân dân ASEAN 2024: Kết nối vì cộng đồng bền vững"
    assert doc.published == dt.datetime(2024, 10, 2, 9, 30, tzinfo=VIETNAM_TZ)
    assert doc.outlet == "Báo Đối ngoại Mẫu"
    assert doc.url == "https://doingoai.example.vn/dien-dan-nhan-dan-asean-2024.html"
    assert doc.original_text.startswith(doc.title)


@pytest.mark.parametrize(
    "clutter",
    [
        "Trang chủ",
        "Zalo",
        "In bài",
        "Tin liên quan",
        "Tuần lễ văn hóa",
        "Bình luận",
        "Bài viết rất hay",
        "Giấy phép",
        "CHÀO MỪNG",
    ],
)
def test_sample_page_body_has_no_page_clutter(clutter: str) -> None:
    doc = read_html(SAMPLE.read_text(encoding="utf-8"), str(SAMPLE), "utf-8")
    assert clutter not in doc.original_text
    assert "Chỉ thị số 12-CT/TW" in doc.original_text


def test_broken_markup_still_gives_text() -> None:
    html = "<html><body><div><p>Đoàn đại biểu Hội Hữu nghị thăm Lào</div></p></span><p>Tiếp"
    doc = read_html(html, "broken.html", "utf-8")
    assert "Đoàn đại biểu Hội Hữu nghị thăm Lào" in doc.original_text


@pytest.mark.parametrize("html", ["<html><body></body></html>", "<html><head><title></title>"])
def test_page_without_text_is_an_error(html: str) -> None:
    with pytest.raises(IngestError, match=r"^empty\.html: no main text found"):
        read_html(html, "empty.html", "utf-8")
