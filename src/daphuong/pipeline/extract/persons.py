"""Person mentions: Vietnamese full names, names after honorifics/titles, credits, bylines."""

from __future__ import annotations

from daphuong.domain.extraction import EntityType
from daphuong.pipeline.extract.orgs import headed_end
from daphuong.pipeline.extract.places import PLACE_CUES
from daphuong.pipeline.extract.scan import Candidate, Doc
from daphuong.pipeline.extract.tokens import is_initial, is_vietnamese_syllable

PERSON = EntityType.PERSON
ORG = EntityType.ORG
_MAX_RUN = 5
_BYLINE_LINES = 6
_MAX_CREDITS = 4


def find(doc: Doc) -> list[Candidate]:
    """Every person candidate (and organisations named in photo credits)."""
    out: list[Candidate] = []
    toks = doc.tokens
    for i in range(len(toks)):
        end = doc.person_at(i)
        if (
            end > i
            and not (end - i <= 2 and _after_place_cue(doc, i))
            and not _delegation(doc, i, end)
        ):
            out.append(doc.cand(PERSON, i, end, "name", 0.9))

        out.extend(_after_cue(doc, i))
    out.extend(_bylines(doc))
    return out


def _delegation(doc: Doc, i: int, end: int) -> bool:
    """'Đoàn Việt Nam', 'Đoàn Lào': the word for a delegation before a place, not the surname."""
    return doc.tokens[i].key == "đoàn" and doc.name_at(i + 1) == (end, "LOC")


def _after_place_cue(doc: Doc, i: int) -> bool:
    """'huyện Hướng Hóa': two name-like words after a place word are a place (three are a
    person after an elliptical body: 'Chủ tịch Hội LHPN tỉnh Đặng Thị Hồng Nga')."""
    toks = doc.tokens
    one = i > 0 and toks[i - 1].key
    two = i > 1 and f"{toks[i - 2].key} {toks[i - 1].key}"
    return (one in PLACE_CUES or two in PLACE_CUES) and not toks[i - 1].is_cap


def _run(doc: Doc, i: int, *, foreign: bool = False) -> int:
    """Capitalised words from i (hyphen-joined words stay together), not a body or a title."""
    toks = doc.tokens
    j = i
    while j < len(toks) and j - i < _MAX_RUN:
        tok = toks[j]
        if tok.is_word and tok.is_cap and (j == i or not tok.newline_before):
            if doc.head_at(j)[0] > j or doc.title_at(j) > j or doc.event_head_at(j)[0] > j:
                break
            label = doc.name_at(j)[1]
            if j > i and (label == "ORG" or (label == "LOC" and foreign)):
                break
            if tok.is_upper and len(tok.text) > 1 and (foreign or doc.stop_upper(j)):
                break  # an acronym is not part of a foreign name; 'BÁC HỒ VỀ NƯỚC'
            j += 2 if j > i and is_initial(toks, j) else 1  # 'Caroline T. Nyamayemombe'
        elif doc.is_dash(j) and j > i and doc.joined(j) and j + 1 < len(toks):
            if toks[j + 1].space_before or not toks[j + 1].is_word:
                break
            if not toks[j + 1].is_cap:
                j += 2  # 'Park Mi-hyung', 'Moon Jae-in': a hyphenated given name
                break
            j += 1
        elif foreign and j > i and _particle(doc, j):
            j += 1  # 'Ursula von der Leyen', 'Mohamed bin Zayed'
        else:
            break
    return j


# Lower-case particles inside foreign names (never Vietnamese words in a capitalised run).
_PARTICLES = frozenset(
    {"von", "van", "der", "den", "de", "bin", "binti", "ibn", "al", "el", "dos"}
    | {"da", "das", "di", "del", "della", "du", "la", "le", "ben", "ter"}  # 'Lula da Silva'
)


