"""Diplomatic missions: when a mission's head names one body ('Phái đoàn đã …') and when a
mission's name is a class of bodies ('Đại sứ quán Việt Nam tại các nước')."""

from __future__ import annotations

from daphuong.pipeline.extract.scan import Doc

_MISSIONS_ALONE = frozenset({("phái", "đoàn"), ("phái", "bộ"), ("đại", "sứ", "quán")})


def alone(doc: Doc, i: int, head_end: int, kind: str) -> bool:
    """'Trước đó, Phái đoàn đã phối hợp …': a mission's capitalised head inside a sentence
    names the mission the text is about (at a sentence's start it may be any mission)."""
    toks = doc.tokens
    if kind != "mission" or tuple(t.key for t in toks[i:head_end]) not in _MISSIONS_ALONE:
        return False
    return i > 0 and not toks[i].newline_before and toks[i - 1].text not in ".!?:"


_ABROAD = (("ở", "nước", "ngoài"), ("tại", "nước", "ngoài"), ("tại", "các"), ("ở", "các"))


def everywhere_abroad(doc: Doc, i: int, end: int) -> bool:
    """'Cơ quan đại diện Việt Nam ở nước ngoài', 'Đại sứ quán Việt Nam tại các nước': every
    mission abroad is a class of bodies, not one body."""
    if doc.head_at(i)[1] != "mission":
        return False
    keys = tuple(t.key for t in doc.tokens[end : end + 3])
    return any(keys[: len(words)] == words for words in _ABROAD)
