"""Named meetings: quoted titles after a meeting word, capitalised meeting names, editions."""

from __future__ import annotations

from daphuong.domain.extraction import EntityType
from daphuong.pipeline.extract.event_editions import edition, forum_edition, is_year, year_after
from daphuong.pipeline.extract.event_topics import (
    anniversary_end,
    edition_end,
    spreads_document,
    topic_end,
)
from daphuong.pipeline.extract.extend import Extent, extend
from daphuong.pipeline.extract.scan import Candidate, Doc
from daphuong.pipeline.extract.tokens import CLOSE_QUOTES, OPEN_QUOTES

EVENT = EntityType.EVENT
LEGAL = EntityType.LEGAL_DOC
ORG = EntityType.ORG
_EVENT_RULE = Extent(event=True)
_QUOTE_SPAN = 80
_THEME_LOOKBACK = 7
_MODIFIER_SPAN = 12
_LOWER_RUN = 8
# Words that may sit between a head and its title: 'lần thứ 2', 'cấp Bộ trưởng', 'mở'.
# 'với chủ đề' is not one: a theme names only a meeting with no other name (_theme_of_unnamed).
_MODIFIER_WORDS = frozenset({"lần", "thứ", "cấp", "năm", "mở", "về"})
_HOLDING = frozenset({"tổ chức", "phát động"})
_VENUES = frozenset({("trung", "tâm")})
_PROGRAMME_WORDS = 4  # 'chương trình giao lưu văn nghệ “…”': words between it and the title


def find(doc: Doc) -> list[Candidate]:
    """Every meeting-name candidate (and legal documents quoted after a signing)."""
    out: list[Candidate] = []
    toks = doc.tokens
    for i, tok in enumerate(toks):
        if tok.text in OPEN_QUOTES:
            out.extend(_quoted(doc, i))
        elif tok.is_cap:
            out.extend(_headed(doc, i))
            out.extend(edition(doc, i))
            out.extend(forum_edition(doc, i))
        elif tok.key == "chương" and i + 2 < len(toks) and toks[i + 1].key == "trình":
            out.extend(_programme(doc, i + 2))
    return out


def quote_end(doc: Doc, i: int) -> int:
    """Index of the quote closing the one opened at token i on the same line, else i."""
    toks = doc.tokens
    closer = CLOSE_QUOTES.get(toks[i].text, toks[i].text)
    for k in range(i + 1, min(len(toks), i + _QUOTE_SPAN)):
        if toks[k].newline_before:
            return i
        if toks[k].text == closer or (toks[k].text in "”’\"'" and closer in "”’\"'"):
            glued = k + 1 < len(toks) and not toks[k + 1].space_before and toks[k + 1].is_word
            if closer in "'’" and glued:
                continue  # an apostrophe inside a word
            return k
    return i


def _quoted(doc: Doc, i: int) -> list[Candidate]:
    close = quote_end(doc, i)
    if close <= i + 1:
        return []
    out: list[Candidate] = []
    inner = doc.cand(EVENT, i + 1, close, "quoted", 0.85)
    head = _head_before(doc, i)
    if head is not None and doc.tokens[head].key == "lễ":
        out.append(doc.cand(EVENT, head, close + 1, "quoted", 0.8))
        if doc.gaz.legal_types.match(doc.tokens, i + 1)[0] > i + 1:
            out.append(Candidate(LEGAL, inner.start, inner.end, "quoted", 0.8))
        return out
    if head is not None or _theme_of_unnamed(doc, i) or _held_programme(doc, i):
        out.append(inner)
    return out


def _held_programme(doc: Doc, i: int) -> bool:
    """'tổ chức chương trình “Thanh niên vì di sản”', 'tổ chức chương trình giao lưu văn nghệ
    “…”': a programme held is named by its title ('triển khai chương trình “…”' is a policy)."""
    toks = doc.tokens
    for k in range(i - 2, max(-1, i - 3 - _PROGRAMME_WORDS), -1):
        if toks[k].key == "chương" and toks[k + 1].key == "trình":
            keys = [t.key for t in toks[max(0, k - 2) : k]]
            return " ".join(keys) in _HOLDING
        if not toks[k + 1].is_word or toks[k + 1].is_cap:
            return False
    return False


def _head_before(doc: Doc, i: int) -> int | None:
    """Start of the nearest meeting head before token i with only modifiers between them
    ('Hội thảo “…”', 'Hội thảo khoa học quốc tế lần thứ 2 “…”', 'hội thảo “…”')."""
    toks = doc.tokens
    for k in range(i - 1, max(-1, i - _MODIFIER_SPAN), -1):
        end = doc.gaz.event_heads.match(toks, k, strict_case=False)[0]
        if end > k and all(_modifier(doc, m) for m in range(end, i)):
            return k
        if toks[k].newline_before or not toks[k].is_word:
            return None
    return None


