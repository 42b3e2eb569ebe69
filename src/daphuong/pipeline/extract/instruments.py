"""International instruments named by a lower-case description closed by their acronym
('Công ước về xóa bỏ … phụ nữ (CEDAW)'), and such acronyms as documents."""

from __future__ import annotations

from daphuong.domain.extraction import EntityType
from daphuong.pipeline.extract.scan import Candidate, Doc

LEGAL = EntityType.LEGAL_DOC
# Types of international instruments; a national law's name follows other rules (legal.py).
INSTRUMENTS = frozenset(
    {
        "công ước",
        "hiệp ước",
        "hiệp định",
        "hiệp định khung",
        "nghị định thư",
        "tuyên bố",
        "tuyên ngôn",
        "hiến chương",
        "thỏa thuận",
        "bộ quy tắc",
        "chương trình nghị sự",
        "đồng thuận",
    }
)
_MAX_DESCRIPTION = 24
_BREAKS = frozenset('.;:!?,“”"')


def abbreviated(doc: Doc, i: int, end: int, kind: str) -> Candidate | None:
    """'Công ước về xóa bỏ mọi hình thức … (CEDAW)', 'Bộ Quy tắc ứng xử ở Biển Đông (COC)':
    the words up to an acronym in brackets are the instrument's name."""
    toks = doc.tokens
    if kind not in INSTRUMENTS:
        return None
    for k in range(end, min(len(toks) - 2, end + _MAX_DESCRIPTION)):
        tok = toks[k]
        if tok.newline_before or tok.text in _BREAKS or second_document(doc, k):
            return None
        if tok.text == "(":
            closed = _acronym(doc, k + 1) and toks[k + 2].text == ")"
            return doc.cand(LEGAL, i, k, "pattern", 0.8) if closed and k > end else None
    return None


_QUOTE_SPAN = 60
_CLOSERS = frozenset('”"»')


def quoted(doc: Doc, i: int, end: int) -> Candidate | None:
    """'Đề án “Tăng cường hợp tác … giai đoạn 2021-2025”': a document type and its quoted title."""
    toks = doc.tokens
    if end >= len(toks) or toks[end].text not in '“"«':
        return None
    for k in range(end + 2, min(len(toks), end + _QUOTE_SPAN)):
        if toks[k].newline_before:
            return None
        if toks[k].text in _CLOSERS:
            return doc.cand(LEGAL, i, k + 1, "pattern", 0.75)
    return None


def acronyms(doc: Doc, found: list[Candidate]) -> list[Candidate]:
    """'… (CEDAW)' after a document defines CEDAW as that document for the whole text."""
    toks = doc.tokens
    index = {t.start: n for n, t in enumerate(toks)}
    ends = {c.end for c in found if _instrument_at(doc, index.get(c.start))}
    names = {
        toks[k + 1].text
        for k in range(1, len(toks) - 2)
        if toks[k].text == "("
        and toks[k - 1].end in ends
        and toks[k + 2].text == ")"
        and _acronym(doc, k + 1)
        and not _body_before(doc, k)
    }
    return [
        doc.cand(LEGAL, k, k + 1, "abbreviation", 0.8)
        for k, t in enumerate(toks)
        if t.text in names
    ]


def _body_before(doc: Doc, k: int) -> bool:
    """'Công ước số 98 của Tổ chức Lao động quốc tế (ILO)': the acronym names the body the
    document's name ends with, not the document."""
    toks = doc.tokens
    return any(
        doc.name_at(m) == (k, "ORG") and toks[m - 1].key == "của" for m in range(max(1, k - 8), k)
    )


_QUALIFIERS = 3
# International action plans named like treaties, by their subject after 'về'.
_ACTION_PLANS = frozenset(
    {"kế hoạch hành động", "chương trình hành động"}
)  # 'Hiệp ước toàn cầu về …', 'Hiệp định khung về …'
_TOPIC_SPAN = 30
# Lower-case words that start the clause's predicate or an adverbial after the name.
_TOPIC_ENDS = frozenset(
    {"tại", "được", "đã", "sẽ", "vào", "do", "nhằm", "diễn", "là", "đang", "có", "khi", "ngày"}
)


def about(doc: Doc, i: int, end: int, kind: str) -> Candidate | None:
    """'Hiệp ước toàn cầu về di cư an toàn, trật tự và hợp pháp', 'Hiệp định về miễn thị
    thực …': a treaty named by its lower-case subject after 'về', to the clause's end."""
    toks = doc.tokens
    if kind not in INSTRUMENTS | _ACTION_PLANS or kind in ("tuyên bố", "tuyên ngôn"):
        return None  # a statement 'về' a topic is what it says, not its name
    k = _of_international(doc, end)  # 'Công ước của Liên hợp quốc về chống tham nhũng'
    while k < len(toks) and k - end < _QUALIFIERS and toks[k].key != "về":
        place_end, label = doc.name_at(k)
        if label == "LOC":
            k = place_end  # 'Kế hoạch hành động quốc tế Madrid về người cao tuổi'
            continue
        if not doc.lower_like(k) or doc.stop_at(k):
            return None
        k += 1
    j = topic_end(doc, k)
    return doc.cand(LEGAL, i, j, "pattern", 0.7) if j > k + 1 else None


def _of_international(doc: Doc, k: int) -> int:
    """After 'của' + an international body, else k."""
    toks = doc.tokens
    if k + 1 >= len(toks) or toks[k].key != "của":
        return k
    name_end, label = doc.name_at(k + 1)
    if label != "ORG" or tuple(t.key for t in toks[k + 1 : name_end]) not in doc.gaz.international:
        return k
    return name_end


def topic_end(doc: Doc, k: int) -> int:
    """End of a lower-case subject 'về …' at token k, to the clause's end (k when none)."""
    toks = doc.tokens
    if k >= len(toks) or toks[k].key != "về" or not doc.lower_like(k):
        return k
    j = k + 1
    while j < len(toks) and j - k < _TOPIC_SPAN and not toks[j].newline_before:
        tok = toks[j]
        if tok.text == "," and doc.list_comma(j):
            j += 1
            continue
        if doc.is_dash(j) and j + 1 < len(toks) and toks[j - 1].is_digit and toks[j + 1].is_digit:
            j += 2  # 'giai đoạn 2021-2030'
            continue
        if not (tok.is_word or tok.is_digit) or second_document(doc, j):
            break
        if doc.lower_like(j) and tok.key in _TOPIC_ENDS:
            break
        j += 1
    while j > k + 1 and toks[j - 1].key in _DANGLING:
        j -= 1  # '… năm 1961 và': a joiner at the clause's end opens the next phrase
    return j if j > k + 1 else k


_DANGLING = frozenset({"và", "của", "về", "với", "cho"})


def second_document(doc: Doc, k: int) -> bool:
    """'… và Hiệp định …': 'và' then a document type starts another document."""
    toks = doc.tokens
    return toks[k].key == "và" and doc.gaz.legal_types.match(toks, k + 1)[0] > k + 1


def _instrument_at(doc: Doc, i: int | None) -> bool:
    """The candidate starting at token i opens with an instrument's type word."""
    toks = doc.tokens
    if i is None:
        return False
    end = doc.gaz.legal_types.match(toks, i, strict_case=False)[0]
    return " ".join(t.key for t in toks[i:end]) in INSTRUMENTS


def _acronym(doc: Doc, k: int) -> bool:
    """Letters only: 'CEDAW', not a meeting's code such as 'COP26'."""
    tok = doc.tokens[k]
    return tok.is_word and tok.is_upper and len(tok.text) >= 2 and tok.text.isalpha()
