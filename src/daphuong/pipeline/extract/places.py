"""Location mentions: gazetteer places, places after 'xã/huyện/tỉnh…', 'Cộng hòa …' countries."""

from __future__ import annotations

from daphuong.domain.extraction import EntityType
from daphuong.pipeline.extract.scan import Candidate, Doc
from daphuong.pipeline.extract.tokens import Token, is_vietnamese_syllable

LOC = EntityType.LOCATION
_ADMIN = frozenset(
    {"xã", "huyện", "tỉnh", "quận", "phường", "xóm", "thôn", "ấp", "bản", "thị xã", "thị trấn"}
    | {"đặc khu", "cửa khẩu"}  # post-2025 special zones; border gates: 'cửa khẩu Tà Lùng'
)
# Cues before foreign places too: 'tỉnh Takeo', 'vùng Kansai', 'bang Texas', 'khu vực Abyei'.
_REGION = frozenset({"vùng", "bang", "tiểu bang", "khu vực", "thủ đô", "thành phố", "đảo"})
PLACE_CUES = _ADMIN | _REGION
_REPUBLIC_SPAN = 7
# A capitalised city word before a place's own name: 'TP Huế', 'Thủ đô Hà Nội' list 'Huế'.
_CITY_WORDS = frozenset({("tp",), ("tp", "."), ("thành", "phố"), ("thủ", "đô"), ("cố", "đô")})
_PLURAL = frozenset({"các", "những", "hai", "ba", "bốn", "năm", "sáu", "nhiều"})
_QUALIFIER_WORDS = 2  # 'các huyện biên giới Bát Xát, Mường Khương'
_GATE_KINDS = frozenset({"quốc", "tế", "chính", "phụ", "song", "phương"})
_COMPASS = frozenset({"bắc", "nam", "đông", "tây", "trung"})


def find(doc: Doc) -> list[Candidate]:
    """Every location candidate."""
    out: list[Candidate] = []
    toks = doc.tokens
    for i, tok in enumerate(toks):
        end, label = doc.name_at(i)
        if label == "LOC" and not _generic_led(doc, i, end) and not _honorific(doc, i, end):
            if not _language_or_people(doc, i, end):
                out.append(doc.cand(LOC, _after_city_word(doc, i, end), end, "gazetteer", 0.9))
        elif not tok.is_cap and tok.key in PLACE_CUES:
            out.extend(_admin(doc, i, i + 1))
        elif not tok.is_cap and i + 1 < len(toks) and f"{tok.key} {toks[i + 1].key}" in PLACE_CUES:
            out.extend(_admin(doc, i, i + 2))
        out.extend(_compass(doc, i))
        if tok.is_cap and tok.key == "cộng" and i + 1 < len(toks) and toks[i + 1].key == "hòa":
            out.extend(_republic(doc, i))
        if label != "LOC" and _foreign_word(tok) and _listed_after_place(doc, i):
            out.extend(_listed(doc, i))
    return out


_LIST_JOINERS = frozenset({",", "và"})


def _foreign_word(tok: Token) -> bool:
    return tok.is_word and tok.is_cap and not tok.is_upper and not is_vietnamese_syllable(tok.text)


def _listed_after_place(doc: Doc, i: int) -> bool:
    """'Nam Sudan, Cộng hòa Trung Phi, Abyei': a word listed right after a place."""
    toks = doc.tokens
    if i < 2 or toks[i - 1].key not in _LIST_JOINERS or toks[i].newline_before:
        return False
    return any(doc.name_at(k) == (i - 1, "LOC") for k in range(max(0, i - 6), i - 1))


def _listed(doc: Doc, i: int) -> list[Candidate]:
    """A one-word foreign place in a list of places, ended by a joiner or the sentence's end
    (two foreign words after a place are more often a person in apposition)."""
    toks = doc.tokens
    j = i + 1
    ends = j >= len(toks) or toks[j].key in _LIST_JOINERS or toks[j].text in ".;)"
    return [doc.cand(LOC, i, j, "pattern", 0.7)] if ends and doc.name_at(i)[1] == "" else []


