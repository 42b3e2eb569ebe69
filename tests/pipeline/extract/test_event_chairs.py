"""Tests for chairs named with 'chủ trì' and its variants (mentions given)."""

from __future__ import annotations

import pytest

from tests.pipeline.extract.test_events import _events


@pytest.mark.parametrize(
    ("text", "people"),
    [
        (
            "Ngày 4/9, Hội thảo diễn ra dưới sự đồng chủ trì của Thứ trưởng Lê Minh An và Phó"
            " Tổng Giám đốc UNESCO Anna Weber.",
            ["Lê Minh An", "Anna Weber"],
        ),
        (
            "Ngày 4/9, Hội thảo diễn ra dưới sự chủ trì của Thứ trưởng Lê Minh An và có sự tham"
            " gia của ông Hồ Văn Tư.",
            ["Lê Minh An"],
        ),
        (
            "Ngày 4/9, Bộ Ngoại giao tổ chức hội nghị. Chủ trì hội nghị có đồng chí Lê Minh An,"
            " Thứ trưởng; đồng chí Hồ Văn Tư, Vụ trưởng.",
            ["Lê Minh An", "Hồ Văn Tư"],
        ),
        (
            "Ngày 4/9, Hội thảo diễn ra dưới sự chủ trì của PGS.TS Lê Minh An, Giám đốc Học viện.",
            ["Lê Minh An"],
        ),
    ],
)
def test_co_chairs_and_listed_chairs(text: str, people: list[str]) -> None:
    events = _events(
        text,
        DATE=["4/9"],
        PERSON=["Lê Minh An", "Anna Weber", "Hồ Văn Tư"],
        ORG=["UNESCO", "Bộ Ngoại giao"],
    )
    assert [e["chairs"] for e in events] == [people]


def test_chairs_named_after_la() -> None:
    text = "Ngày 4/9, Sở Ngoại vụ làm việc với UNESCO. Chủ trì buổi làm việc là ông Hồ Văn Tư."
    events = _events(text, DATE=["4/9"], PERSON=["Hồ Văn Tư"], ORG=["Sở Ngoại vụ", "UNESCO"])
    assert [e["chairs"] for e in events] == [["Hồ Văn Tư"]]


def test_a_sentence_opening_with_the_cue_names_its_subject() -> None:
    text = (
        "Ngày 4/9, Sở Ngoại vụ tổ chức hội nghị. Chủ trì hội nghị, Giám đốc Sở Hồ Văn Tư nhấn"
        " mạnh vai trò của ông Lê Minh An."
    )
    events = _events(text, DATE=["4/9"], PERSON=["Hồ Văn Tư", "Lê Minh An"], ORG=["Sở Ngoại vụ"])
    assert [e["chairs"] for e in events] == [["Hồ Văn Tư"]]


def test_a_first_vice_minister_named_after_his_ministry_co_chairs() -> None:
    from daphuong.pipeline.extract.extractor import extract

    text = (
        "Ngày 6/3, tại Hà Nội, Hội nghị tham vấn do Thứ trưởng Ngoại giao Vũ Văn Hòa và Thứ "
        "trưởng thứ nhất Bộ Ngoại giao Nga Andrei Rudenko đồng chủ trì."
    )
    chairs = [e.chairs for e in extract(text, "t").events]
    assert chairs == [["Vũ Văn Hòa", "Andrei Rudenko"]]


def test_a_visit_is_not_chaired() -> None:
    text = (
        "Ngày 4/9, Đoàn đại biểu tỉnh Luang Prabang thăm Hà Nội. "
        "Ông đánh giá cao kết quả làm việc dưới sự chủ trì của Thứ trưởng Lê Minh An."
    )
    events = _events(text, DATE=["4/9"], PERSON=["Lê Minh An"], LOCATION=["Hà Nội"])
    assert [(e["kind"], e["chairs"]) for e in events] == [("chuyến thăm", [])]


def test_a_co_chair_after_the_first_one_s_apposition() -> None:
    text = (
        "Ngày 4/9, Hội thảo diễn ra dưới sự đồng chủ trì của ông Lê Minh An, Thứ trưởng Bộ "
        "Ngoại giao, và bà Anna Weber, Phó Tổng Giám đốc UNESCO."
    )
    events = _events(text, DATE=["4/9"], PERSON=["Lê Minh An", "Anna Weber"], ORG=["UNESCO"])
    assert [e["chairs"] for e in events] == [["Lê Minh An", "Anna Weber"]]
    single = text.replace("đồng chủ trì", "chủ trì").replace("bà Anna Weber", "các chuyên gia")
    assert [e["chairs"] for e in _events(single, DATE=["4/9"], PERSON=["Lê Minh An"])] == [
        ["Lê Minh An"]
    ]
