"""Organisation mentions: gazetteer names, head-noun names, abbreviations, outlets, domains."""

from __future__ import annotations

from daphuong.domain.extraction import EntityType
from daphuong.pipeline.extract import legal, missions, outlets
from daphuong.pipeline.extract.extend import Extent, extend
from daphuong.pipeline.extract.places import admin_end
from daphuong.pipeline.extract.scan import Candidate, Doc
from daphuong.pipeline.extract.tokens import is_vietnamese_syllable

ORG = EntityType.ORG
_TITLE_TAILS = frozenset({"trưởng", "viên", "phó"})
_OTHER_WORDS = frozenset({("sở", "dĩ")})  # a head word that starts another word
_PLURAL = frozenset({"các", "những", "mọi", "từng", "nhiều", "hai", "ba", "bốn", "mấy", "vài"})
_NO_CHILDREN = frozenset({"media", "capnext", "common"})
# Heads that name a body alone when capitalised (fine point 3); a 'body' head is a whole name
# ('Tỉnh ủy', 'Thành đoàn') and is listed inside longer names ('Ban Thường vụ Tỉnh ủy').
_ALONE = frozenset({"bare", "body"})
_LISTED = frozenset({"ngành", "đoàn thể", "địa phương", "cơ quan", "đơn vị"})


def find(doc: Doc) -> list[Candidate]:
    """Every organisation candidate in the document."""
    out: list[Candidate] = []
    toks = doc.tokens
    for i in range(len(toks)):
        end, label = doc.name_at(i)
        # 'phi Chính phủ' is 'non-governmental'; 'Đảng ta' is 'Đảng' and a pronoun.
        named = label == "ORG" and not legal.names_document(doc, i) and not _in_code(doc, i)
        named = named and not (not toks[i].is_cap and i > 0 and doc.head_at(i - 1)[0] > i)
        named = named and not _foreign_body(doc, i)  # 'Tổ chức Plan International' → the name
        # 'phi Chính phủ' is 'non-governmental', 'Liên Chính phủ' 'intergovernmental'.
        in_word = i > 0 and toks[i - 1].key in ("phi", "liên")
        if named and not in_word and not _stop_ending(doc, i, end):
            stop = _of_country(doc, i, end)
            cand = doc.cand(ORG, i, stop, "gazetteer", 0.95)
            head_end, kind = doc.head_at(i)
            # 'Tổ chức Lương thực … Liên hợp quốc': a gazetteer name holding an international
            # body lists it too; a pattern-found 'Tổ chức …' (an NGO's translated name) does not.
            cand.parent = (
                kind not in _NO_CHILDREN
                or _named_body(doc, kind, head_end)
                or (kind == "common" and _holds_international(doc, head_end, stop))
            )
            out.append(cand)
        out.extend(_headed(doc, i))
    out.extend(_abbreviations(doc, out))
    out.extend(outlets.find(doc))
    return out


# A state body every country has: its name goes on with the country ('Chính phủ Pháp').
_NATIONAL = frozenset(
    {("chính", "phủ"), ("quốc", "hội"), ("văn", "phòng", "tổng", "thống"), ("nội", "các")}
)


def _of_country(doc: Doc, i: int, end: int) -> int:
    """'Chính phủ Pháp', 'Quốc hội Hàn Quốc': the country right after a national body."""
    toks = doc.tokens
    if tuple(t.key for t in toks[i:end]) not in _NATIONAL or end >= len(toks):
        return end
    if toks[end].newline_before or not toks[end].is_cap:
        return end
    loc_end, label = doc.name_at(end)
    return loc_end if label == "LOC" else end


def _stop_ending(doc: Doc, i: int, end: int) -> bool:
    """'Đảng ta' ends with a pronoun, no part of the name; 'Bộ Giáo dục và Đào tạo' ends with
    a name word ('đào tạo') whose second half alone is a verb."""
    if not doc.stop_at(end - 1):
        return False
    return end - 2 < i or doc.gaz.org_words.match(doc.tokens, end - 2)[0] != end


