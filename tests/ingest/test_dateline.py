"""Tests for date-only lines and metadata dates."""

from __future__ import annotations

import datetime as dt

import pytest

from daphuong.ingest.dateline import VIETNAM_TZ, date_from_metadata, parse_date_line


def _at(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=VIETNAM_TZ)


@pytest.mark.parametrize(
    ("line", "when"),
    [
        ("Thứ Bảy, 13/04/2024 03:38", _at(2024, 4, 13, 3, 38)),
        ("13/04/2024 | 03:38 GMT+7", _at(2024, 4, 13, 3, 38)),
        ("Cập nhật: 08:15 ngày 12/04/2022", _at(2022, 4, 12, 8, 15)),
        ("14:23 | 11/03/2020", _at(2020, 3, 11, 14, 23)),
        ("12:11, 14/11/2016", _at(2016, 11, 14, 12, 11)),
        ("15/12/2021 - 14:32", _at(2021, 12, 15, 14, 32)),
        ("Thứ hai, 23/11/2026, 08:00 (GMT+7)", _at(2026, 11, 23, 8, 0)),
        ("Ngày đăng: 05-06-2023", _at(2023, 6, 5)),
        ("ngày 12 tháng 4 năm 2022 09h30", _at(2022, 4, 12, 9, 30)),
        ("TTXVN.VN - 07:10 | 03/02/2025", _at(2025, 2, 3, 7, 10)),
        ("(NDO) | 18/9/2022 20:05", _at(2022, 9, 18, 20, 5)),
        ("tintuc.vn – 15:00, 01/10/2021", _at(2021, 10, 1, 15, 0)),
    ],
)
def test_article_date_lines(line: str, when: dt.datetime) -> None:
    parsed = parse_date_line(line)
    assert parsed is not None
    assert parsed.when == when
    assert not parsed.is_today_banner


@pytest.mark.parametrize(
    "line", ["Thứ Hai, ngày 23/11/2026", "Thứ Bảy, ngày 26 tháng 9 năm 2020", "Chủ nhật, 5/5/2024"]
)
def test_weekday_without_time_is_a_site_today_banner(line: str) -> None:
    parsed = parse_date_line(line)
    assert parsed is not None and parsed.is_today_banner


@pytest.mark.parametrize(
    "line",
    [
        "Ngày 12/4, Ban Đối ngoại Trung ương đã tổ chức hội nghị.",
        "Sáng 30/11/2023 tại Hà Nội",
        "Nhiệm kỳ 2023-2028",
        "32/13/2024 10:00",
        "",
        "Hội nghị ngày 12/04/2022 | 03:38",
        "Đà Nẵng - 12/3/2024",  # a place before a date is a story's opening, not an outlet tag
        "VTV - Ngày 4/5/2023, đoàn đã tới Lào",
    ],
)
def test_sentences_and_impossible_dates_are_not_date_lines(line: str) -> None:
    assert parse_date_line(line) is None


def test_metadata_dates_are_in_vietnam_time_when_no_zone() -> None:
    assert date_from_metadata("2024-10-02") == _at(2024, 10, 2)
    assert date_from_metadata("2024-10-02T09:30:00+0700") == _at(2024, 10, 2, 9, 30)
    assert date_from_metadata("not a date") is None
    assert date_from_metadata(None) is None
