"""Tests for event dates and the year rule."""

from __future__ import annotations

import datetime as dt

import pytest

from daphuong.domain.extraction import ExtractedEvent
from daphuong.pipeline.extract.event_dates import (
    document_years,
    format_date,
    parse_day_month,
    recent_events,
    resolve_year,
    sentence_years,
    single_day,
)


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        ("19-11-1950", None, (19, 11, 1950)),
        ("26-29/10", None, (26, 10, None)),
        ("31.7", None, (31, 7, None)),
        ("12 đến 14/9", None, (12, 9, None)),
        ("24 đến 26-11", None, (24, 11, None)),
        ("14 và 15/8", None, (14, 8, None)),
        ("3 đến ngày 8/3/2024", None, (3, 3, 2024)),
        ("5 tháng 9 năm 2019", None, (5, 9, 2019)),
        ("hôm qua", "--03-02", (2, 3, None)),
        ("không rõ", None, None),
    ],
)
def test_parse_day_month_reads_the_first_day(
    text: str, value: str | None, expected: tuple[int, int, int | None] | None
) -> None:
    assert parse_day_month(text, value) == expected


def test_sentence_years_skip_targets_and_read_anniversaries() -> None:
    text = (
        "hội nghị triển khai năm 2022 hướng tới năm 2030, dịp 30 năm quan hệ (1993-2023), "
        "tháng 4/2021"
    )
    assert sorted(sentence_years(text)) == [2021, 2022, 2023]


def test_document_years_ignore_terms_and_targets() -> None:
    assert document_years("nhiệm kỳ 2020-2025, đến năm 2030, trong nửa đầu năm 2024") == [2024]


def test_resolve_year_prefers_the_sentence_then_the_date_line_then_the_text() -> None:
    assert resolve_year(4, [2022], dt.date(2024, 4, 13), [2021]) == 2022
    assert resolve_year(4, [], dt.date(2024, 4, 13), [2021]) == 2024
    assert resolve_year(12, [], dt.date(2024, 1, 10), []) == 2023  # reported early next year
    assert resolve_year(4, [], None, [2019, 2021]) == 2021
    assert resolve_year(4, [], None, []) is None


def test_review_and_plan_years_follow_the_month_of_the_meeting() -> None:
    assert resolve_year(12, [2024, 2025], None, []) == 2024  # 'tổng kết 2024, triển khai 2025'
    assert resolve_year(3, [2024, 2025], None, []) == 2025
    assert resolve_year(12, [2019, 2025], None, []) == 2025


def test_format_date_partial_full_and_impossible() -> None:
    assert format_date(3, 2, None) == "--02-03"
    assert format_date(3, 2, 2021) == "2021-02-03"
    assert format_date(31, 2, 2021) == ""


def test_a_full_date_range_gives_its_first_day() -> None:
    assert parse_day_month("14-15/11/2023") == (14, 11, 2023)
    assert parse_day_month("14 – 15/11/2023") == (14, 11, 2023)
    assert parse_day_month("23-11-2023") == (23, 11, 2023)


def test_single_day_excludes_both_ends_of_a_range() -> None:
    text = "Kỳ họp diễn ra từ ngày 24/2 đến 4/4; ngày 4/3 có phiên chất vấn, 10-11/7 có hội nghị."

    def day(written: str) -> bool:
        start = text.index(written)
        return single_day(text, start, start + len(written), written, None)

    assert not day("24/2")
    assert not day("4/4")
    assert not day("10-11/7")
    assert day("4/3")


def test_single_day_stays_linear_on_long_runs_of_digits_and_dashes() -> None:
    text = "1 - " * 20000 + "5/3"
    assert single_day(text, len(text) - 3, len(text), "5/3", None) is False
    assert single_day("đến " * 20000, 0, 3, "1" * 20000, None) is False


def test_a_day_ahead_falls_on_or_after_the_date_line() -> None:
    assert resolve_year(10, [], dt.date(2024, 7, 18), [], ahead=True) == 2024
    assert resolve_year(1, [], dt.date(2025, 8, 21), [], ahead=True) == 2026
    assert resolve_year(10, [], dt.date(2024, 7, 18), []) == 2023  # told after the fact
    assert resolve_year(3, [2026], dt.date(2025, 8, 21), [], ahead=True) == 2026


def test_recent_events_drop_history_told_years_before_the_date_line() -> None:
    old = ExtractedEvent(kind="hội nghị", name="", date="1950-11-19")
    new = ExtractedEvent(kind="hội nghị", name="", date="2024-03-02")
    undated = ExtractedEvent(kind="lễ", name="", date="--03-02")
    kept = recent_events([old, new, undated], [], dt.date(2024, 3, 3))
    assert kept == [new, undated]