def _honorific(doc: Doc, i: int, end: int) -> bool:
    """'bà Nga', 'ông Nam' name a person; 'Anh Nguyễn Minh Triết' opens with the honorific
    'anh', not England."""
    if end - i != 1:
        return False
    if i > 0 and doc.cue_at(i - 1) == (i, "honorific"):
        return True
    named = end < len(doc.tokens) and doc.person_at(end) > end
    return named and doc.cue_at(i) == (end, "honorific")


def _language_or_people(doc: Doc, i: int, end: int) -> bool:
    """'tiếng Anh' is a language, 'người Nhật' a nationality: no place ('người Việt Nam' at
    full length stays a place, as the gold lists it)."""
    prev = doc.tokens[i - 1].key if i > 0 else ""
    return prev == "tiếng" or (prev == "người" and end - i == 1)


def _generic_led(doc: Doc, i: int, end: int) -> bool:
    """'thành phố Cần Thơ', 'khu vực Đông Nam Á': a lower-case generic word before a place
    is not part of it (the place inside is listed on its own)."""
    toks = doc.tokens
    if toks[i].is_cap:
        return False
    cue = toks[i].key in PLACE_CUES or " ".join(t.key for t in toks[i : i + 2]) in PLACE_CUES
    return cue and any(doc.name_at(k)[1] == "LOC" for k in range(i + 1, end))


def _after_city_word(doc: Doc, i: int, end: int) -> int:
    """Start of the place's own name in 'TP Huế', 'Thủ đô Hà Nội' (not in 'Thành phố Hồ Chí
    Minh', whose name it is): the city word is no part of the place."""
    for k in range(i + 1, min(end, i + 3)):
        if tuple(t.key for t in doc.tokens[i:k]) in _CITY_WORDS and doc.name_at(k) == (end, "LOC"):
            return k
    return i


def _admin(doc: Doc, cue: int, i: int) -> list[Candidate]:
    """'xã Hòa Lợi', 'huyện Thạnh Phú': the capitalised name after an administrative word;
    after a plural one, each name of the list ('các huyện biên giới Bát Xát, Mường Khương')."""
    toks = doc.tokens
    plural = cue > 0 and toks[cue - 1].key in _PLURAL
    gate = toks[cue].key == "cửa"  # 'cửa khẩu quốc tế Nậm Cắn – Nặm Khăn': a pair of gates
    while gate and i < len(toks) and toks[i].key in _GATE_KINDS and doc.lower_like(i):
        i += 1
    if plural:
        k = i
        while k < len(toks) and k - i < _QUALIFIER_WORDS and doc.lower_like(k):
            k += 1  # 'biên giới', 'miền núi': a kind of district before the names
        i = k if k < len(toks) and toks[k].is_cap else i
    if i >= len(toks) or doc.name_at(i)[1] == "LOC" or _person_not_province(doc, cue, i):
        return []
    j = place_run(doc, i)
    if j <= i:
        return []
    out = [doc.cand(LOC, i, j, "pattern", 0.75)]
    if gate and j + 1 < len(toks) and doc.is_dash(j) and place_run(doc, j + 1) > j + 1:
        out.append(doc.cand(LOC, j + 1, place_run(doc, j + 1), "pattern", 0.7))
    while plural and j + 1 < len(toks) and toks[j].key in _LIST_JOINERS:
        known, label = doc.name_at(j + 1)
        k = known if label == "LOC" else place_run(doc, j + 1) if label == "" else j + 1
        if k <= j + 1 or doc.person_at(j + 1) > j + 1:
            break
        if label != "LOC":  # a listed place is found on its own
            out.append(doc.cand(LOC, j + 1, k, "pattern", 0.7))
        j = k
    return out


def _person_not_province(doc: Doc, cue: int, i: int) -> bool:
    """'Phó Chủ tịch UBND tỉnh Hoàng Nam': every province is listed, so a full name after
    'tỉnh' is the official, not a place."""
    return doc.tokens[cue].key == "tỉnh" and doc.person_at(i) > i


