"""Meeting names closed by their topic, years or edition: '… lần thứ V về hợp tác giữa …'."""

from __future__ import annotations

import re

from daphuong.pipeline.extract.name_pairs import capital_pair
from daphuong.pipeline.extract.scan import Doc
from daphuong.pipeline.extract.tokens import OPEN_QUOTES, Token

_LEAD = 6  # lower-case words between the head and 'về' ('Hội nghị quán triệt về việc …')
_TOPIC_SPAN = 40
_MIN_TOPIC = 2
# Words that start the clause's predicate or an adverbial after the name: the topic ends there.
_ENDS = frozenset(
    {"diễn", "được", "đã", "sẽ", "đang", "là", "có", "do", "tại", "vào", "nhằm", "dưới", "thu"}
    | {"với", "khi", "nhân", "cho", "để"}
)
_NOUNS_OF_END_WORDS = frozenset({"nhân dân", "nhân loại", "nhân quyền", "nhân đạo", "cho vay"})
# A time of day ends the topic only as a time ('sáng 3/5', 'chiều nay'; not 'đổi mới sáng tạo').
_TIMES = frozenset({"sáng", "chiều", "tối", "trưa", "hôm", "ngày"})
_TIME_AFTER = frozenset({"nay", "qua", "mai", "cùng", "mùng"})
_SENTENCE_ENDS = frozenset({".", "!", "?", ";"})
# Predicates after a name, two words each ('… về Biển Đông khai mạc'; not 'khai thác biển').
_END_PAIRS = frozenset({"khai mạc", "bế mạc", "kết thúc", "chính thức", "quy tụ", "khép lại"})
_ROMAN = re.compile(r"[IVXLC]+")
_GLUE = frozenset({"-", "/", "."})
_LEAD_COMMAS = 1  # 'Hội nghị quán triệt, phổ biến Chỉ thị …': verbs sharing one document
_SUBJECT_WORDS = frozenset({"các", "những", "cùng"})  # 'Tại Hội thảo các đại biểu cùng …'
_LIST_WORDS = frozenset({"các", "những"})  # ', các đối tác …': the topic lists another party
# Sectors and policy verbs a topic lists with bare commas ('hợp tác kinh tế, thương mại',
# 'tiếp tục tăng cường, nâng cao hiệu quả …'): the comma joins them inside the name.
_LISTED_AFTER_COMMA = frozenset(
    {"kinh tế", "thương mại", "đầu tư", "văn hóa", "giáo dục", "du lịch", "khoa học"}
    | {"công nghệ", "quốc phòng", "an ninh", "y tế", "lao động", "nông nghiệp", "năng lượng"}
    | {"môi trường", "xã hội", "thể thao", "ngoại giao", "đối ngoại", "hội nhập"}
    | {"nâng cao", "đẩy mạnh", "tăng cường", "phát huy", "mở rộng", "củng cố", "đổi mới"}
    | {"hoàn thiện", "nâng tầm", "thúc đẩy", "phát triển"}
)
# 'hợp tác với các tổ chức …': 'với' after these words is their complement, not a clause.
_WITH_HEADS = frozenset({"hợp tác", "quan hệ", "giao lưu", "đối thoại", "gắn kết"})


def spreads_document(doc: Doc, head_end: int) -> bool:
    """The meeting's name goes on to a document it spreads ('Hội nghị quán triệt, phổ biến
    Chỉ thị số …'), which is then listed as well."""
    about = _about_at(doc, head_end, head_end)
    return about is not None and doc.tokens[about].key != "về"


def topic_end(doc: Doc, head: int, head_end: int, end: int) -> int:
    """End of a capitalised meeting name whose head is followed by 'về' and its topic, running
    to the end of the clause ('… lần thứ V về hợp tác giữa Việt Nam và …'); else end.

    A head opening its sentence is capitalised by position only: its topic names the meeting
    only when it fills the line (a headline), not when a predicate follows."""
    toks = doc.tokens
    last = toks[end - 1] if end > head_end else None
    numbered = last is not None and (last.is_digit or bool(_ROMAN.fullmatch(last.text)))
    if numbered and any(t.is_cap and not _ROMAN.fullmatch(t.text) for t in toks[head_end:end]):
        return end  # 'Đại hội Đảng lần thứ XIII về …': a name closed by its edition
    # (a body at the end goes on: 'Hội nghị lần thứ 28 Hội đồng Bộ trưởng về hợp tác …')
    about = _about_at(doc, head_end, end)
    j = _run_end(doc, about) if about is not None else None
    if about is None or j is None or j - about - 1 < _MIN_TOPIC:
        return end
    line_end = j == len(toks) or toks[j].newline_before
    sentence_initial = head == 0 or toks[head].newline_before or toks[head - 1].text in ".!?"
    if (sentence_initial and not line_end) or (not line_end and toks[j].text in OPEN_QUOTES):
        return end
    return max(end, j)


_EDITION_SPAN = 24
_EDITION_BREAKS = frozenset({"tại", "được", "đã", "sẽ", "do", "diễn", "với", "nhằm", "vào"})