def _in_code(doc: Doc, i: int) -> bool:
    """'Thông tư 02/2024/TT-BNG': an issuer's letters inside a document's number."""
    toks = doc.tokens
    glued = i > 1 and toks[i - 1].text in "-/" and doc.joined(i) and doc.joined(i - 1)
    if not glued or not (toks[i - 2].is_upper or toks[i - 2].is_digit):
        return False  # not 'Thu Hằng/VOV.VN'
    # 'TT-BNG', '11-NQ/TW' are codes; 'TTXVN/Vietnam+' is a credit naming two outlets.
    return toks[i - 2].is_digit or toks[i - 1].text == "-" or (i > 2 and toks[i - 3].text in "-/")


def headed_end(doc: Doc, i: int) -> int:
    """End of a head-noun organisation name starting at token i, else i."""
    head_end, kind = doc.head_at(i)
    if head_end <= i or not _may_open(doc, i, head_end, kind):
        return i
    known, label = doc.name_at(i)
    rule = Extent(mission=kind == "mission")
    end = extend(doc, head_end, rule, known if label == "ORG" and known > head_end else -1)
    end = _before_document(doc, i, head_end, end)
    if end > head_end and not _evidenced(doc, head_end, end):
        end = head_end  # 'Quỹ sẵn sàng', 'Hội triển khai': a verb after an elliptical name
    alone = kind in _ALONE or missions.alone(doc, i, head_end, kind)
    if end == head_end and (not alone or _generic_bare(doc, i, head_end)):
        return i
    if doc.name_at(i) == (end, "LOC"):
        return i  # 'Đài Loan' is a place, though 'Đài' heads a broadcaster's name
    return _year_tail(doc, i, end)


def _before_document(doc: Doc, i: int, k: int, end: int) -> int:
    """'Liên hiệp triển khai Kế hoạch số …', 'Bộ Ngoại giao triển khai Chương trình …': a verb
    and a document's type end the name, before the verb (not inside a known name)."""
    toks = doc.tokens
    for n in range(k + 1, end):
        if doc.lower_like(n - 1) and toks[n].is_cap and doc.gaz.legal_types.match(toks, n)[0] > n:
            cut, floor = n, max(k, doc.name_at(i)[0])
            while cut > floor and doc.lower_like(cut - 1):
                cut -= 1
            return cut
    return end


def _year_tail(doc: Doc, i: int, end: int) -> int:
    """'Ủy ban Quốc gia APEC 2027': a year after an acronym names the body of that year's
    chairmanship (a forum's year is an edition, an EVENT: 'Diễn đàn nhân dân ASEAN 2020')."""
    toks = doc.tokens
    if end >= len(toks) or not toks[end - 1].is_upper or toks[end].newline_before:
        return end
    year = toks[end].text
    forum = doc.tokens[i].key == "diễn"
    if len(year) == 4 and year.isdigit() and year[:2] in ("19", "20") and not forum:
        return end + 1
    return end


def _may_open(doc: Doc, i: int, head_end: int, kind: str) -> bool:
    """Whether the head noun at i opens a name here (not a title, not part of another head)."""
    if doc.event_head_at(i)[0] >= head_end:
        return False
    if i > 0 and (doc.event_head_at(i - 1)[0] > i or doc.head_at(i - 1)[0] > i):
        return False  # the second word of 'Đại hội' or 'Đảng bộ' opens no name of its own
    toks = doc.tokens
    nxt = toks[head_end] if head_end < len(toks) else None
    if nxt is not None and (nxt.key in _TITLE_TAILS or (toks[i].key, nxt.key) in _OTHER_WORDS):
        return False  # 'Bộ trưởng', 'Hội viên': a title, not a body; 'Sở dĩ': 'because'
    titled = kind == "titled" and doc.in_title(i)
    if doc.title_at(i) > head_end or titled or _party_then_name(doc, i, head_end):
        return False
    # 'Vụ Tổ chức Cán bộ'; 'Tổ chức GPI' is the body 'GPI'; 'Ủy ban Trung ương MTTQ': the
    # committee's own word opens no body of its own.
    common = kind == "common" and (_after_head(doc, i) or _acronym_only(doc, head_end))
    if common or (kind == "capnext" and toks[i].key == "trung" and _after_head(doc, i)):
        return False
    return kind not in ("media", "capnext", "titled", "common") or (nxt is not None and nxt.is_cap)


