"""Tests for when a mission's head names one body."""

from __future__ import annotations

from daphuong.pipeline.extract import gazetteer
from daphuong.pipeline.extract.missions import alone, everywhere_abroad
from daphuong.pipeline.extract.scan import Doc


def _alone(text: str, word: str) -> bool:
    doc = Doc.build(text, gazetteer.load())
    i = next(n for n, t in enumerate(doc.tokens) if t.text == word)
    head_end, kind = doc.head_at(i)
    return alone(doc, i, head_end, kind)


def test_a_missions_head_inside_a_sentence_is_the_mission() -> None:
    assert _alone("Hôm qua, Phái bộ đã họp.", "Phái")
    assert not _alone("Phái bộ đã họp.", "Phái")
    assert not _alone("Hôm qua, Văn phòng đã họp.", "Văn")


def test_missions_in_every_country_are_a_class() -> None:
    doc = Doc.build("Đại sứ quán Việt Nam tại các nước ASEAN", gazetteer.load())
    assert everywhere_abroad(doc, 0, 5)
