"""Tests for the event finder's view of a document."""

from __future__ import annotations

from daphuong.domain.document import Segment
from daphuong.pipeline.extract.event_doc import MAX_SENTENCE, EventDoc
from daphuong.pipeline.extract.tokens import tokenize
from daphuong.services.evaluation import project_gold_mentions


def _doc(text: str, clutter: tuple[Segment, ...] = (), **types: list[str]) -> EventDoc:
    gold = {"entities": [{"type": t, "text": n} for t, names in types.items() for n in names]}
    return EventDoc(text, tokenize(text), project_gold_mentions(text, gold), clutter)


def test_date_initial_sentence_and_main_clause() -> None:
    doc = _doc("Sáng 8/9, tại Huế, Sở Du lịch khai mạc hội chợ.", DATE=["8/9"], ORG=["Sở Du lịch"])
    first, stop = doc.sentences[0]
    assert doc.date_initial(first)
    main = doc.main_clause_start(first, stop)
    assert doc.tokens[main].text == "Sở"
    assert doc.has_subject(main, stop)


def test_headline_is_the_first_line_without_a_full_stop() -> None:
    doc = _doc("Hội nghị tổng kết\nNgày 1/1, hội nghị diễn ra.")
    assert doc.is_headline(0)
    assert not doc.is_headline(doc.sentences[1][0])
    assert not _doc("Hội nghị đã diễn ra.\nTiếp theo.").is_headline(0)


def test_subject_orgs_skip_places_brackets_and_parents() -> None:
    text = "tại trụ sở Bộ Y tế, Viện A (VA) thuộc Học viện B và Quỹ C phối hợp tổ chức"
    doc = _doc(text, ORG=["Bộ Y tế", "Viện A", "VA", "Học viện B", "Quỹ C"])
    stop = len(doc.tokens) - 4
    assert doc.orgs_in(0, stop, subject=True) == ["Viện A"]
    assert doc.orgs_in(0, stop, subject=False) == ["Bộ Y tế", "Viện A", "Học viện B", "Quỹ C"]


def test_quotes_and_related_clutter_are_known() -> None:
    text = "Hội thảo “Hội nghị và đối thoại” kết thúc.\nTin liên quan"
    doc = _doc(text, clutter=(Segment(text.index("Tin"), len(text), "related"),))
    inner = next(i for i, t in enumerate(doc.tokens) if t.text == "nghị")
    assert doc.in_quotes(inner) and not doc.in_quotes(0)
    assert doc.is_excluded(*doc.sentences[-1])


def test_sentences_without_full_stops_are_cut_into_pieces() -> None:
    doc = _doc("chữ " * (MAX_SENTENCE * 2 + 5))
    assert max(stop - first for first, stop in doc.sentences) <= MAX_SENTENCE
