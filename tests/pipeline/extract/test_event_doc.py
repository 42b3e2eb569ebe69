"""Tests for the event finder's view of a document."""

from __future__ import annotations

from daphuong.domain.document import Segment
from daphuong.pipeline.extract.event_doc import EventDoc
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


def test_subject_orgs_skip_places_brackets_and_parents() -> None:
    text = "tại trụ sở Bộ Y tế, Viện A (VA) thuộc Học viện B và Quỹ C phối hợp tổ chức"
    doc = _doc(text, ORG=["Bộ Y tế", "Viện A", "VA", "Học viện B", "Quỹ C"])
    stop = len(doc.tokens) - 4
    assert doc.orgs_in(0, stop, subject=True) == ["Viện A"]
    assert doc.orgs_in(0, stop, subject=False) == ["Bộ Y tế", "Viện A", "Học viện B", "Quỹ C"]


def test_planned_meeting_takes_the_date_of_its_schedule_clause() -> None:
    text = "Sở Ngoại vụ công bố kế hoạch tổ chức Hội nghị hợp tác, dự kiến diễn ra vào ngày 14/8."
    doc = _doc(text, DATE=["14/8"], ORG=["Sở Ngoại vụ"])
    first, _ = doc.sentences[0]
    head = next(i for i, t in enumerate(doc.tokens) if t.text == "Hội")
    date = doc.date_for(head, head + 2, first)
    assert date is not None and date.text == "14/8"


def test_a_later_clause_without_schedule_words_gives_no_date() -> None:
    text = "Sở Ngoại vụ bàn về Hội nghị hợp tác, đoàn về nước ngày 14/8."
    doc = _doc(text, DATE=["14/8"], ORG=["Sở Ngoại vụ"])
    head = next(i for i, t in enumerate(doc.tokens) if t.text == "Hội")
    assert doc.date_for(head, head + 2, doc.sentences[0][0]) is None


def test_cohosts_are_the_bodies_listed_after_su_phoi_hop_cua() -> None:
    text = "A tổ chức hội thảo với sự phối hợp của Quỹ B (QB), Viện C và Sở D tại Huế, Bộ E."
    doc = _doc(text, ORG=["Quỹ B", "QB", "Viện C", "Sở D", "Bộ E"])
    assert doc.cohosts(0, len(doc.tokens)) == ["Quỹ B", "Viện C", "Sở D"]
    assert _doc("A tổ chức hội thảo tại Bộ E.", ORG=["Bộ E"]).cohosts(0, 7) == []


def test_a_quoted_title_after_modifiers_needs_the_recognizer_to_name_it() -> None:
    text = "Viện tổ chức hội thảo khoa học cấp quốc gia “Đổi mới tư duy” hôm qua."
    named = _doc(text, EVENT=["Đổi mới tư duy"])
    head_end = next(i for i, t in enumerate(named.tokens) if t.text == "thảo") + 1
    stop = len(named.tokens)
    assert named.title_after(head_end, stop) == "Đổi mới tư duy"
    assert _doc(text).title_after(head_end, stop) == ""


def test_a_sentence_opened_by_a_bare_year() -> None:
    assert _doc("Năm 2023, Hội đã tổ chức hội nghị.").year_lead(0)
    assert _doc("(TTXVN) Trong năm qua, Hội đã tổ chức hội nghị.").year_lead(0)
    assert not _doc("Năm 2023 là năm bản lề.").year_lead(0)
    assert not _doc("Ngày 5/6/2023, Hội tổ chức hội nghị.", DATE=["5/6/2023"]).year_lead(0)


def test_after_name_skips_the_quoted_title_and_its_colon() -> None:
    text = "Hội thảo quốc tế “A: B” do Trường C tổ chức."
    doc = _doc(text, ORG=["Trường C"])
    after = doc.after_name(0, 2, len(doc.tokens))
    assert doc.tokens[after].text == "do"


def test_a_sentence_opened_by_a_relative_time_and_its_bracketed_day_is_date_initial() -> None:
    assert _doc("Sáng nay (14/5), Bộ họp.", DATE=["14/5"]).date_initial(0)
    assert _doc("Chiều qua (ngày 13/5), Bộ họp.", DATE=["13/5"]).date_initial(0)
    assert not _doc("Bộ họp (14/5) về dự án.", DATE=["14/5"]).date_initial(0)
