"""Plans, strategies and memoranda named by a lower-case description: 'Chiến lược phát triển …
đến năm 2030', 'Đề án tổng thể về đẩy mạnh … đến năm 2030', 'Bản ghi nhớ về hợp tác …'."""

from __future__ import annotations

from daphuong.domain.extraction import EntityType
from daphuong.pipeline.extract import instruments
from daphuong.pipeline.extract.laws import is_year
from daphuong.pipeline.extract.name_pairs import capital_pair
from daphuong.pipeline.extract.scan import Candidate, Doc

LEGAL = EntityType.LEGAL_DOC
# Plans and strategies named by a lower-case description that ends with their horizon
# ('Chiến lược phát triển … đến năm 2030', 'Kế hoạch … giai đoạn 2021-2025').
_HORIZON = frozenset({"chiến lược", "kế hoạch", "đề án", "chương trình"})
_MEMO = frozenset({"biên bản ghi nhớ", "bản ghi nhớ", "thỏa thuận", "thoả thuận", "hiệp định"})
_RUN_WORDS = frozenset({"về", "và", "giữa", "đến", "năm", "giai", "đoạn"})
_MAX_RUN = 16
_MAX_HORIZONED = 24  # a plan's description may run longer when its horizon closes it


def described(doc: Doc, i: int, end: int, kind: str) -> Candidate | None:
    """'Chiến lược phát triển … đến năm 2030' (up to its horizon); 'Biên bản ghi nhớ về …'."""
    toks = doc.tokens
    k = end
    horizon = 0
    while k < len(toks) and k - end < _MAX_HORIZONED and (toks[k].is_word or capital_pair(doc, k)):
        if toks[k].newline_before or (kind in _MEMO and toks[k].key == "giữa"):
            break  # 'Bản ghi nhớ về … giữa Bộ A và Bộ B': the parties are not the name
        if toks[k].key not in _RUN_WORDS and doc.stop_at(k) and not _compound(doc, k):
            break
        if toks[k].is_digit and len(toks[k].text) == 4:
            horizon = k + 1
        k += 1
        if k < len(toks) and doc.is_dash(k) and k + 1 < len(toks) and toks[k + 1].is_digit:
            k += 1  # 'giai đoạn 2021-2025'
    horizoned = any(kind.startswith(h) for h in _HORIZON) or kind in _MEMO
    horizon = horizon or (_horizon_past_verbs(doc, end) if horizoned else 0)
    if horizoned and horizon > end + 2:
        return doc.cand(LEGAL, i, _vision(doc, horizon), "pattern", 0.7)
    k = min(k, end + _MAX_RUN)
    while k > end and toks[k - 1].key in _RUN_WORDS:
        k -= 1  # 'Bản ghi nhớ về hợp tác giáo dục giữa hai bộ': 'giữa' opens the parties
    memo = kind in _MEMO and end < len(toks) and toks[end].key == "về"
    return doc.cand(LEGAL, i, k, "pattern", 0.65) if memo and k > end + 1 else None


# Words that start a clause: a plan's description never runs over them to a year.
_CLAUSE_WORDS = frozenset({"đã", "được", "sẽ", "đang", "là", "khi", "nhằm", "thì", "mà", "để"})
_HORIZON_CUES = frozenset({"năm", "đoạn"})  # 'đến năm 2030', 'giai đoạn 2023-2025'


def _horizon_past_verbs(doc: Doc, end: int) -> int:
    """'Đề án tổng thể về đẩy mạnh đối ngoại đa phương đến năm 2030': a description with
    verbs in it is still the plan's name when its horizon closes it (0 when none does)."""
    toks = doc.tokens
    k = end
    while k < len(toks) and k - end < _MAX_HORIZONED and not toks[k].newline_before:
        tok = toks[k]
        if not tok.is_word and not capital_pair(doc, k):
            return 0
        if tok.key in _CLAUSE_WORDS or instruments.second_document(doc, k):
            return 0
        if tok.is_digit and is_year(tok.text) and toks[k - 1].key in _HORIZON_CUES:
            if k + 2 < len(toks) and doc.is_dash(k + 1) and is_year(toks[k + 2].text):
                return k + 3
            return k + 1
        k += 1
    return 0


def _vision(doc: Doc, k: int) -> int:
    """'… giai đoạn 2021-2030, tầm nhìn đến năm 2050': the vision is part of the name."""
    toks = doc.tokens
    words = [t.key for t in toks[k : k + 3]]
    if words != [",", "tầm", "nhìn"]:
        return k
    for n in range(k + 3, min(len(toks), k + 7)):
        if toks[n].newline_before or not toks[n].is_word:
            break
        if is_year(toks[n].text):
            return n + 1
    return k


def _compound(doc: Doc, k: int) -> bool:
    """Token k ends a name word that starts before it ('tạo' in 'đào tạo' is no verb)."""
    return k > 0 and doc.gaz.org_words.match(doc.tokens, k - 1)[0] > k
