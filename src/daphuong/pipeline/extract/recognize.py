"""Entity recognition: every mention of a person, organisation, place, date, amount,
legal document or named meeting, with spans into the original text."""

from __future__ import annotations

import bisect
import datetime as dt
import unicodedata

from daphuong.domain.extraction import EntityType, Mention
from daphuong.pipeline.extract import (
    dates,
    event_names,
    gazetteer,
    legal,
    money,
    orgs,
    persons,
    places,
)
from daphuong.pipeline.extract.scan import Candidate, Doc
from daphuong.text.normalize import normalize

# Same span, different types: the more specific reading wins.
_TYPE_RANK = {
    EntityType.DATE: 0,
    EntityType.MONEY: 1,
    EntityType.LEGAL_DOC: 2,
    EntityType.EVENT: 3,
    EntityType.ORG: 4,
    EntityType.PERSON: 5,
    EntityType.LOCATION: 6,
}
_CONTAINERS = frozenset({EntityType.ORG, EntityType.EVENT, EntityType.LEGAL_DOC})
_NESTED = frozenset({EntityType.ORG, EntityType.EVENT, EntityType.LEGAL_DOC, EntityType.PERSON})


def recognize(text: str, *, published: dt.date | None = None) -> list[Mention]:
    """All entity mentions in the text, nested names included (ANNOTATION.md fine point 2)."""
    if not text.strip():
        return []
    if not unicodedata.is_normalized("NFC", text):
        return _via_normalized(text, published)
    doc = Doc.build(text, gazetteer.load())
    found = candidates(doc, published)
    return [_mention(text, c) for c in resolve(found)]


def candidates(doc: Doc, published: dt.date | None = None) -> list[Candidate]:
    """Every recognizer's candidates, overlapping."""
    events = event_names.find(doc)
    found = dates.find(doc, published) + money.find(doc) + events
    found += legal.find(doc, events) + orgs.find(doc) + persons.find(doc) + places.find(doc)
    return [c for c in found if c.end > c.start]


def resolve(found: list[Candidate]) -> list[Candidate]:
    """Longest non-overlapping candidates, plus the names directly inside ORG/EVENT/LEGAL ones."""
    order = sorted(found, key=lambda c: (-(c.end - c.start), c.start, _TYPE_RANK[c.type]))
    chosen: list[Candidate] = []
    starts: list[int] = []  # taken intervals, sorted and disjoint
    ends: list[int] = []
    for cand in order:
        k = bisect.bisect_left(ends, cand.start + 1)  # first taken interval ending after start
        if k < len(starts) and starts[k] < cand.end:
            continue
        starts.insert(k, cand.start)
        ends.insert(k, cand.end)
        chosen.append(cand)
    by_start = sorted(found, key=lambda c: c.start)
    keys = [c.start for c in by_start]
    nested: list[Candidate] = []
    for outer in chosen:
        if outer.type in _CONTAINERS and outer.parent:
            lo = bisect.bisect_left(keys, outer.start)
            hi = bisect.bisect_left(keys, outer.end)
            nested.extend(_children(outer, by_start[lo:hi]))
    return sorted(chosen + nested, key=lambda c: (c.start, c.end))


def _children(outer: Candidate, found: list[Candidate]) -> list[Candidate]:
    """Maximal ORG/EVENT candidates strictly inside outer, not sharing its first word."""
    inside = [
        c
        for c in found
        if c.type in _NESTED
        and _strictly_inside(c, outer)
        and not c.generic
        and not _tail_of_known(c, outer)
    ]
    inside.sort(key=lambda c: (-(c.end - c.start), c.start, _TYPE_RANK[c.type]))
    kept: list[Candidate] = []
    for c in inside:
        if any(c.start < k.end and k.start < c.end for k in kept):
            continue
        kept.append(c)
    return kept


_ONE_HEAD = 10  # characters of a one-word body head ('Tỉnh ủy', 'Thành đoàn')


def _tail_of_known(c: Candidate, outer: Candidate) -> bool:
    """'Nghị viện Thế giới' in 'Liên minh Nghị viện Thế giới': a head-noun reading of a known
    name's last words is no body of its own (a one-word head such as 'Tỉnh ủy' still is)."""
    known = outer.source == "gazetteer" and c.source == "pattern" and c.end == outer.end
    return known and c.type is EntityType.ORG and c.end - c.start > _ONE_HEAD


def _strictly_inside(c: Candidate, outer: Candidate) -> bool:
    """Inside and not the same name: a child may share the start only as an ORG in an EVENT
    ('ACCSM' in 'ACCSM 21', 'Diễn đàn nhân dân ASEAN' in 'Diễn đàn nhân dân ASEAN 2020')."""
    if c.end > outer.end or (c.start, c.end) == (outer.start, outer.end):
        return False
    if c.type is EntityType.EVENT and outer.type is EntityType.EVENT:
        return False  # the tail of a meeting name is the same meeting
    if c.type is EntityType.PERSON and outer.type is not EntityType.LEGAL_DOC:
        return False  # persons only inside a document name: 'Di chúc của Chủ tịch Hồ Chí Minh'
    if c.type is EntityType.LEGAL_DOC and not (
        (outer.type is EntityType.EVENT and c.source == "quoted") or outer.spreads
    ):
        return False  # no document inside a body's or a meeting's name (fine point 2), but
        # what a signing ceremony signs or a meeting spreads is listed: 'Lễ ký kết “Quy chế
        # phối hợp …”', 'Hội nghị quán triệt Chỉ thị số 25-CT/TW', and what a plan carries out
    if c.start > outer.start:
        return True
    return c.type is EntityType.ORG and outer.edition


def _mention(text: str, c: Candidate) -> Mention:
    return Mention(
        type=c.type,
        start=c.start,
        end=c.end,
        text=text[c.start : c.end],
        value=c.value,
        source=c.source,
        confidence=c.confidence,
    )


def _via_normalized(text: str, published: dt.date | None) -> list[Mention]:
    """Recognize on the NFC form and map spans back to the original characters."""
    norm = normalize(text)
    out: list[Mention] = []
    for m in recognize(norm.text, published=published):
        start = norm.offsets.to_original(m.start)
        end = norm.offsets.to_original(m.end)
        out.append(Mention(m.type, start, end, text[start:end], m.value, m.source, m.confidence))
    return out