def _particle(doc: Doc, j: int) -> bool:
    """A name particle between capitalised words of a foreign name."""
    toks = doc.tokens
    if toks[j].text not in _PARTICLES or j + 1 >= len(toks) or toks[j + 1].newline_before:
        return False
    nxt = toks[j + 1]
    return nxt.is_cap or (nxt.text in _PARTICLES and j + 2 < len(toks) and toks[j + 2].is_cap)


def _after_cue(doc: Doc, i: int) -> list[Candidate]:
    toks = doc.tokens
    end, kind = doc.cue_at(i)
    if end > i and kind == "honorific" and end < len(toks):
        if (kind == "honorific" and toks[i].text[0].islower()) or toks[i].key in ("ông", "bà"):
            return _named(doc, end, require_foreign=False)
        return _named(doc, end, require_foreign=False)
    if end > i and kind == "credit" and end < len(toks) and toks[end].text == ":":
        return _credit(doc, end + 1)
    if end > i and kind == "source" and toks[i].is_cap:
        j = _run(doc, end)
        if j > end and _foreign(doc, end, j):
            return [doc.cand(ORG, end, j, "source", 0.7)]
    title_end = doc.title_at(i)
    if title_end > i and title_end < len(toks):
        return _after_title(doc, title_end)
    return []


def _named(doc: Doc, i: int, *, require_foreign: bool) -> list[Candidate]:
    j = _run(doc, i, foreign=require_foreign)
    if j <= i or doc.name_at(i)[1] in ("LOC", "ORG"):
        return []
    if require_foreign and not _foreign(doc, i, j):
        return []
    nxt = doc.tokens[j] if j < len(doc.tokens) else None
    common = nxt is not None and nxt.is_word and not nxt.is_cap and not nxt.newline_before
    if common and j - i == 1 and not doc.stop_at(j):
        return []  # 'đồng chí Lãnh đạo': a capitalised common word, not a name
    return [doc.cand(PERSON, i, j, "cue", 0.85)]


def _after_title(doc: Doc, i: int) -> list[Candidate]:
    """'Chủ tịch Muhammad-Bande', 'Chủ tịch Đại hội đồng LHQ Kőrösi': a foreign name, after
    the body and place the title may name ('Chủ tịch Hạ viện Indonesia Puan Maharani')."""
    toks = doc.tokens
    country = False
    for _ in range(2):
        if i >= len(toks):
            return []
        end, label = doc.name_at(i)
        country = country or (label == "LOC" and end > i)
        i = end if label in ("ORG", "LOC") else max(i, headed_end(doc, i))
        if i + 2 < len(toks) and toks[i].text == "(" and toks[i + 2].text == ")":
            i += 3  # 'Tổng Giám đốc Tổ chức Y tế Thế giới (WHO) Tedros …'
        if i + 1 < len(toks) and toks[i].key == "tại" and doc.name_at(i + 1)[1] == "LOC":
            i = doc.name_at(i + 1)[0]  # 'Đại sứ Phần Lan tại Việt Nam Keijo Norvanto'
    if i >= len(doc.tokens):
        return []
    end, kind = doc.cue_at(i)
    if kind == "honorific" and doc.tokens[i].is_cap:
        i = end  # 'Chủ tịch Hạ viện Malaysia Tan Sri …': the honorific is no part of the name
    # 'Thủ tướng Campuchia Hun Manet': after the country, a Khmer or Lao name may be written
    # in syllables that are Vietnamese too
    found = _named(doc, i, require_foreign=True)
    return found or (_named(doc, i, require_foreign=False) if country else [])


def _foreign(doc: Doc, i: int, j: int) -> bool:
    return any(not is_vietnamese_syllable(t.text) for t in doc.tokens[i:j] if t.is_word)


