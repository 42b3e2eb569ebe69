"""Tests for the token index of one document that the event finder reads."""

from __future__ import annotations

from daphuong.domain.document import Segment
from daphuong.pipeline.extract.event_index import DocIndex
from daphuong.pipeline.extract.event_layout import MAX_SENTENCE
from daphuong.pipeline.extract.tokens import tokenize
from daphuong.services.evaluation import project_gold_mentions


def _doc(text: str, clutter: tuple[Segment, ...] = (), **types: list[str]) -> DocIndex:
    gold = {"entities": [{"type": t, "text": n} for t, names in types.items() for n in names]}
    return DocIndex(text, tokenize(text), project_gold_mentions(text, gold), clutter)


def test_headline_is_the_first_line_without_a_full_stop() -> None:
    doc = _doc("Hội nghị tổng kết\nNgày 1/1, hội nghị diễn ra.")
    assert doc.is_headline(0)
    assert not doc.is_headline(doc.sentences[1][0])
    assert not _doc("Hội nghị đã diễn ra.\nTiếp theo.").is_headline(0)


def test_quotes_and_related_clutter_are_known() -> None:
    text = "Hội thảo “Hội nghị và đối thoại” kết thúc.\nTin liên quan"
    doc = _doc(text, clutter=(Segment(text.index("Tin"), len(text), "related"),))
    inner = next(i for i, t in enumerate(doc.tokens) if t.text == "nghị")
    assert doc.in_quotes(inner) and not doc.in_quotes(0)
    assert doc.is_excluded(*doc.sentences[-1])


def test_sentences_without_full_stops_are_cut_into_pieces() -> None:
    doc = _doc("chữ " * (MAX_SENTENCE * 2 + 5))
    assert max(stop - first for first, stop in doc.sentences) <= MAX_SENTENCE


def test_related_headlines_after_the_marked_one_are_blanked_from_plain_text() -> None:
    text = (
        "Hội thảo hợp tác.\nTIN LIÊN QUAN\nĐoàn Lào thăm Huế\nKhai mạc hội chợ năm 2018\n\n"
        "Thân bài năm 2021."
    )
    marked = text.index("Đoàn Lào thăm Huế") + len("Đoàn Lào thăm Huế")
    plain = _doc(text, (Segment(text.index("TIN"), marked, "related"),)).plain_text()
    assert "2018" not in plain
    assert "Thân bài năm 2021." in plain


def test_line_length_counts_the_tokens_of_one_line() -> None:
    doc = _doc("Thứ Hai, 4/3/2024\nSáng 4/3, đoàn đại biểu tỉnh Huế đến thăm và làm việc.")
    assert doc.line_length(0) == doc.line_length(3) == 8  # Thứ Hai , 4 / 3 / 2024
    assert doc.line_length(len(doc.tokens) - 1) > 10


def test_a_bracketed_day_after_a_relative_time_is_a_date_of_the_sentence() -> None:
    for text, day in [
        ("Sáng nay (14/5), Bộ họp.", "14/5"),
        ("Hôm qua (ngày 13/5), Bộ họp.", "13/5"),
    ]:
        doc = _doc(text, DATE=[day])
        assert [m.text for _, _, m in doc.dates_in(0, len(doc.tokens))] == [day]
    doc = _doc("Bộ họp (14/5) về dự án.", DATE=["14/5"])
    assert doc.dates_in(0, len(doc.tokens)) == []


def test_plain_text_blanks_legal_documents_and_plans_but_keeps_the_story() -> None:
    text = (
        "Ngày 3/5, Sở tổ chức hội thảo về Luật Thủ đô năm 2012. "
        "Hội chợ tiếp theo sẽ diễn ra vào tháng 9/2031. "
        "Dự kiến, hội thảo lần sau được tổ chức vào năm 2030. "
        "Trong năm 2019, Sở đón 40 đoàn khách."
    )
    plain = _doc(text, LEGAL_DOC=["Luật Thủ đô năm 2012"]).plain_text()
    assert "2012" not in plain and "2031" not in plain and "2030" not in plain
    assert "Trong năm 2019, Sở đón 40 đoàn khách." in plain
    assert len(plain) == len(text)
