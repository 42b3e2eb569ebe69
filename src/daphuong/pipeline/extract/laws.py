"""National laws and codes named by their subject: 'Luật Đất đai năm 2024', 'Luật Phòng, chống
mua bán người', 'Luật Tín ngưỡng, tôn giáo'."""

from __future__ import annotations

from daphuong.domain.extraction import EntityType
from daphuong.pipeline.extract.scan import Candidate, Doc

LEGAL = EntityType.LEGAL_DOC


# Words that end a law's name: a clause goes on ('Luật Đất đai đã được thông qua năm 2024');
# softer ones end it only when no year closes the name ('… của người nước ngoài … năm 2014').
_LAW_STOPS = frozenset(
    {"đã", "được", "sẽ", "đang", "là", "có", "khi", "nhằm", "này", "thì", "mà", "để", "và"}
    | {"cũng", "vừa", "mới", "nên", "phải", "còn"}
)
_LAW_SOFT = frozenset({"của", "cho", "với", "vào", "từ", "trong", "tại", "do"})
LAWS = frozenset({"luật", "bộ luật", "pháp lệnh"})
_MAX_LAW = 20


def law(doc: Doc, i: int, end: int, kind: str) -> Candidate | None:
    """'Luật Người lao động … theo hợp đồng năm 2020', 'Luật Phòng, chống mua bán người':
    a law's name is a capitalised word and lower-case words, up to its year when it has one."""
    toks = doc.tokens
    if kind not in LAWS or end >= len(toks) or not toks[end].is_cap:
        return None
    k, against, soft = end, False, 0
    while k < len(toks) and k - end < _MAX_LAW and not (k > end and toks[k].newline_before):
        tok = toks[k]
        if tok.text == "," and k + 1 < len(toks) and toks[k + 1].key == "chống":
            against = True  # 'Phòng, chống': one verb pair
        elif tok.text == "," and _paired_subject(doc, k):
            against = True  # 'Luật Tín ngưỡng, tôn giáo': two subjects of one law
        elif is_year(tok.text):
            return doc.cand(LEGAL, i, k + 1, "pattern", 0.8)
        elif not tok.is_word or (k > end and tok.key in _LAW_STOPS):
            break
        elif tok.key in _LAW_SOFT and not soft:
            soft = k
        k += 1
    return doc.cand(LEGAL, i, soft or k, "pattern", 0.75) if against else None


_PAIRED = 2  # syllables of the second subject after the comma


def _paired_subject(doc: Doc, k: int) -> bool:
    """The comma at k joins a second short lower-case subject that ends the law's name: a
    punctuation mark or the law's year follows it ('Luật Tín ngưỡng, tôn giáo, …')."""
    toks = doc.tokens
    n = k + 1
    while n < len(toks) and n - k <= _PAIRED and toks[n].is_word and doc.lower_like(n):
        if toks[n].key in _LAW_STOPS or toks[n].key in _LAW_SOFT or doc.stop_at(n):
            return False
        n += 1
    if n == k + 1 or n >= len(toks) or toks[n].newline_before:
        return n > k + 1
    return not toks[n].is_word or is_year(toks[n].text) or toks[n].key == "năm"


def is_year(text: str) -> bool:
    """A four-digit year of the last two centuries."""
    return len(text) == 4 and text.isdigit() and text[:2] in ("19", "20")
