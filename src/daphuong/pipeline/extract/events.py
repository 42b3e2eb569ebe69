"""Events: meetings, visits and activities the text reports, one entry per event."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from daphuong.domain.document import Segment
from daphuong.domain.extraction import EntityType, ExtractedEvent, Mention
from daphuong.pipeline.extract.event_dates import document_years, recent_events
from daphuong.pipeline.extract.event_doc import EventDoc
from daphuong.pipeline.extract.event_merge import EventBook
from daphuong.pipeline.extract.event_words import (
    CLASSIFIER,
    GENERIC,
    NOUN,
    VERB,
    Cue,
    Trigger,
    cue_before,
    cue_ends_at,
    cue_within,
    event_lexicon,
    in_span,
    noun_use,
    reporting_cues,
)
from daphuong.pipeline.extract.tokens import OPEN_QUOTES, Token

NAMED = "named"  # an EVENT mention with no event word at its start ('Xuân quê hương 2021')
_CUE_GAP = 3
_OBJECT_COUNT = 3  # tokens after a verb where a counted group makes it a summary
_OWN_DATE_GAP = 4  # 'phiên thảo luận chung ngày 12/9': a meeting word with its own date
_ASSEMBLY = ["đại", "hội", "đồng"]


class EventFinder:
    """Reads one document sentence by sentence and books the events it reports."""

    def __init__(self, doc: EventDoc, published: dt.date | None) -> None:
        """Prepare the lexicon and the document's year evidence."""
        self.doc = doc
        self.lex = event_lexicon()
        self.book = EventBook(doc, published, document_years(doc.plain_text()))

    def find(self) -> list[ExtractedEvent]:
        """Every event of the document, repeated reports merged."""
        for first, stop in self.doc.sentences:
            if self.doc.is_excluded(first, stop):
                continue
            self._sentence(first, stop)
        return self.book.finish()

    def _sentence(self, first: int, stop: int) -> None:
        doc = self.doc
        headline = doc.is_headline(first)
        found = self.lex.cues_in(doc.tokens, first, stop)
        cues = [c for c in found if not doc.in_name(c.first) and not doc.in_title(c.first)]
        cues = [c for c in cues if not doc.names_org_after(c) and not noun_use(cues, c)]
        cues = reporting_cues(doc.tokens, cues, first, stop)
        triggers = self._triggers(first, stop)
        created: list[Trigger] = []
        referenced = False
        for n, trig in enumerate(triggers):
            verdict = self._classify(trig, n, first, cues, created, referenced=referenced)
            if verdict == "create":
                # a second meeting verb with its own object is another meeting, even that day
                distinct = trig.form == VERB and bool(created)
                self.book.create(trig, first, stop, cues, headline=headline, distinct=distinct)
                created.append(trig)
            elif verdict == "frame":
                self.book.frame(trig, first)
            elif verdict == "framing event":  # booked, and it frames what the sentence tells
                self.book.create(trig, first, stop, cues, headline=headline)
                self.book.frame(trig, first)
            elif verdict == "ref":
                self.book.reference(trig, first, stop)
                # 'Trong chuyến thăm, X đã hội đàm …': an opening adverbial's reference frames
                referenced = referenced or trig.first >= doc.main_clause_start(first, stop)
        if not triggers and not headline and self._dated_report(first, stop, cues):
            self.book.create(
                Trigger(first, first, "khác", NAMED), first, stop, cues, headline=False
            )
        self.book.chairs(first, stop, cues)

    def _triggers(self, first: int, stop: int) -> list[Trigger]:
        doc = self.doc
        found = [
            t
            for t in self.lex.triggers(doc.tokens, first, stop)
            if not doc.in_name(t.first)
            and not doc.starts_org(t.first)
            and not doc.in_quotes(t.first)
        ]
        near = {i for t in found for i in range(t.first, t.stop + 2)}
        for m_first, m_stop in doc.event_mentions(first, stop):
            if m_first not in near and not doc.in_name(m_first):
                found.append(Trigger(m_first, m_stop, self._named_kind(m_first, m_stop), NAMED))
        found.sort(key=lambda t: t.first)
        # 'lễ khai mạc Hội chợ …': the fair is what the ceremony opens, one event not two.
        return [
            t
            for n, t in enumerate(found)
            if not (n and found[n - 1].kind == "lễ" and 0 <= t.first - found[n - 1].stop <= 1)
        ]

    def _named_kind(self, m_first: int, m_stop: int) -> str:
        """The kind a named meeting's own head word gives ('Diễn đàn … 2023' → 'diễn đàn')."""
        toks = self.doc.tokens
        for trig in self.lex.triggers(toks, m_first, m_stop):
            if trig.first == m_first and trig.form == NOUN:
                return trig.kind
        # 'Đại hội đồng IPU lần thứ 148': a named session of an assembly has its head word's kind
        if m_first + 2 < m_stop and [t.key for t in toks[m_first : m_first + 3]] == _ASSEMBLY:
            return "đại hội"
        return "khác"

    def _classify(
        self,
        trig: Trigger,
        n: int,
        first: int,
        cues: list[Cue],
        created: list[Trigger],
        *,
        referenced: bool,
    ) -> str:
        dated = self.doc.date_for(trig.first, trig.stop, first) is not None
        dated = dated or self.doc.same_day(first)
        if self._blocked(trig, first, cues, dated=dated):
            return self._passing(trig, first, cues, referenced=referenced)
        if trig.form == GENERIC:
            return "ref"
        if trig.form == CLASSIFIER:
            return "create" if dated else "skip"
        if trig.form == VERB:
            return self._verb(trig, first, cues, created, referenced=referenced)
        opener = self._cue_before(trig, cues)
        # 'Trong khuôn khổ Hội nghị, lễ ký kết … đã diễn ra': the event word is the subject.
        subject = self.doc.main_clause_start(first, trig.stop) == trig.first
        clause = self.doc.clause_of(trig.first, first)
        cue_after = self._cue_after(trig, cues, clause, dated=dated or subject)
        # 'Đại hội đồng … (AIPA-45), do Lào đăng cai, dự kiến diễn ra … từ ngày 20 đến 25/10'
        scheduled = self.doc.scheduled_for(trig.first, trig.stop, first) is not None
        if trig.form == NAMED:  # '(ngày X) Diễn đàn … 2023 đã diễn ra': dated and reported after
            named = (opener and "chair" not in opener.kinds) or (dated and cue_after) or scheduled
            return "create" if named else "skip"
        initial = dated and n == 0 and self.doc.date_initial(first)
        own_date = bool(self.doc.dates_in(trig.stop, trig.stop + _OWN_DATE_GAP))
        own_date = own_date or self.doc.day_after_name(trig.first, trig.stop, first) is not None
        # '…, nhân chuyến thăm và làm việc tại Nghệ An từ ngày 16-18/6': a visit with its span
        own_date = own_date or (
            trig.kind == "chuyến thăm" and self.doc.own_range(trig.first, trig.stop, first)
        )
        return "create" if opener or cue_after or initial or own_date or scheduled else "ref"

    def _passing(self, trig: Trigger, first: int, cues: list[Cue], *, referenced: bool) -> str:
        """A blocked event word named in passing frames the sentence ('Trong khuôn khổ Hội nghị,
        …'); with its own span it took place as well ('Trong khuôn khổ chuyến thăm … từ ngày 27
        đến 30/11, …', '… nằm trong khuôn khổ Tuần lễ X diễn ra từ ngày 1 đến 7/10')."""
        if not cue_ends_at(cues, trig.first, "passing"):
            return "skip"
        if trig.form != GENERIC and self.doc.own_range(trig.first, trig.stop, first):
            return "framing event"
        return "frame" if trig.form in (NOUN, GENERIC, VERB) and not referenced else "skip"

    def _blocked(self, trig: Trigger, first: int, cues: list[Cue], *, dated: bool) -> bool:
        """Generic ('các hội nghị'), in passing ('tiến tới Hội nghị…'), planned or habitual."""
        doc = self.doc
        if cue_ends_at(cues, trig.first, "plural") or doc.number_before(trig.first):
            return True
        if cue_ends_at(cues, trig.first, "passing"):
            return True
        clause = doc.clause_of(trig.first, first)
        future = cue_before(cues, trig.first, first, "future") or cue_within(cues, clause, "future")
        # 'Hằng năm, hai nước tổ chức …': a habitual adverbial set off by a comma governs the
        # sentence; inside the clause it only blocks an undated report ('Sáng 5/3, … hội nghị
        # giao ban định kỳ' is one meeting)
        toks = doc.tokens
        lead = any(
            "habitual" in c.kinds
            and first <= c.first
            and c.stop < trig.first
            and toks[c.stop].text == ","
            for c in cues
        )
        habitual = lead or (cue_within(cues, clause, "habitual") and not dated)
        # 'Cùng ngày, … chuẩn bị Hội nghị … dự kiến diễn ra cuối năm': that day is the talk's
        # ('khai giảng khóa đào tạo cho … chuẩn bị lên đường' is still reported that day)
        planned = (
            future
            and trig.form == NOUN
            and self._cue_before(trig, cues) is None
            and doc.date_for(trig.first, trig.stop, first) is None
        )
        # 'Năm 2023, Hội đã tổ chức …': a year's summary, not a report (unless a day is given)
        return habitual or ((future or doc.year_lead(first)) and not dated) or planned

    def _cue_before(self, trig: Trigger, cues: list[Cue]) -> Cue | None:
        toks = self.doc.tokens
        for cue in reversed(cues):
            if "create" in cue.kinds and trig.first - _CUE_GAP <= cue.stop <= trig.first:
                gap = toks[cue.stop : trig.first]  # 'tổ chức chương trình “…”': a quoted name
                if all(t.is_word or t.text in OPEN_QUOTES for t in gap):
                    return cue
        return None

    def _cue_after(
        self, trig: Trigger, cues: list[Cue], clause: tuple[int, int], *, dated: bool
    ) -> bool:
        """'Hội nghị được tổ chức…', 'Phiên họp do X chủ trì', 'Lễ … diễn ra vào ngày…';
        a dated or subject event word takes a cue anywhere later in its clause."""
        doc = self.doc
        mention = doc.event_mention_at(trig.first, trig.stop)
        end = trig.stop
        if mention is not None:
            end = max(end, doc.token_after(mention))
            # a name it heads with a comma inside ('Kỳ họp … về hợp tác kinh tế, thương mại …')
            # ends its clause
            if trig.form == NOUN and "," in mention.text:
                clause = (clause[0], max(clause[1], doc.clause_of(end - 1, clause[0])[1]))
        toks = doc.tokens
        by_do = dated or (end < clause[1] and toks[end].key == "do")
        for cue in in_span(cues, clause):
            if (
                "create" in cue.kinds
                and cue.first >= end
                and (by_do or cue.first - end <= _CUE_GAP)
            ):
                return True
        return False

    def _verb(
        self,
        trig: Trigger,
        first: int,
        cues: list[Cue],
        created: list[Trigger],
        *,
        referenced: bool,
    ) -> str:
        doc = self.doc
        if created or referenced:  # a second verb of the same report, or inside a reported event
            return "create" if self._second_report(trig, first, created) else "skip"
        main = doc.main_clause_start(first, trig.first)
        if any("subordinate" in c.kinds and main <= c.first < trig.first for c in cues):
            return "skip"
        # '12 đoàn khách đến thăm', 'các đoàn … làm việc', undated 'đón tiếp hơn 100 đoàn':
        # a summary ('Chiều 5/3, X tiếp 2 đoàn' is still one dated meeting)
        dated = doc.date_for(trig.first, trig.stop, first) is not None
        if doc.counted_groups(main, trig.first if dated else trig.stop + _OBJECT_COUNT, cues):
            return "skip"
        return "create" if doc.has_subject(main, trig.first) else "skip"

    def _second_report(self, trig: Trigger, first: int, created: list[Trigger]) -> bool:
        """'…, đang thăm Việt Nam từ ngày 4 đến 8/3': a visit with its own dates is an event of
        its own; so is 'thăm X và làm việc với Y' or 'gặp X và hội đàm với Y', a meeting with its
        own object after a visit or a meeting ('thăm và làm việc với Y' is one visit)."""
        doc = self.doc
        if trig.kind == "chuyến thăm":
            return doc.own_range(trig.first, trig.stop, first)
        toks = doc.tokens
        after = bool(created) and created[-1].kind in ("chuyến thăm", "cuộc gặp")
        joined = trig.first > created[-1].stop + 1 if created else False
        # 'hội đàm với A, hội kiến B': a list of meetings; 'tiếp bà A, …, đến chào' is one
        listed = toks[trig.first - 1].key == "," and toks[trig.first].key != "đến"
        listed = listed or toks[trig.first - 1].key == "và"
        # '… chủ trì lễ đón; sau đó hai nhà lãnh đạo hội đàm': a new clause tells the next step
        then = joined and any(
            t.text == ";" or (t.key == "đó" and k and toks[k - 1].key == "sau")
            for k, t in enumerate(toks[created[-1].stop : trig.first], created[-1].stop)
        )
        return trig.kind == "cuộc gặp" and ((after and joined and listed) or then)

    def _dated_report(self, first: int, stop: int, cues: list[Cue]) -> bool:
        """A sentence opening with its date reports an activity ('Hôm 11/10, X đã bỏ phiếu'), and
        so does one opening with the day just told ('Cùng ngày, đoàn khảo sát …', 'Buổi tối, …')."""
        doc = self.doc
        opened = doc.date_initial(first) or doc.later_that_day(first)
        if not opened or any("no_event" in c.kinds for c in cues):
            return False
        if cue_before(cues, stop, first, "future"):
            return False
        main = doc.main_clause_start(first, stop)
        return doc.has_subject(main, stop)


def find_events(
    text: str,
    tokens: list[Token],
    mentions: Sequence[Mention],
    *,
    published: dt.date | None = None,
    clutter: Sequence[Segment] = (),
) -> list[ExtractedEvent]:
    """Events a document reports, given its tokens, mentions, date line and clutter."""
    if not any(m.type is EntityType.DATE for m in mentions) and not tokens:
        return []
    found = EventFinder(EventDoc(text, tokens, mentions, clutter), published).find()
    return recent_events(found, mentions, published)


__all__ = ["NAMED", "NOUN", "EventFinder", "find_events"]