def _party_then_name(doc: Doc, i: int, k: int) -> bool:
    """'Đảng Nhà nước', 'Đảng Việt Nam – Lào': the Party, then another name (not a party's
    own name such as 'Đảng Bảo thủ')."""
    toks = doc.tokens
    if toks[i].key != "đảng" or k >= len(toks):
        return False
    return toks[k].key == "nhà" or doc.name_at(k)[0] > k


def _after_head(doc: Doc, i: int) -> bool:
    return any(doc.head_at(k)[0] == i for k in range(max(0, i - 3), i))


def _acronym_only(doc: Doc, k: int) -> bool:
    toks = doc.tokens
    one = k < len(toks) and toks[k].is_upper and len(toks[k].text) > 1
    return one and (k + 1 >= len(toks) or not toks[k + 1].is_cap or toks[k + 1].newline_before)


def _evidenced(doc: Doc, head_end: int, end: int) -> bool:
    """Lower-case words right after a head belong to the name only with evidence: a capitalised
    word or number later in it, a typical name word ('ngoại vụ'), or a known continuation."""
    toks = doc.tokens
    if not doc.lower_like(head_end):
        return True
    if any(t.is_cap or t.is_digit for t in toks[head_end:end]):
        return True
    if admin_end(doc, head_end) == end:
        return True  # 'Công an tỉnh', 'Hội Nông dân huyện': a local body named by its level
    gaz = doc.gaz
    return max(gaz.org_words.match(toks, head_end)[0], doc.continuation_at(head_end)) > head_end


def _named_body(doc: Doc, kind: str, k: int) -> bool:
    """'Trung ương Đoàn Thanh niên …': a full body's name after 'Trung ương' is listed too
    ('Đảng' in 'Trung ương Đảng' is not: a one-word name; nor 'TG&VN' in 'Báo TG&VN')."""
    if kind != "capnext":
        return False
    end, label = doc.name_at(k)
    return (label == "ORG" and end - k >= 2) or headed_end(doc, k) > k + 1


def _holds_international(doc: Doc, k: int, end: int) -> bool:
    """An international body's name lies inside tokens k..end ('… Nông nghiệp Liên hợp quốc')."""
    return any(_international_at(doc, m, end) for m in range(k, end))


def _international_at(doc: Doc, m: int, end: int) -> bool:
    stop, label = doc.name_at(m)
    key = tuple(t.key for t in doc.tokens[m:stop])
    return label == "ORG" and stop <= end and key in doc.gaz.international


def _generic_bare(doc: Doc, i: int, end: int) -> bool:
    """'các Bộ, ban, ngành': a plural or listed head is a common noun, not a body."""
    toks = doc.tokens
    if i > 0 and (toks[i - 1].key in _PLURAL or toks[i - 1].is_digit):
        return True  # 'các Bộ', 'hai Bộ', '3 Sở': a count of bodies, not one
    if end + 1 < len(toks) and toks[end].key == "của" and toks[end + 1].is_cap:
        return True  # 'Đoàn Chủ tịch của Ủy ban …': a longer name, not the bare head
    if end + 1 >= len(toks) or toks[end].text != "," or toks[end + 1].is_cap:
        return False
    nxt = end + 1  # 'Bộ, ban, ngành' lists heads; 'Tỉnh ủy, các sở' names a body
    return (
        toks[nxt].key in _LISTED or doc.gaz.org_heads.match(toks, nxt, strict_case=False)[0] > nxt
    )


