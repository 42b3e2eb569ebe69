"""Find page clutter in pasted news text (banners, date line, share buttons, related tails)."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from daphuong.domain.document import Segment
from daphuong.ingest.dateline import parse_date_line

BANNER, DATELINE, SHARE, NAV, RELATED, TAGS, COMMENTS, FOOTER = (
    "banner",
    "dateline",
    "share",
    "nav",
    "related",
    "tags",
    "comments",
    "footer",
)


def _vocabulary(words: str) -> frozenset[str]:
    """A set of lowercase phrases written as one '|'-separated string."""
    return frozenset(words.split("|"))


_SHARE_WORDS = _vocabulary(
    "chia sẻ|in bài|in bài viết|bản in|in|facebook|zalo|twitter|x|linkedin|telegram|email"
    "|gửi email|gửi mail|lưu|lưu bài|lưu bài viết|lưu tin|gửi phản hồi|gửi bài|copy link"
    "|sao chép liên kết|tương phản|cỡ chữ|a-|a+|a|nghe|nghe đọc bài|google news|share|like"
    "|tweet|print|quay lại|về trang chủ|trang chủ|theo dõi|bình chọn|thích|chia sẻ bài viết"
    "|gửi|google|messenger|copy"
)
_NAV_WORDS = _vocabulary(
    "tiếng việt|english|中文|français|русский|español|한국어|日本語|vi|en|leftcenterrightdel"
    "|menu|tìm kiếm|đăng nhập|đăng ký"
)
_RELATED_HEADINGS = _vocabulary(
    "đọc thêm|tin liên quan|bài liên quan|tin bài liên quan|bài viết liên quan|xem thêm"
    "|tin cùng chuyên mục|bài cùng chuyên mục|tin khác|các tin khác|tin tức khác|các bài khác"
    "|các bài viết khác|các tin đã đưa|có thể bạn quan tâm|tin mới|tin mới nhất|tin đọc nhiều"
    "|đọc nhiều|đọc nhiều nhất|tin nổi bật|tin xem nhiều|bài đọc nhiều|video liên quan"
)
_COMMENT_HEADINGS = _vocabulary(
    "bình luận|phản hồi|ý kiến bạn đọc|ý kiến|gửi bình luận|viết bình luận|gửi ý kiến"
    "|bình luận của bạn|ý kiến của bạn|comments"
)
_SPLIT = re.compile(r"\s*[|·•/,]\s*")
_COUNT_SUFFIX = re.compile(r"\s*\(\d{1,6}\)\s*:?$|\s*:$")
_RELATED_PREFIX = re.compile(r"^[*•>\s]{0,3}(?:mời bạn đọc|xem thêm:|đọc thêm:|tin liên quan:)")
_COMMENT_PREFIX = re.compile(r"^[*•\s]{0,3}(?:vui lòng nhập bình luận|bạn đọc gửi bình luận)")
_TAGS_PREFIX = re.compile(r"^(?:từ khóa|từ khoá|tags?|keywords?)\s?:")
_FOLLOW = re.compile(r"^theo dõi \S{1,40}(?: trên(?: \S{1,20}){0,2})?$")
_FOOTER_PREFIX = re.compile(
    r"^(?:bản quyền|copyright|©|đơn vị quản lý|cơ quan chủ quản|giấy phép|chịu trách nhiệm"
    r"|tel\b.{0,60}\b(?:fax|mail))"
)
_SLOGAN = re.compile(r"chào mừng|kỷ niệm|nhiệt liệt|thi đua|quyết tâm")
_CAPTION = re.compile(r"^(?:ảnh|hình)(?: minh họa| minh hoạ)?\s?[:.]?\s?$|^(?:ảnh|hình) minh h")
_SHORT_LINE = 60
_TITLE_MAX = 200
_BANNER_MIN = 120
_BANNER_TOP_LINES = 3
_RELATED_LINK_MAX = 150
_RELATED_LINKS_MAX = 8
_TAIL_FROM = 0.5


def find_clutter(text: str) -> list[Segment]:
    """Character ranges of the original text that are page clutter, in text order."""
    return list(_scan(text)[0])


def find_dateline(text: str) -> dt.datetime | None:
    """The publication moment from the article's date line (not a site's 'today' banner)."""
    return _scan(text)[1]


def guess_title(text: str) -> str | None:
    """The first short line that is not clutter or a photo caption, taken as the title."""
    segments = _scan(text)[0]
    for start, end in _line_spans(text):
        line = text[start:end].strip()
        if not any(c.isalpha() for c in line) or _CAPTION.match(line.casefold()):
            continue
        if not any(s.start <= start < s.end for s in segments):
            return line if len(line) <= _TITLE_MAX and not line.endswith(".") else None
    return None


def _line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, without its line break."""
    spans = []
    start = 0
    for line in text.splitlines(keepends=True):
        end = start + len(line.rstrip("\r\n"))
        spans.append((start, end))
        start += len(line)
    return spans


