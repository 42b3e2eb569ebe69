"""Meeting names by edition: codes ('COP26', 'AIPA-41'), years, 'lần thứ N' after a head."""

from __future__ import annotations

import re

from daphuong.domain.extraction import EntityType
from daphuong.pipeline.extract.orgs import headed_end
from daphuong.pipeline.extract.scan import Candidate, Doc
from daphuong.pipeline.extract.tokens import is_vietnamese_syllable

EVENT = EntityType.EVENT
ORG = EntityType.ORG
_CODE_EDITION = re.compile(r"[A-Z]{2,}\d{2,3}")  # one digit is a channel: VOV5
_ROMAN_NUMBER = re.compile(r"[IVXLC]+")

_ORDINAL_WORDS = frozenset({"nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười"})


def _edition_right_after(doc: Doc, k: int) -> int:
    """End of 'lần thứ N' at token k, the edition in digits, Roman numerals or words
    ('lần thứ 3', 'lần thứ XI', 'lần thứ hai'), else k."""
    toks = doc.tokens
    if k + 2 >= len(toks) or toks[k].key != "lần" or toks[k + 1].key != "thứ":
        return k
    n = toks[k + 2]
    numbered = n.is_digit or bool(_ROMAN_NUMBER.fullmatch(n.text)) or n.key in _ORDINAL_WORDS
    return k + 3 if numbered and not n.newline_before else k


def forum_edition(doc: Doc, i: int) -> list[Candidate]:
    """'Diễn đàn lần thứ hai': a forum's bare head with its edition names one meeting."""
    head_end = doc.head_at(i)[0]
    if doc.tokens[i].key == "diễn" and _edition_right_after(doc, head_end) > head_end > i:
        return [doc.cand(EVENT, i, head_end + 3, "pattern", 0.75)]
    return []


def edition(doc: Doc, i: int) -> list[Candidate]:
    """'ASEM 12', 'COP26' (a code and its number), 'Diễn đàn … 2020', '… (AIPA) lần thứ 41'."""
    toks = doc.tokens
    tok = toks[i]
    code = _code_end(doc, i)
    if code > i:
        # 'Đại hội đồng IPU-148': the assembly's session named by its edition code
        assembly = i >= 3 and [t.key for t in toks[i - 3 : i]] == ["đại", "hội", "đồng"]
        return [_edition_of(doc, i - 3 if assembly else i, code)]
    acronym = tok.is_upper and len(tok.text) >= 3 and not is_vietnamese_syllable(tok.text)
    if acronym and i + 1 < len(toks):
        nxt = toks[i + 1]
        edition = nxt.is_digit and len(nxt.text) <= 2 and nxt.space_before
        if edition and not _glued_after(doc, i + 1):
            return [_edition_of(doc, i, i + 2), doc.cand(ORG, i, i + 1, "pattern", 0.7)]
    end = headed_end(doc, i)
    if end <= i:
        return []
    year_end = year_after(doc, end) if toks[i].key == "diễn" else end
    if year_end > end:
        return [_edition_of(doc, i, year_end)]  # 'Diễn đàn … 2020', 'Diễn đàn … năm 2023'
    k = end
    if k + 2 < len(toks) and toks[k].text == "(" and toks[k + 2].text == ")":
        k += 3
    if k + 2 < len(toks) and toks[k].key == "lần" and toks[k + 1].key == "thứ":
        return [doc.cand(EVENT, i, k + 3, "pattern", 0.75)]
    return []


def _code_end(doc: Doc, i: int) -> int:
    """End of a meeting's code at token i: 'COP26', 'SEA31', 'AIPA-41' (not '…/QH14'), else i."""
    toks = doc.tokens
    in_code = i > 0 and doc.joined(i) and toks[i - 1].text == "/"  # '130/2020/QH14'
    text = toks[i].text
    if _CODE_EDITION.fullmatch(text) and not text.startswith("COVID") and not in_code:
        return i + 1
    return i + 3 if _hyphen_edition(doc, i) else i


_DISEASES = frozenset({"COVID", "SARS", "MERS"})  # 'COVID-19' is a disease, not an edition


def _hyphen_edition(doc: Doc, i: int) -> bool:
    """An acronym glued by a dash to a two- or three-digit number: 'AIPA-41', 'APEC-32'."""
    toks = doc.tokens
    if i + 2 >= len(toks) or not doc.is_dash(i + 1) or not doc.joined(i + 1):
        return False
    tok, num = toks[i], toks[i + 2]
    acronym = tok.is_upper and len(tok.text) >= 3 and not is_vietnamese_syllable(tok.text)
    acronym = acronym and tok.text not in _DISEASES
    numbered = num.is_digit and 2 <= len(num.text) <= 3 and doc.joined(i + 2)
    return acronym and numbered and not _glued_after(doc, i + 2)


def year_after(doc: Doc, k: int) -> int:
    """End of a year ('2020', 'năm 2020') starting at token k, else k."""
    toks = doc.tokens
    if k < len(toks) and is_year(toks[k].text):
        return k + 1
    if k + 1 < len(toks) and toks[k].key == "năm" and is_year(toks[k + 1].text):
        return k + 2
    return k


def _edition_of(doc: Doc, i: int, j: int) -> Candidate:
    cand = doc.cand(EVENT, i, j, "pattern", 0.75)
    cand.edition = True
    return cand


def _glued_after(doc: Doc, i: int) -> bool:
    toks = doc.tokens
    return i + 1 < len(toks) and not toks[i + 1].space_before and toks[i + 1].text not in ",.;)"


def is_year(text: str) -> bool:
    return len(text) == 4 and text.isdigit() and text[:2] in ("19", "20")
