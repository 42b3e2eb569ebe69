"""Tests for organisation candidates."""

from __future__ import annotations

import pytest

from daphuong.pipeline.extract import gazetteer
from daphuong.pipeline.extract.orgs import find
from daphuong.pipeline.extract.scan import Doc


def _orgs(text: str) -> set[str]:
    return {text[c.start : c.end] for c in find(Doc.build(text, gazetteer.load()))}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ông A, Vụ trưởng Vụ Công tác thanh niên Hoàng Quốc Long dự.", "Vụ Công tác thanh niên"),
        ("lãnh đạo Sở Nội vụ tỉnh Nghệ An; các đồng chí", "Sở Nội vụ tỉnh Nghệ An"),
        ("Bộ Tài nguyên và Môi trường, Bộ Y tế", "Bộ Tài nguyên và Môi trường"),
        ("Hội Hữu nghị Việt Nam – Armenia thuộc Liên hiệp", "Hội Hữu nghị Việt Nam – Armenia"),
        ("với Đại sứ quán Hàn Quốc tại Việt Nam do ngài", "Đại sứ quán Hàn Quốc tại Việt Nam"),
        ("Trưởng ban Đối ngoại Trung ương, làm Trưởng đoàn", "ban Đối ngoại Trung ương"),
        (
            "Trung tâm nước sạch và VSMTNT tỉnh cung cấp số liệu",
            "Trung tâm nước sạch và VSMTNT tỉnh",
        ),
        ("Đặc biệt, Hội luôn coi trọng", "Hội"),
    ],
)
def test_head_noun_names_end_at_the_right_word(text: str, name: str) -> None:
    assert name in _orgs(text)


def test_titles_and_generic_heads_are_not_bodies() -> None:
    found = _orgs("Bộ trưởng phát biểu. Đại diện các Bộ, ban, ngành. Báo cáo tại hội nghị.")
    assert found == set()


def test_name_stops_before_a_person_and_a_verb() -> None:
    found = _orgs("Chủ nhiệm Ủy ban Đối ngoại Vũ Hải Hà cho biết; Bộ Ngoại giao đã tổ chức.")
    assert {"Ủy ban Đối ngoại", "Bộ Ngoại giao"} <= found
    assert not any("Vũ" in name or "đã" in name for name in found)


def test_abbreviations_tags_outlets_and_domains() -> None:
    text = "(PLVN) - Học viện Ngoại giao (DAV) và tổ chức GPI/Hàn Quốc. Nguồn: http://vufo.org.vn/a"
    assert {"PLVN", "DAV", "GPI", "vufo.org.vn"} <= _orgs(text)


def test_non_governmental_is_not_the_government() -> None:
    assert "Chính phủ" not in _orgs("các tổ chức phi Chính phủ nước ngoài")
