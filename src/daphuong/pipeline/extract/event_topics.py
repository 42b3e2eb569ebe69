"""Meeting names closed by their topic: 'Hội nghị quốc tế lần thứ V về hợp tác giữa …'."""

from __future__ import annotations

import re

from daphuong.pipeline.extract.scan import Doc
from daphuong.pipeline.extract.tokens import OPEN_QUOTES

_LEAD = 6  # lower-case words between the head and 'về' ('Hội nghị quán triệt về việc …')
_TOPIC_SPAN = 40
_MIN_TOPIC = 2
# Words that start the clause's predicate or an adverbial after the name: the topic ends there.
_ENDS = frozenset(
    {"diễn", "được", "đã", "sẽ", "đang", "là", "có", "do", "tại", "vào", "nhằm", "dưới", "thu"}
    | {"với", "khi", "nhân", "cho", "để"}
)
# A time of day ends the topic only as a time ('sáng 3/5', 'chiều nay'; not 'đổi mới sáng tạo').
_TIMES = frozenset({"sáng", "chiều", "tối", "trưa", "hôm", "ngày"})
_TIME_AFTER = frozenset({"nay", "qua", "mai", "cùng", "mùng"})
_SENTENCE_ENDS = frozenset({".", "!", "?", ";"})
_ROMAN = re.compile(r"[IVXLC]+")
_GLUE = frozenset({"-", "/", "."})
_LEAD_COMMAS = 1  # 'Hội nghị quán triệt, phổ biến Chỉ thị …': verbs sharing one document
_SUBJECT_WORDS = frozenset({"các", "những", "cùng"})  # 'Tại Hội thảo các đại biểu cùng …'
_LIST_WORDS = frozenset({"các", "những"})  # ', các đối tác …': the topic lists another party


def spreads_document(doc: Doc, head_end: int) -> bool:
    """The meeting's name goes on to a document it spreads ('Hội nghị quán triệt, phổ biến
    Chỉ thị số …'), which is then listed as well."""
    about = _about_at(doc, head_end, head_end)
    return about is not None and doc.tokens[about].key != "về"


def topic_end(doc: Doc, head: int, head_end: int, end: int) -> int:
    """End of a capitalised meeting name whose head is followed by 'về' and its topic, running
    to the end of the clause ('… lần thứ V về hợp tác giữa Việt Nam và …'); else end.

    A head opening its sentence is capitalised by position only: its topic names the meeting
    only when it fills the line (a headline), not when a predicate follows."""
    toks = doc.tokens
    if any(t.is_cap and not _ROMAN.fullmatch(t.text) for t in toks[head_end:end]):
        return end  # 'Đại hội Đảng lần thứ XIII về …': a name with its body is closed
    about = _about_at(doc, head_end, end)
    j = _run_end(doc, about) if about is not None else None
    if about is None or j is None or j - about - 1 < _MIN_TOPIC:
        return end
    line_end = j == len(toks) or toks[j].newline_before
    sentence_initial = head == 0 or toks[head].newline_before or toks[head - 1].text in ".!?"
    if (sentence_initial and not line_end) or (not line_end and toks[j].text in OPEN_QUOTES):
        return end
    return max(end, j)


def _run_end(doc: Doc, about: int) -> int | None:
    """Where the topic opened at `about` stops: a sentence end, a clause word, a time, a
    bracket or a quote (a comma only before a listed party or inside a list closed by 'và');
    None when it runs too long to be a name."""
    toks = doc.tokens
    j = about + 1
    limit = min(len(toks), about + _TOPIC_SPAN)
    while j < limit:
        tok = toks[j]
        if tok.newline_before or tok.text in _SENTENCE_ENDS:
            return j
        listed = j + 1 < len(toks) and toks[j + 1].key in _LIST_WORDS
        if tok.text == "," and (listed or doc.list_comma(j)):
            j += 1
            continue
        glued = doc.joined(j) and tok.text in _GLUE  # 'Chỉ thị số 25-CT/TW'
        if not (tok.is_word or tok.is_digit or glued) or (doc.lower_like(j) and tok.key in _ENDS):
            return j
        if tok.key in _TIMES and j + 1 < len(toks):
            after = toks[j + 1]
            if after.is_digit or after.key in _TIME_AFTER:
                return j
        j += 1
    return j if j == len(toks) else None


def _about_at(doc: Doc, head_end: int, end: int) -> int | None:
    """Index of the word that opens the topic: 'về' right after the name found so far or after
    a few lower-case words following the head, or the type word of the document a meeting
    spreads ('Hội nghị quán triệt, phổ biến Chỉ thị số …'); the topic starts after it."""
    toks = doc.tokens
    if end < len(toks) and toks[end].key == "về" and doc.lower_like(end):
        return end
    commas = 0
    for m in range(head_end, min(len(toks), head_end + _LEAD + 2)):
        tok = toks[m]
        if tok.newline_before and m > head_end:
            return None
        if tok.key == "về" and doc.lower_like(m):
            return m if m > head_end else None
        if m > head_end and tok.is_cap and doc.gaz.legal_types.match(toks, m)[0] > m:
            return m
        if tok.text == "," and m > head_end and commas < _LEAD_COMMAS:
            commas += 1
            continue
        if tok.is_digit:
            continue  # 'Hội nghị sơ kết 5 năm thực hiện Chỉ thị …'
        if not tok.is_word or not doc.lower_like(m) or tok.key in _ENDS | _SUBJECT_WORDS:
            return None
    return None