def _compass(doc: Doc, i: int) -> list[Candidate]:
    """'Tây Nam Trung Quốc', 'Đông Bắc Ấn Độ': capitalised compass points before a country."""
    toks = doc.tokens
    k = i
    while k < len(toks) and k - i < 2 and toks[k].is_cap and toks[k].key in _COMPASS:
        k += 1
    if k == i or k >= len(toks) or toks[k].newline_before:
        return []
    prev = toks[i - 1] if i > 0 else None
    if prev is not None and prev.is_cap and prev.key in _COMPASS and not toks[i].newline_before:
        return []  # the second word of 'Tây Nam …' opens no region of its own
    known, label = doc.name_at(i)
    if label and known > k:
        return []  # 'Đông Nam Á', 'Nam Phi': a name of its own
    end, label = doc.name_at(k)
    return [doc.cand(LOC, i, end, "pattern", 0.7)] if label == "LOC" else []


def place_run(doc: Doc, i: int) -> int:
    """End of the capitalised place words at i (at most three), for a place no list holds."""
    toks = doc.tokens
    j = i
    words = 0
    while j < len(toks) and words < 3 and _place_word(toks[j]):
        if j > i and (toks[j].newline_before or doc.head_at(j)[0] > j):
            break
        j += 1
        words += 1
        particle = j + 1 < len(toks) and toks[j].text in _PARTICLES
        if particle and _place_word(toks[j + 1]) and not toks[j + 1].newline_before:
            j += 1  # the particle; the capitalised word after it is taken by the loop
    return j


def _place_word(tok: Token) -> bool:
    """A capitalised word of a place name: Vietnamese ('Hòa Lợi') or foreign ('Ratanakiri')."""
    if not tok.is_word or not tok.is_cap:
        return False
    return is_vietnamese_syllable(tok.text) or (not tok.is_upper and tok.text.isalpha())


# Lower-case particles inside foreign place names: 'Pinar del Río', 'Rio de Janeiro'.
_PARTICLES = frozenset({"del", "de", "la", "do", "da", "dos", "das", "di", "am", "upon", "sur"})


def _republic(doc: Doc, i: int) -> list[Candidate]:
    """'Cộng hòa xã hội chủ nghĩa Việt Nam', 'Cộng hòa Armenia': up to the country's name."""
    toks = doc.tokens
    for k in range(i + 2, min(len(toks), i + _REPUBLIC_SPAN)):
        if not toks[k].is_word or toks[k].newline_before:
            return []
        end, label = doc.name_at(k)
        if label == "LOC":
            return [doc.cand(LOC, i, end, "pattern", 0.8)]
    return []


# Administrative words that go on an elliptical local body ('UBND tỉnh', 'Công an huyện').
_BODY_ADMIN = frozenset({"tỉnh", "thành phố", "huyện", "quận", "xã", "phường", "thị xã", "tp"})
_ADMIN_FIRST = frozenset({"thành", "thị"})


def admin_end(doc: Doc, j: int) -> int:
    """'tỉnh', 'thành phố', 'TP' (+ a place): elliptical local bodies ('UBND tỉnh Tây Ninh')."""
    toks = doc.tokens
    key = toks[j].key
    if key in _BODY_ADMIN:
        end = j + 1
    elif key in _ADMIN_FIRST and j + 1 < len(toks) and f"{key} {toks[j + 1].key}" in _BODY_ADMIN:
        end = j + 2
    else:
        return j
    if end < len(toks):
        name_end, label = doc.name_at(end)
        if label == "LOC":
            return name_end
        if key in ("quận", "phường") and toks[end].is_digit:
            return end + 1  # 'UBND quận 1': districts and wards are numbered
        # 'UBND huyện Mường Tè': a district no list holds (not 'UBND tỉnh Nguyễn Văn An')
        return place_run(doc, end) if doc.person_at(end) == doc.title_at(end) == end else end
    return end
