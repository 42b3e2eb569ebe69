"""One document as the event finder reads it: the date governing a phrase, and its hosts."""

from __future__ import annotations

from daphuong.domain.extraction import EntityType, Mention
from daphuong.pipeline.extract.event_index import ANOTHER_TIME, LEADING, SEGMENT_BREAKS, DocIndex
from daphuong.pipeline.extract.event_spans import ahead_at, span_end
from daphuong.pipeline.extract.titles import lexicon
from daphuong.pipeline.extract.tokens import OPEN_QUOTES
from daphuong.text.keys import tone_key

_TIME_WORDS = frozenset({"sáng", "chiều", "tối", "trưa", "hôm", "đêm", "ngày", "vào", "rạng"})
_CLAUSE_BREAKS = frozenset({",", ";", ":", "(", ")"})
# Heads of a unit inside a ministry or body: its parent, named after a comma, is not a host too.
_UNIT_HEADS = ("vụ ", "cục ", "ban ", "văn phòng ", "viện ", "trung tâm ", "phòng ")
_PARENT_HEADS = ("bộ ", "ủy ban nhân dân", "ubnd", "liên hiệp ", "trung ương ", "học viện ")


def _unit(name: str, parent: str) -> bool:
    """'Vụ Hợp tác quốc tế, Bộ Y': a unit followed by the body it belongs to."""
    return tone_key(name).startswith(_UNIT_HEADS) and tone_key(parent).startswith(_PARENT_HEADS)


_ORG_CUTS = frozenset({"thuộc", "tại", "của", "cho", "ở"})
_OWN_DATE_SPAN = 8
_OWN_DATE_WORDS = frozenset({"ngày", "từ", "vào"})
_SCHEDULE_WORDS = frozenset({"dự kiến", "sẽ diễn", "sẽ được", "sẽ khai", "diễn ra"})
_SCHEDULE_CLAUSES = 2  # the schedule's clause, after at most one aside
_ASIDE_WORDS = frozenset({"do", "tại", "với"})  # ', do X đăng cai,', ', tại Y,'
_SHORT_FORM_SPAN = 6
_TAGS = frozenset({"outlet", "domain"})
# 'với sự phối hợp của X và Y', 'với sự đồng tổ chức của X': co-hosts named after the meeting.
_COHOST_PHRASES = (("sự", "phối", "hợp", "của"), ("sự", "đồng", "tổ", "chức", "của"))
_LIST_JOINS = frozenset({",", "và", "cùng", "&"})
_TITLE_GAP = 2
_MODIFIER_GAP = 6  # 'Hội thảo khoa học cấp quốc gia “…”' when the recognizer named the title
_NOT_TITLE_WORDS = frozenset({"về", "với", "cho", "của", "theo", "là", "có", "chủ", "đề"})
_THEME_WINDOW = 8
_PAST_YEARS = frozenset({"qua", "ngoái", "trước"})
_SEQUENCE = frozenset({"trước", "sau", "tiếp"})
_TITLE_REACH = 3  # tokens a title may run before a cue word inside it ('Giám đốc điều hành')
CLOSE_QUOTE_CHARS = frozenset("”’\"'»")


