"""Tests for person candidates."""

from __future__ import annotations

import pytest

from daphuong.pipeline.extract import gazetteer
from daphuong.pipeline.extract.persons import find
from daphuong.pipeline.extract.scan import Doc


def _people(text: str) -> set[str]:
    doc = Doc.build(text, gazetteer.load())
    return {text[c.start : c.end] for c in find(doc) if c.type.value == "PERSON"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Thứ trưởng Vũ Chiến Thắng nhấn mạnh", "Vũ Chiến Thắng"),
        ("Ủy viên Ban Thường vụ, Phan Nguyễn Như Khuê, Thành ủy viên", "Phan Nguyễn Như Khuê"),
        ("đã gặp Ngài Tijiani Muhammad-Bande, Chủ tịch", "Tijiani Muhammad-Bande"),
        ("Chủ tịch Đại hội đồng LHQ Csaba Kőrösi công bố", "Csaba Kőrösi"),
        ("do ông Lạc Huệ Ninh làm Trưởng đoàn", "Lạc Huệ Ninh"),
        ("Hình ảnh tại tọa đàm. Ảnh: Thúy Hồng, Báo TG&VN", "Thúy Hồng"),
        ("Quang cảnh Hội thảo (Photo: TV)", "TV"),
    ],
)
def test_people_are_found(text: str, name: str) -> None:
    assert name in _people(text)


def test_byline_lines_and_trailing_initials() -> None:
    text = "Tin chính.\nNội dung bài viết dài.\nNguyễn Hợp - Hoài Nga"
    assert {"Nguyễn Hợp", "Hoài Nga"} <= _people(text)
    assert "NN" in _people("Nội dung bài viết. NN")


@pytest.mark.parametrize(
    "text",
    [
        "Bản quyền: Số 8 Tôn Thất Thuyết - Nam Từ Liêm - Hà Nội",
        "sự tham gia của các đồng chí Lãnh đạo Cấp cao",
        "Tại thành phố Hà Nội và Lâm Đồng",
    ],
)
def test_places_addresses_and_common_words_are_not_people(text: str) -> None:
    assert _people(text) == set()
