"""Dashes that join a pair inside a name: 'Việt Nam – Lào', 'ASEAN - Nhật Bản'."""

from __future__ import annotations

from daphuong.pipeline.extract.scan import Doc

_JOINERS = frozenset("&")


def place_pair(doc: Doc, j: int) -> bool:
    """'Việt Nam – Lào', 'Việt - Hàn', 'Á - Âu': a dash between two places."""
    toks = doc.tokens
    prev, nxt = toks[j - 1], toks[j + 1]
    short = doc.gaz.short_places
    left = prev.key in short or _ends_place(doc, j)
    right = nxt.key in short or doc.name_at(j + 1)[1] == "LOC"
    return left and right


def grouping_pair(doc: Doc, j: int) -> bool:
    """'ASEAN - Nhật Bản', 'Mekong – Hàn Quốc', 'Nhật Bản – UNESCO': a dash after a grouping
    (an acronym, a known name or a place), before a place or a body."""
    toks = doc.tokens
    prev, nxt = toks[j - 1], toks[j + 1]
    left = (prev.is_upper and len(prev.text) >= 3) or doc.name_at(j - 1)[0] == j
    left = left or _ends_place(doc, j)  # 'Quỹ ủy thác Nhật Bản – UNESCO'
    right = nxt.key in doc.gaz.short_places or doc.name_at(j + 1)[1] in ("LOC", "ORG")
    return left and right and nxt.is_cap


def capital_pair(doc: Doc, j: int) -> bool:
    """A dash between two capitalised words ('Việt Nam – Nhật Bản') inside a meeting's topic."""
    toks = doc.tokens
    inner = 0 < j < len(toks) - 1 and doc.is_dash(j)
    return inner and toks[j - 1].is_cap and toks[j + 1].is_cap and not toks[j + 1].newline_before


def _ends_place(doc: Doc, j: int) -> bool:
    for k in range(max(0, j - 4), j):
        end, label = doc.name_at(k)
        if label == "LOC" and end == j:
            return True
    return False


def punct_end(doc: Doc, j: int, *, event: bool) -> int:
    """Tokens a punctuation mark at j takes into a name: '&', a hyphen, a pair's dash."""
    toks = doc.tokens
    tok = toks[j]
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    if nxt is None or not nxt.is_word:
        return j
    if tok.text in _JOINERS and not nxt.space_before:
        return j + 1
    if doc.is_dash(j):
        if not tok.space_before and not nxt.space_before:
            return j + 1  # hyphenated word
        if place_pair(doc, j) or grouping_pair(doc, j):  # 'Quỹ Hợp tác ASEAN – Hàn Quốc'
            return j + 1
    if tok.text == "(" and event:
        return _abbr_then_ordinal(doc, j)
    return j


def _abbr_then_ordinal(doc: Doc, j: int) -> int:
    """'(AIPA) lần thứ 41' inside a meeting name."""
    toks = doc.tokens
    ok = j + 3 < len(toks) and toks[j + 1].is_upper and toks[j + 2].text == ")"
    return j + 3 if ok and toks[j + 3].key == "lần" else j
