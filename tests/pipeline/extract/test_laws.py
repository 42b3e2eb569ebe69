"""Tests for laws named by their subject."""

from __future__ import annotations

import pytest

from daphuong.pipeline.extract import gazetteer
from daphuong.pipeline.extract.laws import is_year, law
from daphuong.pipeline.extract.scan import Doc


def _law(text: str) -> str | None:
    doc = Doc.build(text, gazetteer.load())
    i = next(n for n, t in enumerate(doc.tokens) if t.key in ("luật", "bộ"))
    end = doc.gaz.legal_types.match(doc.tokens, i, strict_case=False)[0]
    kind = " ".join(t.key for t in doc.tokens[i:end])
    cand = law(doc, i, end, kind)
    return None if cand is None else text[cand.start : cand.end]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Quốc hội sửa Luật Báo chí, xuất bản, đồng thời giám sát.", "Luật Báo chí, xuất bản"),
        ("Theo Luật Phòng, chống ma túy năm 2021 thì", "Luật Phòng, chống ma túy năm 2021"),
        ("Bộ luật Hình sự năm 2015 quy định", "Bộ luật Hình sự năm 2015"),
    ],
)
def test_a_law_keeps_its_paired_subjects_and_year(text: str, name: str) -> None:
    assert _law(text) == name


def test_a_clause_after_a_laws_comma_is_not_its_name() -> None:
    assert _law("Luật Đất đai, được ban hành năm ngoái, có hiệu lực.") is None


def test_years_are_four_digits_of_the_last_two_centuries() -> None:
    assert is_year("2019") and not is_year("1325") and not is_year("20190")
