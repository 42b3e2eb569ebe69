"""Tests for meeting-name candidates."""

from __future__ import annotations

import pytest

from daphuong.pipeline.extract import gazetteer
from daphuong.pipeline.extract.event_names import find
from daphuong.pipeline.extract.scan import Doc


def _events(text: str) -> set[str]:
    doc = Doc.build(text, gazetteer.load())
    return {text[c.start : c.end] for c in find(doc) if c.type.value == "EVENT"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("tiến tới Hội nghị Ngoại giao lần thứ 31, Bộ", "Hội nghị Ngoại giao lần thứ 31"),
        ("Hội nghị Ngoại giao lần này được tổ chức", "Hội nghị Ngoại giao"),
        ("tổ chức Hội nghị triển khai nhiệm vụ năm 2022.", "Hội nghị triển khai nhiệm vụ năm 2022"),
        (
            "như Đại hội lần thứ 22 của Hội đồng Hòa bình Thế giới; có",
            "Đại hội lần thứ 22 của Hội đồng Hòa bình Thế giới",
        ),
        ("hoạt động (ACCSM 21) năm 2022", "ACCSM 21"),
        ("tổ chức chương trình Xuân quê hương 2021, đón tiếp", "Xuân quê hương 2021"),
        ("Phiên thứ nhất với chủ đề “75 năm Đối ngoại” đã", "75 năm Đối ngoại"),
        ("Bộ tổ chức Tọa đàm “Đối ngoại Đa phương Việt Nam” tại", "Đối ngoại Đa phương Việt Nam"),
    ],
)
def test_meeting_names(text: str, name: str) -> None:
    assert name in _events(text)


@pytest.mark.parametrize(
    "text",
    [
        "Tại Hội nghị, các đại biểu thảo luận.",
        "Hội nghị đã trao đổi nhiều phương hướng.",
        "Hội nghị Ngoại giao 31 với chủ đề “Ngoại giao Việt Nam tiên phong”",
        "tổ chức các Hội nghị quốc tế cả bằng hình thức trực tuyến",
    ],
)
def test_unnamed_meetings_and_themes_of_named_ones_are_not_names(text: str) -> None:
    found = _events(text)
    assert "Ngoại giao Việt Nam tiên phong" not in found
    assert not any(name in ("Hội nghị", "Hội nghị quốc tế") for name in found)
