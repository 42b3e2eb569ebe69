"""Tests for merging repeated reports of one event."""

from __future__ import annotations

from daphuong.pipeline.extract.event_doc import EventDoc
from daphuong.pipeline.extract.event_merge import EventBook
from daphuong.pipeline.extract.event_record import same_name
from daphuong.pipeline.extract.event_words import Trigger
from daphuong.pipeline.extract.tokens import tokenize
from daphuong.services.evaluation import project_gold_mentions


def test_ordinal_and_plain_numbering_are_one_name() -> None:
    assert same_name("Hội nghị Ngoại giao 30", "Hội nghị Ngoại giao lần thứ 30")
    assert not same_name("Hội nghị Ngoại giao 30", "Hội nghị Ngoại giao 29")


def _book(text: str, dates: list[str]) -> tuple[EventBook, EventDoc]:
    gold = {"entities": [{"type": "DATE", "text": d} for d in dates]}
    doc = EventDoc(text, tokenize(text), project_gold_mentions(text, gold), ())
    return EventBook(doc, None, []), doc


def test_verb_reports_merge_only_on_the_same_date() -> None:
    book, doc = _book("Ngày 2/1 gặp gỡ. Ngày 3/1 gặp gỡ. Ngày 2/1 gặp gỡ.", ["2/1", "3/1"])
    for first, stop in doc.sentences:
        verb = next(i for i in range(first, stop) if doc.tokens[i].text == "gặp")
        book.create(Trigger(verb, verb + 2, "cuộc gặp", "verb"), first, stop, [], headline=False)
    events = book.finish()
    assert [(e.kind, e.date) for e in events] == [("cuộc gặp", "--01-02"), ("cuộc gặp", "--01-03")]
    assert len(events[0].mentions) == 2


def test_undated_noun_report_joins_the_last_event_of_its_kind() -> None:
    book, doc = _book("Ngày 5/5 hội nghị. Sau đó hội nghị.", ["5/5"])
    for first, stop in doc.sentences:
        head = next(i for i in range(first, stop) if doc.tokens[i].text == "hội")
        book.create(Trigger(head, head + 2, "hội nghị", "noun"), first, stop, [], headline=False)
    assert [(e.kind, e.date) for e in book.finish()] == [("hội nghị", "--05-05")]
