"""Date mentions (day and month at least) with ISO values; the year comes from the context."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

from daphuong.domain.extraction import EntityType
from daphuong.pipeline.extract.scan import Candidate, Doc

DATE = EntityType.DATE
_NUMERIC = re.compile(
    r"(?<![\w/.,:])(?P<d>\d{1,2})(?:(?P<rng>\s?[-–]\s?)(?P<d2>\d{1,2}))?"
    r"(?P<sep>[/.-])(?P<m>\d{1,2})(?:(?P=sep)(?P<y>\d{4}))?(?![\w/]|[.,]\d)"
)
# 'Từ ngày 5 đến 7/6', '24 đến 26-11', 'hai ngày 14 và 15/8': one span, its first day bare,
# valued at that day.
_SPAN = re.compile(
    r"(?<![\w/.,:])(?P<d>\d{1,2})\s(?:đến|tới|và)\s(?:ngày\s)?(?P<d2>\d{1,2})"
    r"(?P<sep>[/.-])(?P<m>\d{1,2})(?:(?P=sep)(?P<y>\d{4}))?(?![\w/]|[.,]\d)",
    re.IGNORECASE,
)
_SPAN_CUE = re.compile(r"(?:ngày|từ)\s*$", re.IGNORECASE)
_WORDY = re.compile(
    r"(?<!\w)(?P<d>\d{1,2})\stháng\s(?P<m>\d{1,2})(?:,?\snăm\s(?P<y>\d{4}))?(?!\w)",
    re.IGNORECASE,
)
# A dash or dot date without its year needs a cue word right before it ('Ngày 23-11').
_CUE = re.compile(
    r"(?:ngày|sáng|chiều|tối|trưa|đêm|hôm|từ|đến|tới|và|mùng|hôm nay)\s*$", re.IGNORECASE
)
_WINDOW = 600
_HEADER_REACH = 3000  # the date line sits at the top of the page
_TIME = re.compile(r"\b\d{1,2}:\d{2}\b")
_SENTENCE = re.compile(r"[.!?](?=\s)|\n")
_YEAR_NAM = re.compile(r"(?<!đến )(?<!tới )năm (\d{4})(?!\d)")
_YEAR_MONTH = re.compile(r"tháng \d{1,2}[/-](\d{4})(?!\d)")
_YEAR_PAREN = re.compile(r"\((?:[^()]{0,40}?[-–]\s?)?\d{0,2}/?\d{0,2}/?(\d{4})\)")


@dataclass(frozen=True, slots=True)
class _Raw:
    start: int
    end: int
    day: int
    month: int
    year: int | None


def find(doc: Doc, published: dt.date | None = None) -> list[Candidate]:
    """Every day-and-month date, valued with the best year the text gives."""
    text = doc.text
    raws = sorted(
        _without_inner(_numeric(text), _spans(text)) + _wordy(text), key=lambda r: r.start
    )
    header = _header_year(text, raws)
    doc_year = _document_year(text, raws)
    starts = [r.start for r in raws]
    out: list[Candidate] = []
    for r in raws:
        year = r.year or _sentence_year(text, r, raws, starts) or header
        if year is None and published is not None:
            year = published.year
        year = year or doc_year
        value = f"{year:04d}-{r.month:02d}-{r.day:02d}" if year else f"--{r.month:02d}-{r.day:02d}"
        out.append(Candidate(DATE, r.start, r.end, "pattern", 0.9, value))
    return out


def _valid(day: int, month: int) -> bool:
    return 1 <= day <= 31 and 1 <= month <= 12


def _numeric(text: str) -> list[_Raw]:
    out: list[_Raw] = []
    for m in _NUMERIC.finditer(text):
        day, month = int(m["d"]), int(m["m"])
        if not _valid(day, month) or (m["d2"] and not _valid(int(m["d2"]), month)):
            continue
        if (
            m["sep"] != "/"
            and not m["y"]
            and not _CUE.search(text[max(0, m.start() - 12) : m.start()])
        ):
            continue
        out.append(_Raw(m.start(), m.end(), day, month, int(m["y"]) if m["y"] else None))
    return out


def _spans(text: str) -> list[_Raw]:
    """Ranges whose first day is a bare number opened by 'từ' or 'ngày' ('từ ngày 5 đến 7/6')."""
    out: list[_Raw] = []
    for m in _SPAN.finditer(text):
        day, last, month = int(m["d"]), int(m["d2"]), int(m["m"])
        if not (_valid(day, month) and _valid(last, month)) or day >= last:
            continue
        if not _SPAN_CUE.search(text[max(0, m.start() - 12) : m.start()]):
            continue
        out.append(_Raw(m.start(), m.end(), day, month, int(m["y"]) if m["y"] else None))
    return out


def _without_inner(raws: list[_Raw], spans: list[_Raw]) -> list[_Raw]:
    """A range's closing date is part of the range, not a date of its own."""
    ends = {s.end for s in spans}
    return [r for r in raws if r.end not in ends] + spans


def _dash_joined(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else ""
    after = text[end : end + 2]
    return before in "-–" or (after[:1] in "-–" and after[1:2].isdigit())


def _wordy(text: str) -> list[_Raw]:
    out: list[_Raw] = []
    for m in _WORDY.finditer(text):
        day, month = int(m["d"]), int(m["m"])
        if _valid(day, month):
            out.append(_Raw(m.start(), m.end(), day, month, int(m["y"]) if m["y"] else None))
    return out


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """The sentence around pos, looked for within a bounded window (long texts stay linear)."""
    start = max(0, pos - _WINDOW)
    for m in _SENTENCE.finditer(text, start, pos):
        start = m.end()
    limit = min(len(text), pos + _WINDOW)
    nxt = _SENTENCE.search(text, pos, limit)
    return start, nxt.start() if nxt else limit


def _inside_date(pos: int, raws: list[_Raw], starts: list[int]) -> bool:
    k = bisect.bisect_right(starts, pos) - 1
    return k >= 0 and raws[k].start <= pos < raws[k].end


def _years_in(
    text: str,
    span: tuple[int, int],
    raws: list[_Raw],
    starts: list[int],
    patterns: tuple[re.Pattern[str], ...],
) -> list[int]:
    """Years the passage states as its time: 'năm 2022', 'tháng 5/2023', '(1945-2020)'."""
    start, end = span
    found: list[int] = []
    for rx in patterns:
        for m in rx.finditer(text, start, end):
            if not _inside_date(m.start(1), raws, starts):
                found.append(int(m.group(1)))
    return found


def _sentence_year(text: str, raw: _Raw, raws: list[_Raw], starts: list[int]) -> int | None:
    start, end = _sentence_bounds(text, raw.start)
    years = _years_in(text, (start, end), raws, starts, (_YEAR_NAM, _YEAR_MONTH, _YEAR_PAREN))
    lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
    years += [r.year for r in raws[lo:hi] if r.year]
    return max(years) if years else None


def _header_year(text: str, raws: list[_Raw]) -> int | None:
    """The article's date line: a full date with a clock time on the same line."""
    for r in raws:
        if r.start > _HEADER_REACH:
            break
        if r.year is None:
            continue
        line_start = text.rfind("\n", 0, r.start) + 1
        line_end = text.find("\n", r.end)
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        if len(line) < 80 and _TIME.search(line):
            return r.year
    return None


def _document_year(text: str, raws: list[_Raw]) -> int | None:
    starts = [r.start for r in raws]
    years = _years_in(text, (0, len(text)), raws, starts, (_YEAR_NAM, _YEAR_MONTH))
    return max(years) if years else None
