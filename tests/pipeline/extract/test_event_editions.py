"""Tests for meeting names by edition."""

from __future__ import annotations

import pytest

from daphuong.pipeline.extract import gazetteer
from daphuong.pipeline.extract.event_editions import edition, forum_edition, is_year, year_after
from daphuong.pipeline.extract.scan import Doc


def _names(text: str) -> set[str]:
    doc = Doc.build(text, gazetteer.load())
    found = [c for i in range(len(doc.tokens)) for c in edition(doc, i) + forum_edition(doc, i)]
    return {text[c.start : c.end] for c in found if c.type.value == "EVENT"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Các nước chuẩn bị cho COP29 tại Baku.", "COP29"),
        ("Hội nghị AIPA-44 đã bế mạc.", "AIPA-44"),
        ("Theo kế hoạch, Diễn đàn lần thứ tư sẽ họp ở Campuchia.", "Diễn đàn lần thứ tư"),
        ("Diễn đàn lần thứ 5 diễn ra tại Huế.", "Diễn đàn lần thứ 5"),
    ],
)
def test_codes_and_a_forum_s_edition_name_a_meeting(text: str, name: str) -> None:
    assert name in _names(text)


def test_a_forum_without_an_edition_and_a_disease_code_are_no_meeting() -> None:
    assert _names("Diễn đàn nhận được sự quan tâm; dịch COVID-19 lan rộng.") == set()


def test_years_close_a_name() -> None:
    doc = Doc.build("Diễn đàn năm 2023 và 2024", gazetteer.load())
    assert year_after(doc, 2) == 4
    assert year_after(doc, 5) == 6
    assert is_year("2024") and not is_year("3024")