class EventDoc(DocIndex):
    """Token-level views of one document that the event rules ask about."""

    def date_for(self, t_first: int, t_stop: int, first: int) -> Mention | None:
        """The date governing an event word: its schedule ('…, dự kiến diễn ra ngày X'), else the
        nearest date before it, else one later in its clause."""
        stop = self.sentence_bounds(t_first, first)
        clause_end = self.clause_of(max(t_first, t_stop - 1), first)[1]
        scheduled = self.scheduled_for(t_first, t_stop, first)
        if scheduled is not None:
            return scheduled  # its own plan's date beats the day the plan was announced
        after = self._not_ends(self._event_dates(t_stop, min(stop, clause_end)))
        if after and self._own_date(t_stop, after[0][0]):
            return after[0][2]  # 'thăm Nhật Bản từ ngày 27 đến 30/11' after the day it is told
        named = self.day_after_name(t_first, t_stop, first)
        if named is not None:
            return named
        before = self._event_dates(first, t_first)
        if before:  # 'Từ ngày 5/10 đến ngày 8/10, Đoàn … thăm': the span's first day
            return (self._not_ends(before) or before)[-1][2]
        if after:
            return after[0][2]
        later = self._not_ends(self.dates_in(t_stop, stop))  # '… tại Y, Z từ ngày 5 đến 7/9'
        subject = self.main_clause_start(first, t_first) == t_first
        return later[0][2] if later and subject and self._opened(later[0][0]) else None

    def _event_dates(self, first: int, stop: int) -> list[tuple[int, int, Mention]]:
        """Dates that may date an event: not a document's ('Quyết định … ngày 27/2/2025')."""
        return [x for x in self.dates_in(first, stop) if not self.document_date(x[0])]

    def in_title(self, i: int) -> bool:
        """Token i lies inside a title ('điều hành' in 'Giám đốc điều hành' chairs nothing)."""
        titles = lexicon()
        return any(
            (hit := titles.hit_at(self.tokens, k)) is not None and hit.stop > i
            for k in range(max(0, i - _TITLE_REACH), i)
        )

    def _not_ends(self, found: list[tuple[int, int, Mention]]) -> list[tuple[int, int, Mention]]:
        """Dates that do not end a span ('… diễn ra trong 3 ngày, đến hết ngày 12/7'); 'từ ngày
        20 đến 23/10' is a whole range (its first day stands before 'đến')."""
        return [x for x in found if not span_end(self.tokens, x[0])]

    def day_after_name(self, t_first: int, t_stop: int, first: int) -> Mention | None:
        """'tổ chức Diễn đàn Di cư lao động ASEAN lần thứ 15 tại Hà Nội vào ngày 5-6/12': the
        meeting's own day, opened by 'ngày', 'vào ngày', 'từ ngày' soon after its whole name."""
        mention = self.event_mention_at(t_first, t_stop)
        if mention is None:
            return None
        end = self.token_after(mention)
        clause_end = self.clause_of(max(end - 1, t_first), first)[1]
        after = self.dates_in(end, min(self.sentence_bounds(t_first, first), clause_end))
        if not after or self.document_date(after[0][0]):  # 'Chỉ thị số 25-CT/TW ngày 08/8/2018'
            return None
        return after[0][2] if self._own_date(end, after[0][0]) else None

    def _opened(self, date_first: int) -> bool:
        """'từ ngày', 'vào ngày', 'ngày' right before a date: the date of what the clause tells."""
        toks = self.tokens[max(0, date_first - 3) : date_first]
        return any(t.key in _OWN_DATE_WORDS for t in toks)

    def own_range(self, t_first: int, t_stop: int, first: int) -> bool:
        """The event phrase is followed by its own span ('thăm Nhật Bản từ ngày 27 đến 30/11')."""
        stop = self.sentence_bounds(t_first, first)
        clause_end = self.clause_of(max(t_first, t_stop - 1), first)[1]
        after = self.dates_in(t_stop, min(stop, clause_end))
        if not after or not self._own_date(t_stop, after[0][0]):
            return False
        return any(t.key == "từ" for t in self.tokens[max(t_stop, after[0][0] - 3) : after[0][0]])

    def _own_date(self, t_stop: int, date_first: int) -> bool:
        """A date right after an event phrase, opened by 'từ ngày', 'vào ngày', 'ngày'."""
        toks = self.tokens
        if date_first - t_stop > _OWN_DATE_SPAN or date_first == 0:
            return False
        # 'từ ngày 27 đến 30/11': the range's opening words sit before its first day.
        return any(t.key in _OWN_DATE_WORDS for t in toks[max(t_stop, date_first - 3) : date_first])

    def scheduled_for(self, t_first: int, t_stop: int, first: int) -> Mention | None:
        """The date of an event word's own schedule given after it ('…, dự kiến diễn ra …')."""
        mention = self.event_mention_at(t_first, t_stop)
        end = t_stop if mention is None else max(t_stop, self.token_after(mention))
        clause_end = self.clause_of(max(t_first, end - 1), first)[1]
        return self._scheduled_date(clause_end, self.sentence_bounds(t_first, first))

    def _scheduled_date(self, i: int, stop: int) -> Mention | None:
        """'Hội nghị X, dự kiến diễn ra vào ngày 20/6': a plan's date in the clause after, also
        past a short form and an aside ('Đại hội đồng … (AIPA-45), do Lào đăng cai, dự kiến …')."""
        toks = self.tokens
        i = self.past_short_form(i, stop)
        for _ in range(_SCHEDULE_CLAUSES):
            if i >= stop or toks[i].text != ",":
                return None
            j = self._skip_lead(i + 1, stop)
            end = j
            while end < stop and toks[end].text not in _CLAUSE_BREAKS:
                end += 1
            if " ".join(t.key for t in toks[j : j + 2]) in _SCHEDULE_WORDS:
                dates = self.dates_in(j, end)
                return dates[0][2] if dates else None
            if j >= stop or toks[j].key not in _ASIDE_WORDS:
                return None
            i = end
        return None

    def past_short_form(self, i: int, stop: int) -> int:
        """Past a bracketed short form at token i ('(AIPA-45)', '(SOM)'), else i."""
        toks = self.tokens
        if i >= stop or toks[i].text != "(":
            return i
        for k in range(i + 1, min(stop, i + _SHORT_FORM_SPAN)):
            if toks[k].text == ")":
                return k + 1
            if not (toks[k].is_word or toks[k].is_digit or toks[k].text in "-–/"):
                return i
        return i

    def after_name(self, t_first: int, t_stop: int, stop: int) -> int:
        """Token after an event word and the EVENT mention it heads (its closing quote too)."""
        mention = self.event_mention_at(t_first, t_stop)
        end = t_stop if mention is None else max(t_stop, self.token_after(mention))
        toks = self.tokens
        for k in range(end, min(stop, end + _MODIFIER_GAP + 1)):  # 'Hội thảo quốc tế “…”'
            if toks[k].text in OPEN_QUOTES:
                end = next((j for j in range(k + 1, stop) if toks[j].text in CLOSE_QUOTE_CHARS), k)
                break
            if not toks[k].is_word or toks[k].is_cap:
                break
        while end < stop and toks[end].text in CLOSE_QUOTE_CHARS:
            end += 1
        return end

    def year_lead(self, first: int) -> bool:
        """The sentence opens with a bare year ('Năm 2023,', 'Trong năm qua,', 'Năm ngoái,')."""
        toks = self.tokens
        i = self._skip_lead(first, self.sentence_bounds(first, first))
        i += 1 if i < len(toks) and toks[i].key == "trong" else 0
        if i + 2 >= len(toks) or toks[i].key != "năm" or toks[i + 2].text != ",":
            return False
        after = toks[i + 1]
        return (after.is_digit and len(after.text) == 4) or after.key in _PAST_YEARS

    def same_day(self, first: int) -> bool:
        """'Cùng ngày, …', 'Trước đó, chiều cùng ngày, …': dated by the event told before it."""
        main = self.main_clause_start(first, self.sentence_bounds(first, first))
        return any(self._same_day_at(i) for i in range(first, main))

    def also_that_day(self, first: int) -> bool:
        """'Cũng trong ngày 19/3, …', 'Cũng sáng 5/6, …': an opening that adds another event."""
        stop = self.sentence_bounds(first, first)
        i = self._skip_lead(first, stop)
        if i >= stop or self.tokens[i].key != "cũng":
            return False
        main = self.main_clause_start(first, stop)
        return bool(self.dates_in(i, main)) or any(t.key == "ngày" for t in self.tokens[i:main])

    def later_that_day(self, first: int) -> bool:
        """'Cùng ngày, …', 'Buổi tối, …': the sentence tells another moment of the day just told
        (not 'Dịp này, …', which goes on telling the same occasion)."""
        main = self.main_clause_start(first, self.sentence_bounds(first, first))
        return any(self._same_day_at(i, ANOTHER_TIME) for i in range(first, main))

    def ahead(self, i: int) -> bool:
        """The date just before token i is still to come ('ngày 15/3 tới')."""
        return ahead_at(self.tokens, i)

    def date_initial(self, first: int) -> bool:
        """The sentence opens with its date ('Sáng 8/9,', 'Ngày 23-11,', 'Hôm 11/10,')."""
        stop = self.sentence_bounds(first, first)
        i = self._skip_lead(first, stop)
        i += 1 if i < stop and self.tokens[i].key == "ngay" else 0
        # 'Trước đó, chiều 5/7, …', 'Sau đó, ngày 6/7, …': a step of the story, then its date
        if i + 2 < stop and self.tokens[i].key in _SEQUENCE and self.tokens[i + 1].key == "đó":
            i += 3 if self.tokens[i + 2].text == "," else 2
        while i < stop and self.tokens[i].key in _TIME_WORDS:
            i += 1
        if i + 2 < stop and self.tokens[i].key in ("nay", "qua"):  # 'Sáng nay (14/5),'
            i += 3 if self.tokens[i + 2].key == "ngày" else 2
        return bool(self.dates_in(i, i + 1))

    def orgs_in(self, first: int, stop: int, *, subject: bool) -> list[str]:
        """Outermost ORG mentions in tokens[first:stop] outside brackets; with `subject`, only
        those of comma-segments that open with a name (not 'tại trụ sở X', 'thuộc Y')."""
        out: list[str] = []
        seg = first
        while seg < stop:
            end = seg
            while end < stop and self.tokens[end].text not in SEGMENT_BREAKS:
                end += 1
            before = len(out)
            self._segment_orgs(seg, end, out, subject=subject)
            if subject and before == 1 < len(out) and _unit(out[0], out[1]):
                del out[1]  # 'Vụ Hợp tác quốc tế, Bộ Y đã phối hợp …': the unit's ministry
            seg = end + 1
        return out

    def _segment_orgs(self, first: int, stop: int, out: list[str], *, subject: bool) -> None:
        j = self._skip_lead(first, stop)
        if subject and j < stop and self.tokens[j].key in LEADING:
            return
        covered, cut = 0, False
        for f, s, m in self._of_type(EntityType.ORG, j, stop):
            if f in self._inside or self._depth[f] or s <= covered or self._tag(f, s, m):
                continue
            # 'tại trụ sở X', 'thuộc Y': words between names, not inside them, end the subject.
            cut = cut or any(t.key in _ORG_CUTS for t in self.tokens[max(j, covered) : f])
            covered = max(covered, s)
            if subject and cut:
                continue
            if m.text not in out:
                out.append(m.text)

    def _tag(self, f: int, s: int, m: Mention) -> bool:
        """An outlet's tag opening the line ('NDO - Ngày …', 'TTXVN - …') hosts nothing."""
        toks = self.tokens
        opening = toks[f].newline_before and s < len(toks) and toks[s].text in "-–—."
        return m.source in _TAGS or opening

    def cohosts(self, i: int, stop: int) -> list[str]:
        """Bodies listed after 'với sự phối hợp của' in tokens[i:stop] (co-hosts of a meeting
        named before it: '… tổ chức Hội thảo X với sự phối hợp của Quỹ Y và Viện Z')."""
        toks = self.tokens
        for k in range(i, stop):
            if toks[k].key != "sự":
                continue
            for phrase in _COHOST_PHRASES:
                if tuple(t.key for t in toks[k : min(stop, k + len(phrase))]) == phrase:
                    return self._listed_orgs(k + len(phrase), stop)
        return []

    def _listed_orgs(self, i: int, stop: int) -> list[str]:
        """ORG mentions from token i joined only by commas, 'và', 'cùng' or a short form."""
        out: list[str] = []
        for f, s, m in self._of_type(EntityType.ORG, i, stop):
            if f < i or f in self._inside or self._depth[f]:
                continue
            if f != i and any(t.text not in _LIST_JOINS for t in self.tokens[i:f]):
                break
            if m.text not in out:
                out.append(m.text)
            i = s
            if i + 2 < stop and self.tokens[i].text == "(" and self.tokens[i + 2].text == ")":
                i += 3  # 'Quỹ Konrad Adenauer (KAS) và …'
        return out

    def title_after(self, i: int, stop: int) -> str:
        """The quoted title of an unnamed meeting noun ending at token i: right after a word or
        two ('triển lãm ảnh “…”'), after more modifiers when the recognizer named it, or the
        quoted theme after 'chủ đề'; else ''."""
        toks = self.tokens
        for k in range(i, min(stop, i + _MODIFIER_GAP + 1)):
            quoted = self.quoted_after(k, stop)
            if quoted and (k - i <= _TITLE_GAP or self.event_mentions(k + 1, k + 2)):
                return quoted
            if not toks[k].is_word or toks[k].is_cap or toks[k].key in _NOT_TITLE_WORDS:
                break
        for k in range(i, min(stop, i + _THEME_WINDOW)):
            if toks[k].key == "đề" and toks[k - 1].key == "chủ":
                return self.quoted_after(k + 1, stop)
        return ""
