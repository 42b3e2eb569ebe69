"""Legal and Party documents: numbered ('Chỉ thị số 25-CT/TW'), named ('Hiến chương Liên hợp
quốc'), resolutions of a congress, 'Nghị quyết về …', national programmes."""

from __future__ import annotations

import re

from daphuong.domain.extraction import EntityType
from daphuong.pipeline.extract import descriptions, instruments, plans
from daphuong.pipeline.extract.extend import Extent, extend
from daphuong.pipeline.extract.laws import LAWS, is_year, law
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
        "tuyên ngôn",
        "tuyên bố",
        "tuyên bố chung",
        "thông cáo chung",
        "hiệp định khung",
        "thỏa thuận",
        "chiến lược",
        "chương trình hành động",  # 'Chương trình hành động Hà Nội'
        "kế hoạch hành động",
        "đồng thuận",  # 'Đồng thuận ASEAN về …', 'Đồng thuận Washington'
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
        kind = " ".join(t.key for t in toks[i:end])
        plural = i > 0 and toks[i - 1].key in ("các", "những", "tác")
        if (end <= i or plural) and not _plural_named(doc, i, end, kind):
            continue  # 'các Nghị quyết'; 'Đối tác Chiến lược Toàn diện' is a partnership
        found = _numbered(doc, i, end, kind) or plans.implementing(doc, i, end, kind, _numbered)
        found = found or _of_event(doc, i, end, event_at)
        found = found or instruments.quoted(doc, i, end)
        found = found or instruments.abbreviated(doc, i, end, kind)
        found = found or law(doc, i, end, kind) or _named(doc, i, end, kind)
        found = found or instruments.about(doc, i, end, kind) or _constitution(doc, i, end, kind)
        found = found or _about(doc, i, end, kind)
        found = found or descriptions.described(doc, i, end, kind)
        if found is not None:
            out.append(_with_tail(doc, found))
    return out + instruments.acronyms(doc, out)


def _plural_named(doc: Doc, i: int, end: int, kind: str) -> bool:
    """'các Công ước Geneva', 'các Hiệp định Paris': a set of treaties named by a known place
    or body is one document name."""
    toks = doc.tokens
    if end <= i or kind not in _NAMED or toks[i - 1].key == "tác" or end >= len(toks):
        return False
    return doc.name_at(end)[1] in ("LOC", "ORG")


def names_document(doc: Doc, i: int) -> bool:
    """A name at token i opens with a treaty's type word ('Công ước khung …', 'Hiệp định …'):
    a document even where a gazetteer lists it as a body."""
    end = doc.gaz.legal_types.match(doc.tokens, i, strict_case=False)[0]
    return end > i and " ".join(t.key for t in doc.tokens[i:end]) in _NAMED


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
    """'Hiến chương Liên hợp quốc', 'Công ước về Quyền trẻ em', 'Tuyên ngôn Độc lập'."""
    toks = doc.tokens
    if kind not in _NAMED or end >= len(toks):
        return None
    known, label = doc.name_at(i)
    if label == "ORG" and known > end:
        return doc.cand(LEGAL, i, known, "gazetteer", 0.85)  # the treaty, not its secretariat
    start = end
    if toks[end].key == "về" and end + 1 < len(toks) and toks[end + 1].is_cap:
        start = end + 1
    if toks[end].key == "và" and end + 1 < len(toks) and toks[end + 1].is_cap:
        type_end = doc.gaz.legal_types.match(toks, end + 1, strict_case=False)[0]
        if type_end > end + 1:  # 'Tuyên bố và Chương trình hành động Viên': one document
            stop = _second_name(doc, type_end)
            return doc.cand(LEGAL, i, stop, "pattern", 0.75) if stop > type_end else None
    if not toks[start].is_cap:
        return None
    stop = extend(doc, start, Extent())
    if kind in LAWS and [t.key for t in toks[start:stop]] == ["quốc", "tế"]:
        return None  # 'chuyên gia về Luật Quốc tế': the discipline, not a statute
    if kind in instruments.INSTRUMENTS:
        # 'Công ước Viên về quan hệ ngoại giao', 'Tuyên bố Côn Minh về …': a named instrument's
        # subject is part of its name (a bare 'tuyên bố về …' is what it says: instruments.about)
        stop = instruments.topic_end(doc, stop)
    return doc.cand(LEGAL, i, stop, "pattern", 0.8) if stop > start else None