def _modifier(doc: Doc, m: int) -> bool:
    """A word that may stand between a meeting head and its quoted title."""
    tok = doc.tokens[m]
    if tok.is_digit or tok.key in _MODIFIER_WORDS:
        return True
    return tok.is_word and doc.lower_like(m) and not doc.stop_at(m)


def _theme_of_unnamed(doc: Doc, i: int) -> bool:
    """'Phiên thứ nhất với chủ đề “…”': a theme names a meeting that has no other name."""
    toks = doc.tokens
    if i < 2 or toks[i - 1].key != "đề" or toks[i - 2].key != "chủ":
        return False
    for k in range(i - 3, max(-1, i - 3 - _THEME_LOOKBACK), -1):
        end = doc.gaz.event_heads.match(toks, k, strict_case=False)[0]
        if toks[k].key == "sự" and k + 1 < i and toks[k + 1].key == "kiện":
            end = k + 2  # 'sự kiện bên lề với chủ đề “…”'
        if end > k:
            return all(not t.is_cap and not t.is_digit for t in toks[end : i - 2])
        if not toks[k].is_word:
            return False
    return False


def _headed(doc: Doc, i: int) -> list[Candidate]:
    """'Hội nghị Ngoại giao lần thứ 31', 'Đại hội XIII của Đảng', 'Hội chợ triển lãm …'."""
    head_end, kind = doc.event_head_at(i)
    toks = doc.tokens
    if head_end <= i or head_end >= len(toks) or doc.head_at(i)[0] >= head_end:
        return []  # 'Diễn đàn X' is a body; 'Đại hội đồng' too
    # 'các Hội nghị quốc tế': not one named meeting; 'Trung tâm Hội nghị Quốc gia': a building
    plural = i > 0 and toks[i - 1].key in ("các", "những", "nhiều")
    if plural or (i > 1 and (toks[i - 2].key, toks[i - 1].key) in _VENUES):
        return []
    nxt = toks[head_end]
    if nxt.newline_before or not nxt.is_word:
        return []
    opens = nxt.is_cap or nxt.is_digit or doc.gaz.name_words.match(toks, head_end)[0] > head_end
    topic = topic_end(doc, i, head_end, head_end)  # 'Hội thảo về thúc đẩy …'
    named = _numbered_ahead(doc, head_end) or (opens and not doc.stop_at(head_end))
    if topic == head_end and not named:
        return _ordinal_only(doc, i, head_end)
    end = max(_untimed(doc, head_end, extend(doc, head_end, _EVENT_RULE)), topic)
    end = _next_tasks(doc, max(end, _closure(doc, head_end)))
    end = max(topic_end(doc, i, head_end, end), anniversary_end(doc, head_end))
    end = max(end, anniversary_end(doc, end)) if end > head_end else end
    end = max(end, edition_end(doc, head_end)) if end > head_end else end
    end = _parties(doc, end) if end > head_end else end
    if kind == "khác" and end + 1 < len(toks) and toks[end].key == "tại":
        place_end, label = doc.name_at(end + 1)
        end = year_after(doc, place_end) if label == "LOC" else end  # '… tại Osaka (năm 2024)'
    quoted = end < len(toks) and toks[end].text in OPEN_QUOTES and _head_before(doc, end) == i
    if quoted or end <= head_end:
        return []  # 'Hội thảo quốc tế “…”': the quoted title is the name, not the head's words
    cand = doc.cand(EVENT, i, end, "pattern", 0.8)
    cand.spreads = spreads_document(doc, head_end)
    return [cand]


# Words that show a clause going on after a meeting's head ('Hội nghị … được tổ chức năm 2025').
_CLAUSE_WORDS = frozenset(
    {"diễn", "được", "đã", "sẽ", "đang", "là", "có", "do", "tại", "với", "cho", "khi", "nhằm"}
    | {"để", "vào", "từ", "trong", "này", "thu", "nhận", "bắt", "kết", "tới", "đến"}
)
_MAX_DESCRIBED = 16


# Time words that end a name ('Hội nghị Cấp cao G20 hồi tháng 9'): an adverbial follows.
_TIME_AFTER_NAME = frozenset({"hồi", "hôm", "dịp", "lúc", "vào", "ngày", "tháng"})
# '… năm 2023, triển khai nhiệm vụ năm 2024': a review meeting's name goes on to the next year.
_NEXT_TASKS = frozenset({"triển khai", "phương hướng", "định hướng", "đề ra", "kế hoạch"})


