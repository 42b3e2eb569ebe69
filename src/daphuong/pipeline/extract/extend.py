"""How far a name runs after its head noun: capitalised words, name words, nested names."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from daphuong.pipeline.extract.name_pairs import punct_end
from daphuong.pipeline.extract.name_terms import term_end
from daphuong.pipeline.extract.places import admin_end
from daphuong.pipeline.extract.scan import MAX_NAME_TOKENS, Doc
from daphuong.pipeline.extract.tokens import is_vietnamese_syllable

_TRIM = frozenset({"và", "của", "về", "các", "với", "tại", "-", "&", "ở"})
_AFTER_CLOSED = frozenset({"về", "tại", "của", "và", "bên"})


@dataclass(frozen=True, slots=True)
class Extent:
    """Rules for one kind of name."""

    mission: bool = False  # 'Đại sứ quán X tại Y', 'Phái bộ của X tại Y'
    event: bool = False  # numbers, 'lần thứ', 'năm 2022', 'của' + body


_PLAIN = Extent()


def extend(doc: Doc, i: int, rule: Extent | None = None, known: int = -1) -> int:
    """End (exclusive) of the name whose words start at token i (right after its head);
    `known` is where a gazetteer name that opens with the head ends ('Bộ Chính trị')."""
    rule = rule or _PLAIN
    j = i
    last = i
    n = len(doc.tokens)
    closed = False  # a place or a known body ends the name: no lower-case words after it
    numbered = acronym = False
    while j < n and j - i < MAX_NAME_TOKENS:
        tok = doc.tokens[j]
        if tok.newline_before:
            break
        closed = closed or (j == known and not rule.event)  # 'Bộ Chính trị gắn với …'
        if closed and not _continues_closed(doc, j):
            break
        if acronym and doc.lower_like(j) and not _continues_closed(doc, j):
            break  # 'Ủy ban Trung ương MTLXDĐN dẫn đầu': a verb after an acronym
        if numbered and term_end(doc, j) > j:
            last = term_end(doc, j)  # 'Hội nghị Ban Chấp hành … lần thứ 4 khóa VI'
            break
        if numbered and tok.key != "của" and doc.continuation_at(j) == j:
            body = _of_body(doc, j - 1) if tok.is_cap else j
            last = body if body > j else last  # 'Khóa họp lần thứ 54 Hội đồng Nhân quyền'
            break  # 'Đại hội Đảng lần thứ XIII' ends at its number (or 'của' + a body, or
            # a known continuation: 'lần thứ 26 các Bên tham gia Công ước …')
        if tok.key == "và" and not rule.event and _bare_and(doc, i, j):
            break  # 'Hội đồng và hiện giữ…': 'và' joins lower-case words only after a capital
        step = _step(doc, j, rule)
        if step <= j:
            break
        numbered = rule.event and tok.key == "lần"
        closed = not rule.event and _closes(doc, j, step)
        acronym = tok.is_upper and len(tok.text) > 1 and step == j + 1 and j not in doc.shouted
        acronym = acronym and not rule.event  # 'Hội nghị SOM ASEAN lần thứ …' goes on
        closes = rule.event and doc.tokens[j].key == "của"
        j = step
        last = j
        if closes:
            break
    return _trim(doc, i, last)


def _closes(doc: Doc, j: int, step: int) -> bool:
    """A known name or a lower-case place word ('tỉnh') closes a name; 'Xã hội' does not."""
    end = doc.name_at(j)[0]
    known = end == step or (end > j and doc.name_at(end - 1)[0] == step)
    known = known or (doc.tokens[j].key in _AFTER_CLOSED and step > j + 1)  # '… tại Quảng Trị'
    return known or (doc.lower_like(j) and admin_end(doc, j) == step)


def _step(doc: Doc, j: int, rule: Extent) -> int:
    """Tokens consumed at j as part of the name (j when the name ends here)."""
    tok = doc.tokens[j]
    end, label = doc.name_at(j)
    if end > j and label in ("ORG", "LOC"):
        longer, inner = doc.name_at(end - 1)
        # 'Ban Chấp hành Trung ương Đảng Cộng sản Cuba': a longer body starts at the last word
        return longer if inner == "ORG" and longer > end else end
    if not tok.is_word:
        return j + 1 if _topic_comma(doc, j) else punct_end(doc, j, event=rule.event)
    if tok.is_digit:
        return _number(doc, j, rule)
    if not doc.lower_like(j):
        return _capital(doc, j, rule)
    return _lower(doc, j, rule)


def _capital(doc: Doc, j: int, rule: Extent) -> int:
    tok = doc.tokens[j]
    title_end = doc.title_at(j)
    if doc.person_at(j) > j or (title_end > j and not rule.event and _title_ends(doc, j)):
        return j
    if title_end > j and not rule.event:
        return title_end  # 'Ban Thư ký AIPA': the whole title, lower-case words too
    if not rule.event and doc.event_head_at(j)[0] > j:
        return j
    if tok.is_upper or is_vietnamese_syllable(tok.text) or rule.event:
        return j + 1
    after_head = any(doc.head_at(k)[0] == j for k in range(max(0, j - 3), j))
    # 'Đại học Harvard', 'Quỹ Ford'; 'Tổ chức Good Neighbors International': a foreign run
    after_head = after_head or _foreign(doc.tokens[j - 1].text)
    return j + 1 if after_head and tok.text.isalpha() else j


def _foreign(text: str) -> bool:
    return text.isalpha() and text[:1].isupper() and not is_vietnamese_syllable(text)


def _title_ends(doc: Doc, j: int) -> bool:
    """A title ends a name ('… Việt Nam Chủ tịch Nguyễn Văn A') unless a known body or a
    lower-case name word follows it: 'Văn phòng Cao ủy Liên hợp quốc', 'Văn phòng Chủ tịch nước'."""
    k = doc.title_at(j)
    if k >= len(doc.tokens) or not any(doc.head_at(h)[0] == j for h in range(max(0, j - 3), j)):
        return True  # only right after the head noun
    if doc.name_at(k)[1] == "ORG":
        return False
    if doc.tokens[k].key == "về" and doc.tokens[k - 1].key == "trưởng":
        return False  # 'Hội đồng Bộ trưởng về Hợp tác …': a council named by its ministers
    return not (doc.lower_like(k) and not doc.stop_at(k) and doc.person_at(k) == k)


def _number(doc: Doc, j: int, rule: Extent) -> int:
    tok = doc.tokens[j]
    if doc.joined(j) and doc.is_dash(j - 1):
        return j + 1  # 'Covid-19'
    nxt = doc.tokens[j + 1] if j + 1 < len(doc.tokens) else None
    if rule.event and nxt is not None and nxt.key == "năm":
        years = j + 2 < len(doc.tokens) and doc.tokens[j + 2].is_digit
        if not years and doc.lower_like(j - 1):
            return j  # 'Lễ kỷ niệm 65 năm Ngày thành lập …': a count of years, not an edition
    if rule.event and len(tok.text) <= 4:
        return j + 1
    return j


def _lower(doc: Doc, j: int, rule: Extent) -> int:
    cont = doc.continuation_at(j)
    if cont > j:
        return cont
    key = doc.tokens[j].key
    handler = _KEYWORDS.get(key)
    if handler is not None:
        return handler(doc, j, rule)
    if rule.event and key == "ở":
        return j + 1
    admin = admin_end(doc, j)
    if admin > j:
        return admin
    compound = doc.tokens[j - 1].is_cap and doc.gaz.org_words.match(doc.tokens, j - 1)[0] == j + 1
    # 'Sở Giáo dục và Đào tạo': 'tạo' ends a capitalised name word, it is no verb here
    return j if doc.stop_at(j) and not compound else j + 1


def _at_of(doc: Doc, j: int, rule: Extent) -> int:
    """'Đại sứ quán X tại Y', 'Phái bộ của X'; 'Đại hội XIII của Đảng'."""
    if rule.event and doc.tokens[j].key == "của":
        return _of_body(doc, j)
    if not rule.mission or j + 1 >= len(doc.tokens):
        return j
    end, label = doc.name_at(j + 1)
    return end if label in ("ORG", "LOC") else j


def _ordinal(doc: Doc, j: int, rule: Extent) -> int:
    """'lần thứ 31', 'năm 2022' inside a meeting name."""
    toks = doc.tokens
    if not rule.event or j + 1 >= len(toks):
        return j
    if toks[j].key == "lần":
        return j + 3 if toks[j + 1].key == "thứ" and j + 2 < len(toks) else j
    return j + 2 if len(toks[j + 1].text) == 4 and toks[j + 1].is_digit else j


def _and(doc: Doc, j: int, rule: Extent) -> int:
    return j + 1 if _and_continues(doc, j) else j


def _about(doc: Doc, j: int, rule: Extent) -> int:
    """'Ủy ban … về Hợp tác …', 'Ủy ban Công tác về các tổ chức …'; any 'về' in a meeting name."""
    nxt = doc.tokens[j + 1] if j + 1 < len(doc.tokens) else None
    if nxt is None:
        return j
    ok = nxt.is_cap or rule.event or nxt.key in ("các", "người")
    ok = ok or doc.gaz.topics.match(doc.tokens, j + 1)[0] > j + 1  # '… về nhân quyền'
    return j + 1 if ok else j


_TOPIC_BACK = 8  # words of a lower-case subject after 'về' before its comma


def _topic_comma(doc: Doc, j: int) -> bool:
    """'Ủy ban Hỗn hợp về hợp tác kinh tế, thương mại Việt Nam – Bangladesh': a comma inside a
    body's lower-case subject, when more subject words and the parties' names follow it."""
    toks = doc.tokens
    if toks[j].text != ",":
        return False
    k = j - 1
    while k > max(0, j - _TOPIC_BACK) and doc.lower_like(k) and toks[k].key != "về":
        k -= 1
    if toks[k].key != "về" or k == j - 1:
        return False
    n = j + 1
    while n < len(toks) and n - j <= _LIST_WORDS and doc.lower_like(n) and not doc.stop_at(n):
        n += 1
    return n > j + 1 and n < len(toks) and doc.name_at(n)[1] == "LOC"


_LIST_WORDS = 4


def _beside(doc: Doc, j: int, rule: Extent) -> int:
    """'Phái đoàn … Việt Nam bên cạnh Liên hợp quốc': a mission's host body."""
    toks = doc.tokens
    if not rule.mission or j + 2 >= len(toks) or toks[j + 1].key != "cạnh":
        return j
    end, label = doc.name_at(j + 2)
    return end if label in ("ORG", "LOC") else j


