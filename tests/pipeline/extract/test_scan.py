"""Tests for the shared document lookups."""

from __future__ import annotations

from daphuong.pipeline.extract import gazetteer
from daphuong.pipeline.extract.scan import Doc


def _doc(text: str) -> Doc:
    return Doc.build(text, gazetteer.load())


def test_person_at_takes_surname_and_given_syllables_but_not_places() -> None:
    doc = _doc("Bộ trưởng Phạm Thị Thanh Trà tại Hà Nội")
    assert doc.person_at(2) == 6
    assert doc.person_at(7) == 7  # Hà Nội is a city


def test_banner_words_are_marked_shouted() -> None:
    doc = _doc("Tin mới. CHÀO MỪNG ĐẠI HỘI CÔNG ĐOÀN TỈNH, Hà Nội")
    shouted = {doc.tokens[i].text for i in doc.shouted}
    assert {"CHÀO", "ĐẠI", "TỈNH"} <= shouted
    assert "Hà" not in shouted and doc.lower_like(4)


def test_heads_titles_and_cues_are_looked_up() -> None:
    doc = _doc("ông Vụ trưởng Vụ Các Tổ chức quốc tế")
    assert doc.cue_at(0) == (1, "honorific")
    assert doc.title_at(1) == 3
    assert doc.head_at(3)[0] == 4
