"""Tests for date recognition and the year taken from context."""

from __future__ import annotations

import datetime as dt

import pytest

from daphuong.pipeline.extract import gazetteer
from daphuong.pipeline.extract.dates import find
from daphuong.pipeline.extract.scan import Doc


def _dates(text: str, published: dt.date | None = None) -> list[tuple[str, str | None]]:
    doc = Doc.build(text, gazetteer.load())
    return [(text[c.start : c.end], c.value) for c in find(doc, published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chiều 31.7, tại Nhà Quốc hội", [("31.7", "--07-31")]),
        ("Từ 1.1.2023 đến 31.12.2023", [("1.1.2023", "2023-01-01"), ("31.12.2023", "2023-12-31")]),
        ("ngày 19-11-1950, tại Việt Bắc", [("19-11-1950", "1950-11-19")]),
        ("vào ngày 24-25/4, tổ chức", [("24-25/4", "--04-24")]),
        ("Từ ngày 12 đến 14/9, tại Huế", [("12 đến 14/9", "--09-12")]),
        ("diễn ra từ 24 đến 26-11 tại Đà Nẵng", [("24 đến 26-11", "--11-24")]),
        ("từ ngày 3 đến ngày 8/3/2024, đoàn", [("3 đến ngày 8/3/2024", "2024-03-03")]),
        ("từ ngày 4-3 đến ngày 8-3", [("4-3", "--03-04"), ("8-3", "--03-08")]),
        ("tỷ lệ 5 đến 7/6 người", [("7/6", "--06-07")]),
        ("Trong hai ngày 14 và 15/8, tỉnh", [("14 và 15/8", "--08-14")]),
        ("từ ngày 30/5 và 2/6", [("30/5", "--05-30"), ("2/6", "--06-02")]),
        ("(14/7/1992-14/7/2017)", [("14/7/1992", "1992-07-14"), ("14/7/2017", "2017-07-14")]),
    ],
)
def test_date_forms(text: str, expected: list[tuple[str, str]]) -> None:
    assert _dates(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "nhiệm kỳ 2020-2021",
        "tháng 1/2020",
        "Tel (84-024)62821016",
        "tỷ lệ 5-7 người",
        "Chỉ thị 12/CT-TW",
        "ngày 32/13",
    ],
)
def test_not_dates(text: str) -> None:
    assert _dates(text) == []


def test_year_order_sentence_then_date_line_then_published_then_text() -> None:
    assert _dates("Sáng 17/9 (1992-2017), giao lưu.")[0][1] == "2017-09-17"
    assert _dates("12:11, 14/11/2016\nSáng 14-11, hội thảo.")[1][1] == "2016-11-14"
    assert _dates("Ngày 4-12, hội nghị.", dt.date(2025, 12, 4))[0][1] == "2025-12-04"
    assert _dates("Ngày 25/5, ký kết. Trong tháng 5/2023, Liên hiệp trình.")[0][1] == "2023-05-25"
    assert _dates("Hôm 11/10, bỏ phiếu nhiệm kỳ 2023 – 2025.")[0][1] == "--10-11"


def test_target_years_do_not_date_the_event() -> None:
    assert _dates("Sáng 8/8, hội nghị về đối ngoại đến năm 2030.")[0][1] == "--08-08"
