"""Recognise a line that is only a date (and time), as news pages print above an article."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

VIETNAM_TZ = dt.timezone(dt.timedelta(hours=7), "ICT")
_MAX_LINE = 90

_DATE_NUM = re.compile(r"(?<!\d)(\d{1,2})[/.\-](\d{1,2})[/.\-]((?:19|20)\d\d)(?!\d)")
_DATE_WORDS = re.compile(
    r"(?<!\d)(\d{1,2})\s{0,3}tháng\s{0,3}(\d{1,2})\s{0,3}(?:năm|,)\s{0,3}((?:19|20)\d\d)(?!\d)"
)
_TIME = re.compile(
    r"(?<!\d)([01]?\d|2[0-3])\s?[:hg]\s?([0-5]\d)(?::[0-5]\d)?(?!\d)\s?(am|pm|sa|ch)?"
)
_TZ = re.compile(r"\(?(?:gmt|utc)\s?[+-]\s?0?7(?::?00)?\)?")
_WEEKDAY = re.compile(r"\b(?:thứ\s?(?:hai|ba|tư|năm|sáu|bảy|bẩy|[2-7])|chủ\s?nhật|cn)\b")
_LABEL = re.compile(
    r"\b(?:ngày\s(?:đăng|cập\snhật|xuất\sbản)|thời\sgian\s(?:đăng|cập\snhật)|cập\snhật"
    r"|đăng\sngày|đăng\slúc|đăng|xuất\sbản|published|updated|posted)\b"
)
_FILLER = re.compile(r"\b(?:ngày|lúc|giờ|vào)\b")
_LEFTOVER = re.compile(r"[\s,|\-–—/•·:()\[\]]+")
# An outlet's tag before the date ('VOV.VN - 09:45 | 24/05/2024', '(TTXVN) | 12/3/2024'): a
# site name or a short acronym in capitals, set off by a dash or a bar.
_OUTLET = re.compile(
    r"\(?(?:[A-Za-z0-9-]{2,20}\.(?:vn|VN|com|net|org)|[A-ZĐ][A-ZĐ0-9&+]{1,9}(?:\.VN)?)\)?"
    r"\s{0,3}[-–—|]\s{0,3}(?=\d)"
)


@dataclass(frozen=True, slots=True)
class DateLine:
    """A date-only line: its moment, and whether it is a site's 'today' banner."""

    when: dt.datetime
    is_today_banner: bool


def parse_date_line(line: str) -> DateLine | None:
    """Parse a line made only of a date, a time, a weekday and labels; None for anything else."""
    s = line.strip()
    outlet = _OUTLET.match(s)
    s = s[outlet.end() :].casefold() if outlet else s.casefold()
    if not s or len(s) > _MAX_LINE or not any(c.isdigit() for c in s):
        return None
    m = _DATE_NUM.search(s) or _DATE_WORDS.search(s)
    if m is None:
        return None
    day, month, year = (int(g) for g in m.groups())
    rest = s[: m.start()] + " | " + s[m.end() :]
    t = _TIME.search(rest)
    hour = minute = 0
    if t is not None:
        hour, minute = int(t.group(1)), int(t.group(2))
        if t.group(3) in ("pm", "ch") and hour < 12:
            hour += 12
        rest = rest[: t.start()] + " | " + rest[t.end() :]
    has_weekday = _WEEKDAY.search(rest) is not None
    for pattern in (_TZ, _WEEKDAY, _LABEL, _FILLER):
        rest = pattern.sub(" ", rest)
    if _LEFTOVER.sub("", rest):
        return None
    try:
        when = dt.datetime(year, month, day, hour, minute, tzinfo=VIETNAM_TZ)
    except ValueError:
        return None
    return DateLine(when, is_today_banner=has_weekday and t is None)


def date_from_metadata(value: str | None) -> dt.datetime | None:
    """Read an ISO date or date-time from page metadata, in Vietnam time when no zone is given."""
    if not value:
        return None
    try:
        when = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=VIETNAM_TZ)
