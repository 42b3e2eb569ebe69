"""An event's date: day and month as written, the year from the sentence, date line or text."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from daphuong.domain.extraction import EntityType, ExtractedEvent, Mention

_YEAR = r"((?:19|20)\d\d)"
_YEAR_OF_NAM = re.compile(r"(?<!\w)năm\s+" + _YEAR + r"(?!\d)", re.IGNORECASE)
_NOT_THIS_YEAR = re.compile(r"(?:đến|tới|từ|trước|sau|tầm nhìn)\s+(?:hết\s+)?$", re.IGNORECASE)
_MONTH_YEAR = re.compile(r"(?<!\w)tháng\s+\d{1,2}\s*[/.-]\s*" + _YEAR + r"(?!\d)", re.IGNORECASE)
# '75 năm thành lập Liên hợp quốc (1945-2020)': an anniversary's range ends in its own year.
_ANNIVERSARY = re.compile(
    r"\d+\s+năm[^()]{0,80}\(\s*(?:\d{1,2}/\d{1,2}/)?" + _YEAR + r"\s*[-–]\s*"
    r"(?:\d{1,2}/\d{1,2}/)?" + _YEAR + r"\s*\)",
    re.IGNORECASE,
)
_TO = r"(?:[-–]|\s(?:đến|tới|và)\s(?:ngày\s)?)"  # '14-15/11', '5 đến 7/6', '14 và 15/8'
_FULL = re.compile(
    r"(\d{1,2})\s*(?:" + _TO + r"\s*\d{1,2}\s*)?[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)"
)  # '14-15/11/2023': a range's first day
_NUMERIC = re.compile(r"(\d{1,2})\s*(?:" + _TO + r"\s*\d{1,2}\s*)?[/.-]\s*(\d{1,2})()")
_WORDS = re.compile(r"(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s*(?:năm|,)\s*(\d{4}))?", re.IGNORECASE)
_ISO = re.compile(r"^(\d{4})-(\d\d)-(\d\d)$")
_PARTIAL = re.compile(r"^--(\d\d)-(\d\d)$")
_RANGE_DAY = re.compile(r"(?<![\d/.-])(\d{1,2})\s*(?:đến|tới|-|–)\s*(?:ngày\s+)?$", re.I)
_DAY_MONTH = re.compile(r"\d{1,2}\s*[/.-]\s*\d{1,2}")
_RANGED = re.compile(r"\d\s*(?:-|–|đến|tới)\s*(?:ngày\s+)?\d{1,2}\s*[/.-]", re.I)
_RANGE_NEXT = re.compile(r"\s*(?:[-–]\s*\d{1,2}\s*[/.-]|(?:đến|tới)\s+(?:ngày\s+)?\d)", re.I)
_RANGE_PREV = re.compile(r"(?:\d\s*[-–]|đến|tới|từ)\s*(?:ngày\s+)?$", re.I)
_LATE_MONTHS = 2
_MID_YEAR = 6


def parse_day_month(text: str, value: str | None = None) -> tuple[int, int, int | None] | None:
    """(day, month, written year or None) of a DATE mention; the first day of a range."""
    m = _WORDS.search(text) or _FULL.search(text) or _NUMERIC.search(text)
    if m is not None:
        day, month = int(m.group(1)), int(m.group(2))
        year = int(m.group(3)) if m.group(3) else None
        if 1 <= day <= 31 and 1 <= month <= 12:
            return day, month, year
    if value:
        iso, partial = _ISO.match(value), _PARTIAL.match(value)
        if partial is not None:
            return int(partial.group(2)), int(partial.group(1)), None
        if iso is not None:
            return int(iso.group(3)), int(iso.group(2)), None
    return None


def range_start(text: str, start: int, day: int, written: str = "") -> int:
    """'từ ngày 5 đến 8/6/2023': the first day of a range whose month is written once (before
    the DATE mention, or inside it when the mention is the whole range: '5 đến 8/6')."""
    inner = _DAY_MONTH.search(written)
    cut = start + inner.start() if inner else start
    m = _RANGE_DAY.search(text[max(0, cut - 24) : cut])
    return int(m.group(1)) if m and 1 <= int(m.group(1)) < day else day


def single_day(text: str, start: int, end: int, written: str, value: str | None) -> bool:
    """The DATE at text[start:end] names one day, not an end or start of a range ('từ ngày
    11/9', 'đến 13/10', '10-11/7', '5/3 - 8/3')."""
    if _RANGE_PREV.search(text[max(0, start - 12) : start]) or _RANGE_NEXT.match(text, end):
        return False
    parsed = parse_day_month(written, value)
    if parsed is None or _RANGED.search(written):
        return False
    return range_start(text, start, parsed[0], written) == parsed[0]


def _years_of_nam(text: str) -> list[int]:
    return [
        int(m.group(1))
        for m in _YEAR_OF_NAM.finditer(text)
        if not _NOT_THIS_YEAR.search(text[max(0, m.start() - 20) : m.start()])
    ]


def sentence_years(text: str) -> list[int]:
    """Years a sentence gives its events: 'năm 2022', 'tháng 1/2020', an anniversary's end."""
    years = _years_of_nam(text)
    years += [int(m.group(1)) for m in _MONTH_YEAR.finditer(text)]
    years += [int(m.group(2)) for m in _ANNIVERSARY.finditer(text)]
    return years


def document_years(text: str) -> list[int]:
    """Years the whole text places itself in ('trong nửa đầu năm 2024', 'tháng 5/2023')."""
    return _years_of_nam(text) + [int(m.group(1)) for m in _MONTH_YEAR.finditer(text)]


def resolve_year(
    month: int,
    sentence: list[int],
    published: dt.date | None,
    document: list[int],
    *,
    ahead: bool = False,
) -> int | None:
    """The year of a day-and-month date, by ANNOTATION.md's order of evidence; a date `ahead`
    (a plan's day: 'dự kiến diễn ra từ ngày 20/10') falls on or after the date line."""
    if published is not None and not ahead:
        sentence = [y for y in sentence if y <= published.year]
    if sentence:
        return _sentence_year(sorted(set(sentence)), month)
    if published is not None and ahead:
        return published.year + 1 if month < published.month else published.year
    if published is not None:
        late = month - published.month > _LATE_MONTHS
        return published.year - 1 if late else published.year
    return max(document) if document else None


def _sentence_year(years: list[int], month: int) -> int:
    """The latest year; of two consecutive ones ('tổng kết năm 2024, triển khai năm 2025'),
    the later for a meeting early in the year and the earlier for one late in the year."""
    latest = years[-1]
    if len(years) > 1 and years[-2] == latest - 1 and month > _MID_YEAR:
        return years[-2]
    return latest


def format_date(day: int, month: int, year: int | None) -> str:
    """ISO 'YYYY-MM-DD', or '--MM-DD' when the year is unknown; '' for impossible dates."""
    try:
        dt.date(year or 2000, month, day)
    except ValueError:
        return ""
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"


_HISTORY_GAP = 5  # a page may be dated years after what it reports (2022 on a 2024 page)


def recent_events(
    events: list[ExtractedEvent], mentions: Sequence[Mention], published: dt.date | None
) -> list[ExtractedEvent]:
    """'Ngày 19/11/1950 diễn ra Hội nghị …' in a story of 2025 is history, not a report: an
    event dated years before the date line (else the latest year the text dates) is dropped."""
    news = news_year([m for m in mentions if m.type is EntityType.DATE], published)
    return [e for e in events if not _dated(e.date) or int(e.date[:4]) >= news - _HISTORY_GAP]


def news_year(dates: Sequence[Mention], published: dt.date | None) -> int:
    """The year the story is told in: the date line's, else the latest year a date writes."""
    parsed = [parse_day_month(m.text, m.value) for m in dates]
    years = [p[2] for p in parsed if p is not None and p[2] is not None]
    return published.year if published else max(years, default=0)


def _dated(value: str | None) -> bool:
    return value is not None and value[:4].isdigit()
