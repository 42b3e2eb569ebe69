"""Tests for dashes that join a pair inside a name."""

from __future__ import annotations

from daphuong.pipeline.extract import gazetteer
from daphuong.pipeline.extract.name_pairs import capital_pair, grouping_pair, place_pair
from daphuong.pipeline.extract.scan import Doc


def _dash(text: str) -> tuple[Doc, int]:
    doc = Doc.build(text, gazetteer.load())
    return doc, next(i for i, t in enumerate(doc.tokens) if t.text in "-–")


def test_place_pairs_grouping_pairs_and_capital_pairs() -> None:
    doc, j = _dash("quan hệ Việt Nam – Lào")
    assert place_pair(doc, j) and capital_pair(doc, j)
    doc, j = _dash("Hội nghị ASEAN - Nhật Bản")
    assert grouping_pair(doc, j) and not place_pair(doc, j)
    doc, j = _dash("Hội nghị ASEAN - các nước")
    assert not grouping_pair(doc, j) and not capital_pair(doc, j)
