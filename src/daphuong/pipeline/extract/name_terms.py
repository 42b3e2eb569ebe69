"""A body's term after a meeting's number: 'lần thứ 4 khóa VI', 'lần thứ 3 nhiệm kỳ 2022-2027'."""

from __future__ import annotations

from daphuong.pipeline.extract.scan import Doc

_ROMAN = frozenset("IVXLC")


def term_end(doc: Doc, j: int) -> int:
    """End of 'khóa VI', 'khoá 15' or 'nhiệm kỳ 2022-2027' starting at token j, else j."""
    toks = doc.tokens
    if j + 1 < len(toks) and toks[j].key in ("khóa", "khoá"):
        nxt = toks[j + 1]
        roman = nxt.is_upper and all(c in _ROMAN for c in nxt.text)
        return j + 2 if nxt.is_digit or roman else j
    if j + 2 >= len(toks) or toks[j].key != "nhiệm" or toks[j + 1].key != "kỳ":
        return j
    k = j + 2
    if not _year(toks[k].text):
        return j
    if k + 2 < len(toks) and doc.is_dash(k + 1) and _year(toks[k + 2].text):
        return k + 3  # '2022-2027', '2022 - 2027'
    return k + 1


def _year(text: str) -> bool:
    return len(text) == 4 and text.isdigit()
