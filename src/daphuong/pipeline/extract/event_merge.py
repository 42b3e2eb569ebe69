"""The event book: builds events from reporting sentences and merges repeated reports."""

from __future__ import annotations

import bisect
import datetime as dt

from daphuong.domain.extraction import ExtractedEvent, Mention, Span
from daphuong.pipeline.extract.event_chairs import chair_names, chaired_event
from daphuong.pipeline.extract.event_dates import (
    format_date,
    news_year,
    parse_day_month,
    range_start,
    resolve_year,
    sentence_years,
    single_day,
)
from daphuong.pipeline.extract.event_doc import EventDoc
from daphuong.pipeline.extract.event_record import EventDraft, extend_unique, rite, same_name
from daphuong.pipeline.extract.event_words import NOUN, VERB, Cue, Trigger

_NAMED = "named"
_ANCHOR_SPAN = 600  # tokens before a sentence where a full date may anchor its year
_DATE_LINE = 16  # tokens: a line this short holding a date is a date line, not a report
_ANCHOR_MONTHS = 1
_HISTORY_GAP = 5  # years before the date line: a full date that old is history
_CONFIDENCE = {NOUN: 0.85, _NAMED: 0.75, VERB: 0.7, "classifier": 0.6}
_PLAN_NOUNS = frozenset({"kế hoạch", "đề án", "đề xuất", "dự án"})


