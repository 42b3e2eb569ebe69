"""Where a date stands in time: the end of a span ('đến hết ngày 12/7'), a day ahead ('… tới')."""

from __future__ import annotations

from daphuong.pipeline.extract.tokens import Token

_SPAN_END_WORDS = frozenset({"đến", "tới"})
_SPAN_END_FILLERS = frozenset({"hết", "ngày"})


def span_end(toks: list[Token], f: int) -> bool:
    """The date at token f ends a span ('đến hết ngày 12/7', '5/10 đến ngày 8/10'); '20 đến
    23/10' is one range whose first day stands before 'đến'."""
    k = f - 1
    while k > 0 and toks[k].key in _SPAN_END_FILLERS:
        k -= 1
    if k < 1 or toks[k].key not in _SPAN_END_WORDS:
        return False
    bare_day = toks[k - 1].is_digit and (k < 2 or toks[k - 2].text not in "/.-")
    return not bare_day


def ahead_at(toks: list[Token], i: int) -> bool:
    """'tới', 'sắp tới', 'tới đây' at token i: the date just before it is still to come
    ('từ 10/3 tới 15/3' is a range: a day follows)."""
    if i < len(toks) and toks[i].key == "sắp":
        i += 1
    if i >= len(toks) or toks[i].key != "tới":
        return False
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    return nxt is None or not (nxt.is_digit or nxt.key == "ngày")