@lru_cache(maxsize=16)
def _scan(text: str) -> tuple[tuple[Segment, ...], dt.datetime | None]:
    """Mark clutter line by line; cached because the clean stage asks twice per text."""
    segments: list[Segment] = []
    published: dt.datetime | None = None
    spans = _line_spans(text)
    nonblank_seen = 0
    text_seen = False  # a line that is not clutter (the headline) came before
    i = 0
    while i < len(spans):
        start, end = spans[i]
        line = text[start:end].strip()
        if not line:
            i += 1
            continue
        nonblank_seen += 1
        heading = _heading_kind(line)
        if heading is not None:
            last = _heading_extent(text, spans, i)
            tail_end = spans[last][1]
            segments.append(Segment(start, tail_end, heading))
            i = last + 1
            continue
        kind = _line_kind(line, nonblank_seen)
        if kind == BANNER and text_seen and published is None and parse_date_line(line):
            kind = DATELINE  # 'Thứ Sáu, 20/09/2024' under the headline dates the article
        text_seen = text_seen or kind is None
        if kind == DATELINE and published is None:
            date_line = parse_date_line(line)
            published = date_line.when if date_line else None
        if kind is not None:
            offset = start + len(text[start:end]) - len(text[start:end].lstrip())
            segments.append(Segment(offset, offset + len(line), kind))
        i += 1
    return tuple(segments), published


def _line_kind(line: str, nonblank_seen: int) -> str | None:
    """Classify one stripped line that is not a related/comments heading."""
    low = line.casefold()
    if len(low) <= _SHORT_LINE:
        kind = _short_line_kind(line, low)
        if kind is not None:
            return kind
    if _TAGS_PREFIX.match(low):
        return TAGS
    if len(low) <= 200 and _FOOTER_PREFIX.match(low):
        return FOOTER
    if nonblank_seen <= _BANNER_TOP_LINES and _is_slogan_banner(line, low):
        return BANNER
    return None


def _short_line_kind(line: str, low: str) -> str | None:
    """Date lines, language switches and share buttons are short lines."""
    parsed = parse_date_line(line)
    if parsed is not None:
        return BANNER if parsed.is_today_banner else DATELINE
    if _all_in(low, _NAV_WORDS):
        return NAV
    if _all_in(low, _SHARE_WORDS) or _FOLLOW.match(low):
        return SHARE
    return None


def _all_in(low: str, words: frozenset[str]) -> bool:
    """Every separator-delimited part of the line is one of the words."""
    parts = [p for p in _SPLIT.split(low) if p]
    return bool(parts) and all(p in words for p in parts)


def _is_slogan_banner(line: str, low: str) -> bool:
    """A long top line of slogans: mostly capitals, or several 'chào mừng'/'kỷ niệm' phrases."""
    if len(line) < _BANNER_MIN:
        return False
    letters = [c for c in line if c.isalpha()]
    upper = sum(1 for c in letters if c.isupper())
    return upper >= 0.5 * len(letters) or len(_SLOGAN.findall(low)) >= 2


def _heading_kind(line: str) -> str | None:
    """RELATED or COMMENTS when the line opens a block of related links or comments."""
    low = line.casefold()
    if len(low) > _RELATED_LINK_MAX:
        return None
    bare = _COUNT_SUFFIX.sub("", low).strip(" *•")
    if bare in _RELATED_HEADINGS or _RELATED_PREFIX.match(low):
        return RELATED
    if bare in _COMMENT_HEADINGS or _COMMENT_PREFIX.match(low):
        return COMMENTS
    return None


def _heading_extent(text: str, spans: list[tuple[int, int]], i: int) -> int:
    """Index of the last line a heading covers: to the end when late in the text, else its links."""
    start = spans[i][0]
    if start >= _TAIL_FROM * len(text.rstrip()):
        last = len(spans) - 1
        while last > i and not text[spans[last][0] : spans[last][1]].strip():
            last -= 1
        return last
    last = i
    for j in range(i + 1, min(len(spans), i + 1 + _RELATED_LINKS_MAX)):
        line = text[spans[j][0] : spans[j][1]].strip()
        if not line or len(line) > _RELATED_LINK_MAX or line.endswith((".", ":", ";")):
            break
        last = j
    return last