class EventBook:
    """Events of one document in reading order, with their merges."""

    def __init__(self, doc: EventDoc, published: dt.date | None, years: list[int]) -> None:
        """Start an empty book for a document."""
        self.doc, self.published, self.doc_years = doc, published, years
        self.events: list[EventDraft] = []
        self.headline: list[EventDraft] = []
        self._sentence: list[tuple[int, EventDraft]] = []
        self._sentence_first = -1
        self._told_on = ""  # the date of the last sentence that opens with its date
        self._frames: dict[int, str] = {}  # sentence start → date of the event framing it
        self._news_year: int | None = None  # the date line's year, else the latest one written

    def _targets(self, first: int) -> list[tuple[int, EventDraft]]:
        if first != self._sentence_first:
            self._sentence_first, self._sentence = first, []
        return self._sentence

    def create(
        self,
        trig: Trigger,
        first: int,
        stop: int,
        cues: list[Cue],
        *,
        headline: bool,
        distinct: bool = False,
    ) -> None:
        """Book an event the sentence reports as taking place."""
        ev = EventDraft(trig.kind, trig.form, confidence=_CONFIDENCE.get(trig.form, 0.5))
        ev.rite = rite(self.doc.tokens, trig.first) if trig.kind == "lễ" else ""
        ev.date = self._date(trig, first, stop, cues)
        first_told = not self._targets(first)  # not a visit's own range later in the sentence
        if ev.date and not headline and self.doc.date_initial(first) and first_told:
            self._told_on = ev.date
        ev.name = self._name(trig, stop)
        ev.organizers = self._organizers(trig, first, stop, cues)
        toks = self.doc.tokens
        ev.spans.append(Span(toks[trig.first].start, toks[max(trig.stop, trig.first + 1) - 1].end))
        if headline:
            self.headline.append(ev)
            self._targets(first).append((trig.first, ev))
            return
        if not ev.date:
            ev.date = self._frames.get(first, "")
        # 'Cùng ngày, X tiếp Đại sứ Pháp', 'Cũng trong ngày 19/3, …': another event, no repeat
        another = distinct or self.doc.same_day(first) or self.doc.also_that_day(first)
        target = None if another else self._match(ev)
        if target is None:
            self.events.append(ev)
            target = ev
        else:
            target.absorb(ev)
        self._targets(first).append((trig.first, target))

    def frame(self, trig: Trigger, first: int) -> None:
        """'Trong khuôn khổ Hội nghị, …', 'Sau hội đàm, …': an event told before frames the
        sentence, so an undated event the sentence reports happens on its day."""
        target = next((e for e in reversed(self.events) if e.kind == trig.kind), None)
        if target is not None and target.date:
            self._frames.setdefault(first, target.date)

    def reference(self, trig: Trigger, first: int, stop: int) -> None:
        """A later mention of an event ('Tại Hội nghị', 'buổi lễ', 'cuộc họp')."""
        target = None
        if trig.form != "generic":
            target = next((e for e in reversed(self.events) if e.kind == trig.kind), None)
            latest = self.events[-1] if self.events else None
            named = self.doc.event_mention_at(trig.first, trig.stop) is not None
            if (
                target is None
                and latest
                and latest.kind == "khác"
                and not latest.name
                and not named
            ):
                latest.kind, target = trig.kind, latest  # 'tổ chức giao lưu…' + 'tại buổi lễ'
        elif self.events:
            target = self.events[-1]
        if target is None:
            return
        if not target.name:
            target.name = self._quoted_event(first, stop)
        self._targets(first).append((trig.first, target))

    def chairs(self, first: int, stop: int, cues: list[Cue]) -> None:
        """Chairs named with 'chủ trì', 'điều hành', 'chủ tọa' in the sentence."""
        for cue in cues:
            names = chair_names(self.doc, cue, first, stop) if "chair" in cue.kinds else []
            event = chaired_event(self._targets(first), self.events, cue.first) if names else None
            if event is not None:
                extend_unique(event.chairs, names)

    def _date(self, trig: Trigger, first: int, stop: int, cues: list[Cue]) -> str:
        doc = self.doc
        mention = doc.date_for(trig.first, trig.stop, first)
        if mention is None:
            return self._same_day(first)
        # a plan's day: its own schedule, 'ngày 15/3 tới', or 'sẽ', 'dự kiến' before the day
        ahead = doc.scheduled_for(trig.first, trig.stop, first) is mention
        ahead = ahead or doc.ahead(doc.token_after(mention))
        ahead = ahead or any(
            "future" in c.kinds and first <= c.first and c.stop <= doc.token_after(mention)
            for c in cues
        )
        return self._mention_date(mention, first, stop, ahead=ahead)

    def _mention_date(self, mention: Mention, first: int, stop: int, *, ahead: bool = False) -> str:
        parsed = parse_day_month(mention.text, mention.value)
        if parsed is None:
            return ""
        day, month, year = parsed
        day = range_start(self.doc.text, mention.start, day, mention.text)
        if year is None:
            years = sentence_years(self.doc.dating_text(first, stop))
            years = years or self._anchor_years(first, month, mention.start)
            year = resolve_year(month, years, self.published, self.doc_years, ahead=ahead)
        return format_date(day, month, year)

    def _same_day(self, first: int) -> str:
        """'Cùng ngày, …', 'Dịp này, …': the last single day written before (a range is the span
        of a visit or a session, not a day), else the date of the event reported before."""
        if not self.doc.same_day(first):
            return ""
        day = self._last_day(first)
        if day:
            return day
        # The day the story is told on ('Chiều 5/3, … tiếp đoàn'), not a range a visit spans.
        if self._told_on:
            return self._told_on
        dated = [e.date for e in self.events if e.date]
        return dated[-1] if dated else ""

    def _last_day(self, first: int) -> str:
        doc, text = self.doc, self.doc.text
        for f, s, mention in reversed(doc.dates_in(max(0, first - _ANCHOR_SPAN), first)):
            if doc.is_headline(f) or doc.line_length(f) < _DATE_LINE or doc.document_date(f):
                continue
            if doc.ahead(s):
                continue  # 'ngày 15/3 tới, Kỳ họp … sẽ diễn ra': a plan's day, not the story's
            if not single_day(text, mention.start, mention.end, mention.text, mention.value):
                continue
            f_first = doc.sentences[bisect.bisect_right(doc.sentences, (f, len(doc.tokens))) - 1][0]
            return self._mention_date(mention, f_first, doc.sentence_bounds(f_first, f_first))
        return ""

    def _anchor_years(self, first: int, month: int, before: int) -> list[int]:
        """'8/9/2023 … Trước đó, sáng 7/9': the year of a full date written shortly before
        (earlier in the same sentence too: 'Ngày 3/11/2023, … thăm từ ngày 27 đến 30/11')."""
        doc = self.doc
        stop = doc.sentence_bounds(first, first)
        for f, _, mention in reversed(doc.dates_in(max(0, first - _ANCHOR_SPAN), stop)):
            if mention.start >= before:
                continue
            if doc.is_headline(f) or doc.line_length(f) < _DATE_LINE or doc.document_date(f):
                continue  # a banner, a date line ('Thứ Bảy, ngày 26 tháng 9 năm 2020'), or a
                # document's date ('Nghị quyết … ngày 10/4/2013'), not the story's time
            parsed = parse_day_month(mention.text, mention.value)
            if parsed is None or parsed[2] is None or self._history(parsed[2]):
                continue  # 'Hiệp ước …, ký ngày 18/7/1977' is history, not the story's time
            return [parsed[2]] if abs(parsed[1] - month) <= _ANCHOR_MONTHS else []
        return []

    def _history(self, year: int) -> bool:
        """A year long before the story's ('gia nhập FAO ngày 8/11/1978' in a story of 2025)."""
        if self._news_year is None:
            found = self.doc.dates_in(0, len(self.doc.tokens))
            self._news_year = news_year([m for _, _, m in found], self.published)
        return year < self._news_year - _HISTORY_GAP

    def _name(self, trig: Trigger, stop: int) -> str:
        doc = self.doc
        if trig.form == VERB or trig.first == trig.stop:
            return ""
        mention = doc.event_mention_at(trig.first, trig.stop)
        if mention is not None:
            return mention.text
        if trig.form != NOUN:
            return ""
        return doc.title_after(trig.stop, stop)

    def _organizers(self, trig: Trigger, first: int, stop: int, cues: list[Cue]) -> list[str]:
        hosts = self._hosts(trig, first, stop, cues)
        return hosts + [o for o in self.doc.cohosts(trig.stop, stop) if o not in hosts]

    def _hosts(self, trig: Trigger, first: int, stop: int, cues: list[Cue]) -> list[str]:
        doc, toks = self.doc, self.doc.tokens
        # 'Hội thảo “Việt Nam - Nhật Bản: 50 năm …” do X tổ chức': past the title's own colon
        after = doc.after_name(trig.first, trig.stop, stop)
        clause_end = doc.clause_of(max(trig.first, after - 1), first)[1]
        # '… lần thứ 45 (AIPA-45), do Quốc hội Lào đăng cai, …': an aside after the short form
        aside = doc.past_short_form(after, stop)
        if aside < stop and toks[aside].text == "," and aside + 1 < stop:
            after, clause_end = aside + 1, doc.clause_of(aside + 1, first)[1]
        for i in range(after, clause_end):
            if toks[i].key == "do":
                cue = next((c for c in cues if "organize" in c.kinds and c.first > i), None)
                if cue is not None and cue.first <= clause_end:
                    return doc.orgs_in(i + 1, cue.first, subject=False)
                break
        limit = stop if trig.first == trig.stop else trig.first  # a dated report: whole sentence
        before = [c for c in cues if "organize" in c.kinds and c.stop <= limit]
        if not before:
            return []
        cue = before[-1]
        if trig.form == NOUN and trig.first - cue.stop > 3:
            return []
        if " ".join(t.key for t in toks[max(first, cue.first - 2) : cue.first]) in _PLAN_NOUNS:
            return []  # 'thông báo kế hoạch tổ chức Hội nghị': who announces a plan, not a host
        hosts = doc.orgs_in(first, cue.first, subject=True)
        if cue.stop < trig.first and toks[cue.stop].key == "với":  # 'X đồng tổ chức với Y Hội …'
            hosts += doc.orgs_in(cue.stop + 1, trig.first, subject=False)
        # 'X, với sự phối hợp của Y, tổ chức Hội nghị …': a co-host set off inside the subject
        return hosts + [o for o in doc.cohosts(first, cue.first) if o not in hosts]

    def _quoted_event(self, first: int, stop: int) -> str:
        """A quoted EVENT mention in a sentence that refers back to an unnamed event."""
        doc = self.doc
        for f, s in doc.event_mentions(first, stop):
            if f > 0 and doc.tokens[f - 1].text in "“\"'‘«":
                return doc.sentence_text(f, s)
        return ""

    def _match(self, ev: EventDraft) -> EventDraft | None:
        for e in reversed(self.events):
            if e.kind != ev.kind or (ev.rite and e.rite and ev.rite != e.rite):
                continue  # 'lễ mít tinh' then 'lễ ký kết' the same day: two ceremonies
            if ev.date and e.date:
                if ev.date == e.date:
                    return e
                continue
            if ev.name and e.name and same_name(ev.name, e.name):
                return e
            if ev.form == NOUN and (not ev.date or e.form == NOUN):
                return e
        return None

    def _short_form_of(self, head: EventDraft) -> EventDraft | None:
        """'AIPA-45' in the headline is the body's '… lần thứ 45 (AIPA-45)', its short form."""
        text, short = self.doc.text, f" ({head.name})"
        found = (e for e in self.events if head.name and e.name and e.name + short in text)
        return next(found, None)

    def finish(self) -> list[ExtractedEvent]:
        """The document's events; a headline joins the body's first event of its kind."""
        for head in self.headline:
            target = next((e for e in self.events if e.kind == head.kind), None)
            target = target or self._short_form_of(head)
            if target is None:
                self.events.append(head)
                continue
            name = target.name
            target.absorb(head)
            target.name = name or head.name
        return [
            ExtractedEvent(
                kind=e.kind,
                name=e.name,
                date=e.date,
                organizers=e.organizers,
                chairs=e.chairs,
                mentions=e.spans,
                confidence=e.confidence,
            )
            for e in self.events
        ]