def edition_end(doc: Doc, k: int) -> int:
    """End of a long name closed by its edition further on: 'Hội nghị Đại sứ, Trưởng Cơ quan
    đại diện … lần thứ 32', 'Hội nghị thượng đỉnh Đối tác vì … 2030 (P4G) lần thứ 2'; else k.
    Only name words, one comma and a bracketed short form may stand before 'lần thứ N'."""
    toks = doc.tokens
    commas = 0
    m = k
    while m + 2 < min(len(toks), k + _EDITION_SPAN):
        tok = toks[m]
        if tok.newline_before:
            return k
        if tok.key == "lần" and toks[m + 1].key == "thứ":
            return m + 3 if m > k else k
        if (
            tok.text == "("
            and m + 3 < len(toks)
            and toks[m + 1].is_upper
            and toks[m + 2].text == ")"
        ):
            m += 3  # '(P4G)'
            continue
        if tok.text == "," and commas == 0 and toks[m + 1].is_cap:
            commas += 1
        elif not (tok.is_word or tok.is_digit) or (
            doc.lower_like(m) and tok.key in _EDITION_BREAKS
        ):
            return k
        m += 1
    return k


def anniversary_end(doc: Doc, head_end: int) -> int:
    """End of a meeting named by the years it marks ('Lễ kỷ niệm 50 năm thiết lập quan hệ
    ngoại giao Việt Nam – Nhật Bản', '… đặc biệt kỷ niệm 50 năm …'): like a topic, it runs to
    the clause end; else head_end."""
    toks = doc.tokens
    k = head_end
    if k + 1 < len(toks) and toks[k].key == "kỷ" and toks[k + 1].key == "niệm":
        k += 2  # 'Hội nghị Cấp cao đặc biệt kỷ niệm 50 năm quan hệ ASEAN - Australia'
    elif k < 1 or toks[k - 1].key != "niệm":
        return head_end
    if k + 2 >= len(toks) or not toks[k].is_digit or toks[k + 1].key != "năm":
        return head_end
    j = _run_end(doc, k + 1)
    return j if j is not None and j - k - 2 >= _MIN_TOPIC else head_end


def _run_end(doc: Doc, about: int) -> int | None:
    """Where the topic opened at `about` stops: a sentence end, a clause word, a time, a
    bracket or a quote (a comma only before a listed party or inside a list closed by 'và');
    None when it runs too long to be a name."""
    toks = doc.tokens
    j = about + 1
    limit = min(len(toks), about + _TOPIC_SPAN)
    while j < limit:
        tok = toks[j]
        if tok.newline_before or tok.text in _SENTENCE_ENDS:
            return j
        listed = j + 1 < len(toks) and toks[j + 1].key in _LIST_WORDS
        if tok.text == "," and (listed or doc.list_comma(j) or _listed_item(doc, j)):
            j += 1
            continue
        if tok.key == "với" and j > about + 2 and _pair(toks, j - 2) in _WITH_HEADS:
            j += 1
            continue
        glued = doc.joined(j) and tok.text in _GLUE  # 'Chỉ thị số 25-CT/TW'
        glued = glued or capital_pair(doc, j)
        ends = tok.key in _ENDS and _pair(toks, j) not in _NOUNS_OF_END_WORDS  # 'nhân dân'
        if not (tok.is_word or tok.is_digit or glued) or (doc.lower_like(j) and ends):
            return j
        if j + 1 < len(toks) and f"{tok.key} {toks[j + 1].key}" in _END_PAIRS:
            return j
        if tok.key == "và" and _deed_after_name(doc, about, j):
            return j
        if tok.key in _TIMES and j + 1 < len(toks):
            after = toks[j + 1]
            if after.is_digit or after.key in _TIME_AFTER:
                return j
        j += 1
    return j if j == len(toks) else None


def _deed_after_name(doc: Doc, about: int, j: int) -> bool:
    """'… ASEAN – New Zealand và ủng hộ …': 'và' after a name, then a lower-case word, opens
    another deed ('giữa Việt Nam và các tổ chức …' joins two parties)."""
    toks = doc.tokens
    if not toks[j - 1].is_cap or j + 1 >= len(toks) or not doc.lower_like(j + 1):
        return False
    parties = any(t.key == "giữa" for t in toks[about:j])
    return not parties and toks[j + 1].key not in _LIST_WORDS


def _pair(toks: list[Token], k: int) -> str:
    return f"{toks[k].key} {toks[k + 1].key}" if k + 1 < len(toks) else ""


def _listed_item(doc: Doc, j: int) -> bool:
    """The comma at j joins a sector or a policy verb to the one before it, inside a topic."""
    toks = doc.tokens
    if j + 2 >= len(toks) or not doc.lower_like(j + 1) or toks[j + 1].newline_before:
        return False
    return _pair(toks, j + 1) in _LISTED_AFTER_COMMA and doc.lower_like(j - 1)


def _about_at(doc: Doc, head_end: int, end: int) -> int | None:
    """Index of the word that opens the topic: 'về' right after the name found so far or after
    a few lower-case words following the head, or the type word of the document a meeting
    spreads ('Hội nghị quán triệt, phổ biến Chỉ thị số …'); the topic starts after it."""
    toks = doc.tokens
    if end < len(toks) and toks[end].key == "về" and doc.lower_like(end):
        return end
    commas = 0
    for m in range(head_end, min(len(toks), head_end + _LEAD + 2)):
        tok = toks[m]
        if tok.newline_before and m > head_end:
            return None
        if tok.key == "về" and doc.lower_like(m):
            return m if m > head_end else None
        if m > head_end and tok.is_cap and doc.gaz.legal_types.match(toks, m)[0] > m:
            return m
        if tok.text == "," and m > head_end and commas < _LEAD_COMMAS:
            commas += 1
            continue
        if tok.is_digit:
            continue  # 'Hội nghị sơ kết 5 năm thực hiện Chỉ thị …'
        if not tok.is_word or not doc.lower_like(m) or tok.key in _ENDS | _SUBJECT_WORDS:
            return None
    return None