def _credit(doc: Doc, i: int) -> list[Candidate]:
    """'(Ảnh: Thúy Hồng)', '(Photo: TV)' name a person; '(Ảnh: UNICEF)' an organisation;
    'Ảnh: VGP/Hải Minh' the photographer after the outlet; 'Tin, ảnh: A - B' two people."""
    toks = doc.tokens
    out: list[Candidate] = []
    while i < len(toks) and len(out) < _MAX_CREDITS and headed_end(doc, i) == i:
        j = _run(doc, i)
        if j <= i:
            break
        slash = j + 1 < len(toks) and toks[j].text == "/" and doc.joined(j) and doc.joined(j + 1)
        if slash and j == i + 1 and toks[i].is_upper:
            out.append(doc.cand(ORG, i, j, "credit", 0.75))  # 'VGP/Hải Minh': the outlet first
            i = j + 1
            continue
        out.extend(_one_credit(doc, i, j))
        more = j + 1 < len(toks) and toks[j].text in ",-–" and not toks[j + 1].newline_before
        if not more or not toks[j + 1].is_cap or doc.name_at(j + 1)[1] == "ORG":
            break
        i = j + 1
    return out


def _one_credit(doc: Doc, i: int, j: int) -> list[Candidate]:
    toks = doc.tokens
    if doc.name_at(i)[0] >= j:
        return []
    words = [t for t in toks[i:j] if t.is_word]
    if len(words) == 1 and words[0].is_upper:
        kind = PERSON if len(words[0].text) <= 3 else ORG
    elif _foreign(doc, i, j):
        kind = ORG
    else:
        kind = PERSON
    return [doc.cand(kind, i, j, "credit", 0.8)]


def _bylines(doc: Doc) -> list[Candidate]:
    """Author lines near the end: 'Nguyễn Hợp - Hoài Nga', 'TRUNG ĐỖ'; trailing initials 'NN'."""
    toks = doc.tokens
    starts = [i for i, t in enumerate(toks) if t.newline_before]
    out: list[Candidate] = []
    for n, start in enumerate(starts[-_BYLINE_LINES:]):
        idx = len(starts) - min(len(starts), _BYLINE_LINES) + n
        stop = starts[idx + 1] if idx + 1 < len(starts) else len(toks)
        out.extend(_byline(doc, start, stop))
    last = toks[-1] if len(toks) >= 3 else None
    initials = last is not None and last.is_upper and 2 <= len(last.text) <= 3
    if initials and toks[-2].text == "." and last is not None and not last.newline_before:
        out.append(doc.cand(PERSON, len(toks) - 1, len(toks), "byline", 0.6))
    return out


def _byline(doc: Doc, start: int, stop: int) -> list[Candidate]:
    toks = doc.tokens[start:stop]
    if not toks or len(toks) > 9:
        return []
    parts: list[list[int]] = [[]]
    for k, tok in enumerate(toks):
        if tok.is_word and tok.is_cap and is_vietnamese_syllable(tok.text):
            parts[-1].append(start + k)
        elif doc.is_dash(start + k) or tok.text == ",":
            parts.append([])
        elif tok.text == "/" and k > 0 and doc.joined(start + k):
            break  # 'Thu Hằng/VOV.VN': the outlet after the slash is found as an ORG
        elif tok.text == "(" and k > 0 and toks[-1].text == ")":
            break  # 'Thanh Sang (TTXVN)': the outlet in brackets closes the line
        else:
            return []
    if any(not 2 <= len(p) <= 4 for p in parts):
        return []
    last_line = stop == len(doc.tokens)
    if any(not _byline_name(doc, p, last_line=last_line) for p in parts):
        return []
    return [doc.cand(PERSON, p[0], p[-1] + 1, "byline", 0.7) for p in parts]


def _byline_name(doc: Doc, part: list[int], *, last_line: bool) -> bool:
    """A byline part is a name unless it is a body or a known name; on the last line a place
    made of given-name syllables is a person ('Hương Giang')."""
    if doc.head_at(part[0])[0] > part[0]:
        return False
    end, label = doc.name_at(part[0])
    if not label or end <= part[-1]:
        return True  # no known name, or one shorter than the part ('ĐỨC ANH' is no 'Đức')
    given = all(doc.tokens[k].key in doc.gaz.given for k in part)
    return last_line and label == "LOC" and end == part[-1] + 1 and given
