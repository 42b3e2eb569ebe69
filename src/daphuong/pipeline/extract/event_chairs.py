"""Chairs of a meeting: people named with 'chủ trì', 'đồng chủ trì', 'điều hành', 'chủ tọa'."""

from __future__ import annotations

from daphuong.pipeline.extract.event_doc import EventDoc
from daphuong.pipeline.extract.event_record import EventDraft
from daphuong.pipeline.extract.event_words import Cue
from daphuong.pipeline.extract.titles import lexicon
from daphuong.pipeline.extract.tokens import Token

_LIST_SPAN = 4  # tokens after the cue where 'gồm', ':' or 'có' opens a list of chairs
_VISIT = "chuyến thăm"
_APPOSITION_SPAN = 24  # tokens from a chair's name to the 'và' that adds a co-chair


def chair_names(doc: EventDoc, cue: Cue, first: int, stop: int) -> list[str]:
    """People a chair cue names: after 'dưới sự chủ trì của', between 'do' and the cue, before
    the cue in its sentence, or listed after it ('Chủ trì hội nghị có đồng chí X; …')."""
    toks, people = doc.tokens, doc.people
    if cue.first > first and toks[cue.first - 1].key == "sự":
        names = _chaired_by(doc, cue.stop, stop)
        co = toks[cue.first].key == "đồng"
        return names + _co_chair(doc, cue.stop, stop) if co and len(names) == 1 else names
    for i in range(cue.first - 1, first - 1, -1):
        if toks[i].key == "do":
            return people.names_between(toks, i + 1, cue.first)
    before = people.names_between(toks, first, cue.first)
    if before:
        return before
    lists = any(_lists(toks, k) for k in range(cue.stop, min(stop, cue.stop + _LIST_SPAN)))
    if lists:
        return people.names_between(toks, cue.stop, stop)
    return _opening_phrase(doc, cue, first, stop)


def chaired_event(
    targets: list[tuple[int, EventDraft]], events: list[EventDraft], cue_first: int
) -> EventDraft | None:
    """The event the sentence's chair cue at cue_first names: the nearest one the sentence
    reports, else the latest one; never a visit (no gold set chairs one: a meeting is chaired)."""
    meetings = [t for t in targets if t[1].kind != _VISIT]
    if meetings:
        return min(meetings, key=lambda t: abs(t[0] - cue_first))[1]
    latest = events[-1] if events else None
    return latest if latest is not None and latest.kind != _VISIT else None


def _opening_phrase(doc: EventDoc, cue: Cue, first: int, stop: int) -> list[str]:
    """'Chủ trì Hội nghị, Phó Chủ tịch X nhấn mạnh …': a sentence opening with the cue names
    the subject after its comma as the chair (the first name only)."""
    toks = doc.tokens
    if doc.main_clause_start(first, cue.first) != cue.first and cue.first != first:
        return []
    comma = next(
        (k for k in range(cue.stop, min(stop, cue.stop + _LIST_SPAN)) if toks[k].text == ","), None
    )
    if comma is None:
        return []
    names = doc.people.names_between(toks, comma + 1, stop)
    return names[:1]


def _chaired_by(doc: EventDoc, i: int, stop: int) -> list[str]:
    """'dưới sự chủ trì của Chủ tịch HĐNQ, Đại sứ X': names up to the phrase's end; a comma
    ends it only once a name is found (titles in apposition come before the name)."""
    toks, people = doc.tokens, doc.people
    end = i
    while end < stop and not _phrase_end(toks, end) and not _ends_chairs(toks, end):
        if toks[end].text == "," and people.names_between(toks, i, end):
            break
        end += 1
    return people.names_between(toks, i, end)


def _co_chair(doc: EventDoc, i: int, stop: int) -> list[str]:
    """'dưới sự đồng chủ trì của ông A, Thứ trưởng …, và bà B, Đại sứ …': the co-chair named
    after 'và' once the first one's apposition ends."""
    toks = doc.tokens
    for k in range(i, min(stop, i + _APPOSITION_SPAN)):
        if _phrase_end(toks, k):
            return []
        if toks[k].key == "và" and k + 1 < stop and not _ends_chairs(toks, k):
            return _chaired_by(doc, k + 1, stop)[:1]  # 'và' + a title, an honorific or a name
    return []


def _phrase_end(toks: list[Token], k: int) -> bool:
    """';' or a full stop ('PGS.TS', 'TS.' glued to a name word is an abbreviation's dot)."""
    if toks[k].text == ";":
        return True
    glued = k + 1 < len(toks) and not toks[k + 1].space_before and toks[k + 1].is_word
    return toks[k].text == "." and not glued


def _lists(toks: list[Token], k: int) -> bool:
    """'Chủ trì hội nghị gồm: …', '… có đồng chí X' (not 'có sự tham gia'), '… là X': the
    chairs follow."""
    if toks[k].key in ("gồm", ":", "là"):
        return True  # 'Chủ trì buổi làm việc là Phó Chủ tịch X'
    return toks[k].key == "có" and k + 1 < len(toks) and toks[k + 1].key != "sự"


def _ends_chairs(toks: list[Token], k: int) -> bool:
    """'và có sự tham gia …' ends the chairs of 'dưới sự chủ trì của'; 'và' + a title, an
    honorific or a name adds a co-chair ('… của Thứ trưởng X và Phó Tổng Thư ký ASEAN Y')."""
    if toks[k].key == "có":
        return True
    if toks[k].key != "và" or k + 1 >= len(toks):
        return False
    nxt, lex = k + 1, lexicon()
    named = lex.honorific_end(toks, nxt) > nxt or lex.hit_at(toks, nxt) is not None
    return not (named or toks[nxt].is_cap)