def _with_tail(doc: Doc, cand: Candidate) -> Candidate:
    """Parts a document name keeps: its year ('Bộ luật Lao động 2019'), its issuer
    ('Nghị quyết 1325 của Hội đồng Bảo an'),
    its region ('Hiệp ước … ở Đông Nam Á')."""
    toks = doc.tokens
    k = next((n for n, t in enumerate(toks) if t.start >= cand.end), len(toks))
    if k >= len(toks) or toks[k].newline_before:
        return cand
    end = _tail_end(doc, k)
    if end > k:
        cand.end = toks[end - 1].end
    return cand


def _tail_end(doc: Doc, k: int) -> int:
    toks = doc.tokens
    key = toks[k].key
    nxt = k + 1 if k + 1 < len(toks) else k
    if is_year(toks[k].text):
        return k + 1
    if key == "năm" and is_year(toks[nxt].text):
        return k + 2
    if key == "giai" and toks[nxt].key == "đoạn":
        return _period_end(doc, k + 2)  # 'Kế hoạch hành động … giai đoạn 2021-2025'
    if key in ("của", "ở") and nxt > k:
        name_end, label = doc.name_at(nxt)
        if key == "ở" and label == "LOC":
            return name_end
        name = tuple(t.key for t in toks[nxt:name_end])
        if label == "ORG" and name in doc.gaz.international:
            return name_end  # 'Nghị quyết 1325 của Hội đồng Bảo an' (not 'của Ban Bí thư')
    return k


def _period_end(doc: Doc, k: int) -> int:
    """End of '2021-2025' or '2021 - 2025' at token k, else the 'giai đoạn' it follows."""
    toks = doc.tokens
    if k + 2 >= len(toks) or not is_year(toks[k].text) or not doc.is_dash(k + 1):
        return k - 2
    return k + 3 if is_year(toks[k + 2].text) else k - 2


def _second_name(doc: Doc, k: int) -> int:
    """The name after 'và' + a document type: capitalised words, 'hành động', a place."""
    toks = doc.tokens
    while k < len(toks) and toks[k].is_word and not toks[k].newline_before:
        if not toks[k].is_cap and (doc.stop_at(k) or k + 1 >= len(toks)):
            break
        if not toks[k].is_cap and not toks[k + 1].is_cap:
            break  # at most one lower-case word between capitalised ones
        k += 1
    return k


def _constitution(doc: Doc, i: int, end: int, kind: str) -> Candidate | None:
    """'Hiến pháp năm 2013', 'Hiến pháp 1992': the constitution named by its year."""
    k = end + 1 if end < len(doc.tokens) and doc.tokens[end].key == "năm" else end
    if kind != "hiến pháp" or k >= len(doc.tokens) or not is_year(doc.tokens[k].text):
        return None
    return doc.cand(LEGAL, i, k + 1, "pattern", 0.8)


def _at_meeting(doc: Doc, k: int) -> bool:
    """'tại' + a meeting ('tại Kỳ họp thứ 8', 'tại AIPA-45'): where the resolution is adopted,
    not its subject."""
    toks = doc.tokens
    if toks[k].key != "tại" or k + 1 >= len(toks) or not toks[k + 1].is_cap:
        return False
    if doc.event_head_at(k + 1)[0] > k + 1:
        return True
    coded = k + 3 < len(toks) and toks[k + 1].is_upper and doc.is_dash(k + 2)
    return coded and doc.joined(k + 2) and toks[k + 3].is_digit  # 'AIPA-45', 'COP-28'


def _about(doc: Doc, i: int, end: int, kind: str) -> Candidate | None:
    """'Nghị quyết về …', 'Chương trình quốc gia về …': the name runs to the clause end."""
    toks = doc.tokens
    if end >= len(toks):
        return None
    opener = toks[end].key
    openers = {" ".join(t.key for t in toks[end : end + n]) for n in (1, 2, 4)}
    ok = (kind == "nghị quyết" and opener == "về") or kind == "chương trình nghị sự"
    ok = ok or (kind == "chương trình" and bool(_PROGRAMME & openers))  # 'mục tiêu quốc gia'
    if not ok:
        return None
    k = end
    while k < len(toks) and k - end < _MAX_CLAUSE and toks[k].text not in _CLAUSE_END:
        if k > end and toks[k].newline_before:
            break
        if instruments.second_document(doc, k) or _at_meeting(doc, k):
            break  # '… vì sự phát triển bền vững và Hiệp định …', '… tại Đại hội đồng AIPA'
        k += 1
    return doc.cand(LEGAL, i, k, "pattern", 0.7) if k > end + 1 else None