def _headed(doc: Doc, i: int) -> list[Candidate]:
    foreign = _foreign_body(doc, i)
    if foreign:
        return foreign
    end = _without_outer_level(doc, i, headed_end(doc, i))
    if end > i and missions.everywhere_abroad(doc, i, end):
        return []
    if end > i and not _in_code(doc, i):
        cand = doc.cand(ORG, i, end, "pattern", 0.8)
        head_end, kind = doc.head_at(i)
        cand.generic = kind != "body" and not any(
            t.is_cap or t.is_digit for t in doc.tokens[head_end:end]
        )
        if cand.generic and end > head_end and i > 0 and doc.tokens[i - 1].key in _PLURAL:
            return []  # 'các Hội hữu nghị thành viên': a kind of body, not one
        cand.parent = kind not in _NO_CHILDREN or _named_body(doc, kind, head_end)
        return [cand]
    toks = doc.tokens
    # 'Trưởng ban Đối ngoại Trung ương': the lower-case 'ban' of a title opens the body.
    lower_ban = toks[i].key == "ban" and not toks[i].is_cap and 0 < i < len(toks) - 1
    if lower_ban and toks[i - 1].key == "trưởng" and toks[i + 1].is_cap:
        end = extend(doc, i + 1) if doc.head_at(i + 1)[0] == i + 1 else i + 1
        return [doc.cand(ORG, i, end, "pattern", 0.7)] if end > i + 1 else []
    return []


_LINKS = frozenset({"for", "of", "to", "the", "and", "without", "in"})


def _without_outer_level(doc: Doc, i: int, end: int) -> int:
    """'Bộ Chỉ huy Bộ đội Biên phòng tỉnh': a body named right after another body's head ends
    before the bare level word, which belongs to the outer body ('Bộ đội Biên phòng')."""
    if end - i < 3 or not _after_head(doc, i) or not doc.lower_like(end - 1):
        return end
    for k in (end - 1, end - 2):
        if k > doc.head_at(i)[0] and admin_end(doc, k) == end and doc.lower_like(k):
            return k
    return end


def _foreign_body(doc: Doc, i: int) -> list[Candidate]:
    """'Tổ chức Plan International', 'Tổ chức AAR Japan': a common-noun head before a foreign
    name describes the body; the foreign name alone is its name."""
    head_end, kind = doc.head_at(i)
    toks = doc.tokens
    if kind != "common" or head_end <= i or not toks[i].is_cap:
        return []
    k = head_end
    while k < len(toks) and toks[k].is_word and not toks[k].newline_before:
        if toks[k].text in _LINKS and k > head_end and k + 1 < len(toks) and toks[k + 1].is_cap:
            k += 1  # 'Habitat for Humanity', 'Room to Read'
            continue
        if not toks[k].is_cap:
            break
        if is_vietnamese_syllable(toks[k].text) and not toks[k].is_upper:
            return []  # 'Tổ chức Y tế Thế giới' is a Vietnamese name, head included
        k += 1
    if k - head_end < 2:
        return []  # one acronym ('Tổ chức GPI') is found as itself
    return [doc.cand(ORG, head_end, k, "pattern", 0.8)]


def _abbreviations(doc: Doc, found: list[Candidate]) -> list[Candidate]:
    """'Name (ABBR)' defines ABBR as an organisation for the whole document."""
    toks = doc.tokens
    ends = {c.end for c in found}
    abbrs: set[str] = set()
    for i in range(1, len(toks) - 2):
        if toks[i].text == "(" and toks[i + 2].text == ")" and toks[i - 1].end in ends:
            word = toks[i + 1]
            if word.is_upper and len(word.text) >= 2 and word.is_word:
                abbrs.add(word.text)
    return [
        doc.cand(ORG, i, i + 1, "abbreviation", 0.85)
        for i, tok in enumerate(toks)
        if tok.text in abbrs
    ]
