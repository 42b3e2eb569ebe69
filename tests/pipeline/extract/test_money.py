"""Tests for money amounts."""

from __future__ import annotations

import pytest

from daphuong.pipeline.extract import gazetteer
from daphuong.pipeline.extract.money import find
from daphuong.pipeline.extract.scan import Doc


def _money(text: str) -> list[str]:
    return [text[c.start : c.end] for c in find(Doc.build(text, gazetteer.load()))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("đạt khoảng 233 triệu USD, tăng 5%", ["233 triệu USD"]),
        ("đạt gần 1,14 tỷ USD", ["1,14 tỷ USD"]),
        ("tài trợ 286 triệu đồng cho dự án", ["286 triệu đồng"]),
        ("Vận động hơn 500 triệu từ công tác", ["500 triệu"]),
        ("dân số 100 triệu người", []),
        ("tăng 5% so với năm 2020", []),
    ],
)
def test_amounts(text: str, expected: list[str]) -> None:
    assert _money(text) == expected


@pytest.mark.parametrize(
    "amount",
    [
        "16 triệu đô la Úc",
        "2 tỷ yên Nhật",
        "5 triệu nhân dân tệ",
        "3 triệu bảng Anh",
        "20 đô la Mỹ",
    ],
)
def test_currencies_with_their_country_stay_whole(amount: str) -> None:
    assert _money(f"Dự án được tài trợ {amount} trong năm nay.") == [amount]


def test_dong_before_chi_or_bao_is_no_currency() -> None:
    assert _money("Ban Chấp hành gồm 41 đồng chí; 5 đồng bào được hỗ trợ 20 triệu đồng.") == [
        "20 triệu đồng"
    ]


def test_yen_in_latin_spelling_is_a_currency() -> None:
    assert _money("JICA cam kết 300 triệu yen cho dự án.") == ["300 triệu yen"]


def test_a_bare_count_of_people_after_a_funding_word_is_no_amount() -> None:
    found = _money("Hội vận động 3 triệu hội viên tham gia và vận động hơn 800 triệu cho quỹ.")
    assert found == ["800 triệu"]
