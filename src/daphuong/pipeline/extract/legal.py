"""Legal and Party documents: numbered ('Chỉ thị số 25-CT/TW'), named ('Hiến chương Liên hợp
quốc'), resolutions of a congress, 'Nghị quyết về …', national programmes."""

from __future__ import annotations

import re

from daphuong.domain.extraction import EntityType
from daphuong.pipeline.extract.extend import Extent, extend
from daphuong.pipeline.extract.scan import Candidate, Doc

LEGAL = EntityType.LEGAL_DOC
_CODE = re.compile(
    r"(?:\s+số)*\s+(\d+(?:\s?[-–/]\s?[0-9A-ZĐ][0-9A-Za-zĐđ]*)*)(?![\w/])", re.IGNORECASE
)
# Types that take a bare number ('Chỉ thị 25'); the others need 'số' or a lettered code.
_NUMBERED = frozenset({"chỉ thị", "nghị quyết", "nghị định", "quyết định", "thông tư", "kết luận"})
_NAMED = frozenset(
    {
        "hiến chương",
        "công ước",
        "hiệp định",
        "hiệp ước",
        "luật",
        "bộ luật",
        "hiến pháp",
        "nghị định thư",
    }
)
_PROGRAMME = frozenset({"quốc gia", "hành động", "nghị sự", "mục tiêu quốc gia"})
_CLAUSE_END = frozenset(',.;:!?()“”"')
_MAX_CLAUSE = 30


def find(doc: Doc, events: list[Candidate]) -> list[Candidate]:
    """Every legal-document candidate; events are needed for 'Nghị quyết Đại hội XIII'."""
    out: list[Candidate] = []
    toks = doc.tokens
    event_at = {c.start: c for c in events if c.source == "pattern"}
    for i, tok in enumerate(toks):
        if not tok.is_cap:
            continue
        end = doc.gaz.legal_types.match(toks, i, strict_case=False)[0]
        if end <= i or (i > 0 and toks[i - 1].key in ("các", "những")):
            continue
        kind = " ".join(t.key for t in toks[i:end])
        found = _numbered(doc, i, end, kind) or _of_event(doc, i, end, event_at)
        found = found or _named(doc, i, end, kind) or _about(doc, i, end, kind)
        if found is not None:
            out.append(found)
    return out


def _numbered(doc: Doc, i: int, end: int, kind: str) -> Candidate | None:
    m = _CODE.match(doc.text, doc.tokens[end - 1].end)
    if m is None:
        return None
    has_so = "số" in m.group(0)[: m.start(1) - m.start(0)].lower()
    lettered = any(c.isalpha() for c in m.group(1))
    if kind not in _NUMBERED and not (has_so or lettered):
        return None
    return Candidate(LEGAL, doc.tokens[i].start, m.end(1), "pattern", 0.9)


def _of_event(doc: Doc, i: int, end: int, event_at: dict[int, Candidate]) -> Candidate | None:
    """'Nghị quyết (của) Đại hội Đảng lần thứ XIII', 'Di chúc của Chủ tịch Hồ Chí Minh'."""
    toks = doc.tokens
    k = end + 1 if end < len(toks) and toks[end].key == "của" else end
    if k >= len(toks):
        return None
    # The type list may hold 'Nghị quyết Đại hội' itself: the meeting can start inside it.
    for start in [*range(i + 1, end), k]:
        event = event_at.get(toks[start].start)
        if event is not None:
            return Candidate(LEGAL, toks[i].start, event.end, "pattern", 0.85)
    if k > end:
        title_end = doc.title_at(k)
        if title_end > k and title_end < len(toks) and doc.person_at(title_end) > title_end:
            return doc.cand(LEGAL, i, doc.person_at(title_end), "pattern", 0.75)
    return None


def _named(doc: Doc, i: int, end: int, kind: str) -> Candidate | None:
    if kind not in _NAMED or end >= len(doc.tokens) or not doc.tokens[end].is_cap:
        return None
    stop = extend(doc, end, Extent())
    return doc.cand(LEGAL, i, stop, "pattern", 0.8) if stop > end else None


def _about(doc: Doc, i: int, end: int, kind: str) -> Candidate | None:
    """'Nghị quyết về …', 'Chương trình quốc gia về …': the name runs to the clause end."""
    toks = doc.tokens
    if end >= len(toks):
        return None
    opener = toks[end].key
    two = f"{opener} {toks[end + 1].key}" if end + 1 < len(toks) else opener
    ok = (kind == "nghị quyết" and opener == "về") or (
        kind == "chương trình" and (opener in _PROGRAMME or two in _PROGRAMME)
    )
    if not ok:
        return None
    k = end
    while k < len(toks) and k - end < _MAX_CLAUSE and toks[k].text not in _CLAUSE_END:
        if k > end and toks[k].newline_before:
            break
        k += 1
    return doc.cand(LEGAL, i, k, "pattern", 0.7) if k > end + 1 else None