def _parties(doc: Doc, end: int) -> int:
    """'Hội thảo lý luận lần thứ 12 giữa Đảng A và Đảng B': a numbered meeting's name goes on
    to the two capitalised parties it is held between ('giữa các tỉnh …' is a description)."""
    toks = doc.tokens
    numbered = end >= 3 and toks[end - 3].key == "lần" and toks[end - 2].key == "thứ"
    if not numbered or end + 1 >= len(toks) or toks[end].key != "giữa":
        return end
    if not toks[end + 1].is_cap or toks[end + 1].newline_before:
        return end
    first = extend(doc, end + 1, Extent())
    if first + 1 >= len(toks) or toks[first].key != "và" or not toks[first + 1].is_cap:
        return end
    return extend(doc, first + 1, Extent())


def _untimed(doc: Doc, k: int, end: int) -> int:
    """A name's end short of the time words trailing it, not before k."""
    while end > k and doc.tokens[end - 1].key in _TIME_AFTER_NAME and doc.lower_like(end - 1):
        end -= 1
    return end


def _ordinal_only(doc: Doc, i: int, head_end: int) -> list[Candidate]:
    """'Phiên họp thứ 30', 'Kỳ họp thứ 7': a session named by its number alone."""
    toks = doc.tokens
    if head_end + 1 >= len(toks) or toks[head_end].key != "thứ":
        return []
    number = toks[head_end + 1]
    if not number.is_digit or number.newline_before:
        return []
    return [doc.cand(EVENT, i, head_end + 2, "pattern", 0.75)]


def _next_tasks(doc: Doc, end: int) -> int:
    """A review's name closed by its year goes on to the next year's tasks ('… công tác năm
    2023, triển khai nhiệm vụ năm 2024'), else end."""
    toks = doc.tokens
    if end < 2 or end + 2 >= len(toks) or toks[end - 2].key != "năm" or toks[end].text != ",":
        return end
    if f"{toks[end + 1].key} {toks[end + 2].key}" not in _NEXT_TASKS:
        return end
    nxt = _closure(doc, end + 1)
    return nxt if nxt > end + 1 and toks[nxt - 2].key == "năm" else end


def _closure(doc: Doc, k: int) -> int:
    """'Hội nghị xúc tiến vận động viện trợ … năm 2025', '… tỉnh Quảng Trị': lower-case words
    after a head run to the year or the province that closes the meeting's name."""
    toks = doc.tokens
    for m in range(k, min(len(toks) - 1, k + _MAX_DESCRIBED)):
        tok = toks[m]
        if tok.newline_before or not tok.is_word or not doc.lower_like(m):
            return k
        if tok.key in _CLAUSE_WORDS:
            return k
        if m > k + 1 and tok.key == "năm" and is_year(toks[m + 1].text):
            return m + 2
        if m > k + 1 and tok.key == "lần" and toks[m + 1].key == "thứ" and m + 2 < len(toks):
            return m + 3  # 'Hội nghị thường niên các nhà tiên phong lần thứ 15'
        if m > k + 1 and tok.key in ("tỉnh", "thành"):
            place = m + 2 if tok.key == "thành" and toks[m + 1].key == "phố" else m + 1
            end, label = doc.name_at(place) if place < len(toks) else (place, "")
            return end if label == "LOC" else k
    return k


def _numbered_ahead(doc: Doc, k: int) -> bool:
    """Lower-case words then 'lần thứ N', 'năm 2023' or a capitalised name: a meeting's name
    ('Khóa họp thường kỳ lần thứ 54', 'Khóa đào tạo về ngoại giao đa phương năm 2023')."""
    toks = doc.tokens
    m = k
    while m < min(len(toks) - 1, k + _LOWER_RUN):
        if doc.continuation_at(m) > m:  # 'Hội nghị Thượng đỉnh các nhà lãnh đạo G20'
            m = doc.continuation_at(m)
            continue
        tok, after = toks[m], toks[m + 1]
        if (tok.key == "lần" and after.key == "thứ") or (tok.key == "năm" and is_year(after.text)):
            return True
        if m > k and not tok.newline_before and tok.is_cap and tok.is_word:
            return True
        if not tok.is_word or tok.newline_before or not doc.lower_like(m):
            return False
        if tok.key != "về" and doc.stop_at(m):
            return False
        m += 1
    return False


def _programme(doc: Doc, i: int) -> list[Candidate]:
    """'chương trình Xuân quê hương 2021': a named programme edition (ends with its year)."""
    toks = doc.tokens
    if i >= len(toks) or not toks[i].is_cap:
        return []
    end = extend(doc, i + 1)
    if end < len(toks) and is_year(toks[end].text):
        return [doc.cand(EVENT, i, end + 1, "pattern", 0.7)]
    return []
