"""iCalendar writer: CRLF endings, folding at 75 octets, TEXT escaping."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from daphuong.reports.ical import CalendarEntry, calendar, escape_text, fold, unfold

STAMP = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)


def _feed(summary: str, description: str = "") -> str:
    entry = CalendarEntry("plan-1@daphuong", dt.date(2021, 6, 30), summary, description)
    return calendar([entry], name="Hạn", stamp=STAMP)


def test_every_line_ends_with_crlf_and_fits_75_octets() -> None:
    text = _feed("Hạn: " + "Tổ chức Diễn đàn nhân dân ASEAN về hợp tác phát triển bền vững " * 3)
    assert text.endswith("\r\n")
    physical = text.split("\r\n")[:-1]
    assert all("\n" not in line and "\r" not in line for line in physical)
    assert all(len(line.encode("utf-8")) <= 75 for line in physical)
    assert any(line.startswith(" ") for line in physical)  # folded


def test_unfolded_lines_restore_the_summary() -> None:
    summary = "Hạn: " + "Đề án tăng cường đối ngoại nhân dân; giai đoạn 2021–2025, " * 2
    lines = unfold(_feed(summary))
    assert f"SUMMARY:{escape_text(summary)}" in lines
    assert lines[:2] == ["BEGIN:VCALENDAR", "VERSION:2.0"]
    assert "DTSTART;VALUE=DATE:20210630" in lines
    assert "DTEND;VALUE=DATE:20210701" in lines
    assert "DTSTAMP:20260102T030405Z" in lines


def test_text_escaping() -> None:
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    lines = unfold(_feed("x", "dòng 1\r\ndòng 2, có dấu; phẩy"))
    assert "DESCRIPTION:dòng 1\\ndòng 2\\, có dấu\\; phẩy" in lines


def test_begin_and_end_balance() -> None:
    entries = [CalendarEntry(f"u{i}", dt.date(2021, 1, 1 + i), f"T{i}") for i in range(3)]
    lines = unfold(calendar(entries, name="n", stamp=STAMP))
    assert lines.count("BEGIN:VEVENT") == lines.count("END:VEVENT") == 3


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=400))
def test_fold_never_splits_a_character_and_unfolds_back(value: str) -> None:
    line = "SUMMARY:" + value
    folded = fold(line)
    assert all(len(p.encode("utf-8")) <= 75 for p in folded.split("\r\n"))
    assert unfold(folded + "\r\n") == [line]