_KEYWORDS: dict[str, Callable[[Doc, int, Extent], int]] = {
    "bên": _beside,
    "tại": _at_of,
    "của": _at_of,
    "lần": _ordinal,
    "năm": _ordinal,
    "và": _and,
    "về": _about,
}


def _of_body(doc: Doc, j: int) -> int:
    """'của' + a body closes an event name: 'Đại hội XIII của Đảng'."""
    if j + 1 >= len(doc.tokens):
        return j
    end, label = doc.name_at(j + 1)
    if label == "ORG":
        return end
    head_end, _ = doc.head_at(j + 1)
    if head_end > j + 1:
        return extend(doc, head_end)
    return j


def _continues_closed(doc: Doc, j: int) -> bool:
    """After a place or a known body only a joiner, a place word or another name may follow
    ('… Việt Nam về Hợp tác …', '… MTTQ tỉnh'), not a loose word ('Hạ viện Indonesia Puan')."""
    tok = doc.tokens[j]
    if not tok.is_word:
        return True
    if doc.lower_like(j):
        return tok.key in _AFTER_CLOSED or admin_end(doc, j) > j
    return doc.name_at(j)[0] > j or doc.head_at(j)[0] > j or tok.is_digit


def _bare_and(doc: Doc, i: int, j: int) -> bool:
    """'và' + a lower-case word, with no capitalised word since the head."""
    toks = doc.tokens
    nxt_lower = j + 1 < len(toks) and doc.lower_like(j + 1)
    return nxt_lower and not any(t.is_cap for t in toks[i:j])


def _and_continues(doc: Doc, j: int) -> bool:
    """'Bộ Tài nguyên và Môi trường' continues; 'Bộ X và Hội Y', 'X và các Z' do not."""
    toks = doc.tokens
    if j + 1 >= len(toks):
        return False
    nxt = toks[j + 1]
    if not nxt.is_word:
        return False
    if nxt.is_cap:
        if doc.head_at(j + 1)[0] > j + 1 or doc.event_head_at(j + 1)[0] > j + 1:
            return False
        if doc.gaz.legal_types.match(toks, j + 1)[0] > j + 1:
            return False  # 'Tuyên ngôn X và Tuyên bố Y': two documents
        return doc.name_at(j + 1)[0] == j + 1 and doc.person_at(j + 1) == j + 1
    return not toks[j - 1].is_cap and not doc.stop_at(j + 1)


def _trim(doc: Doc, i: int, j: int) -> int:
    """Drop trailing joiners ('và', 'của', dashes) that a name cannot end with."""
    while j > i and doc.tokens[j - 1].key in _TRIM:
        j -= 1
    return j
