"""Matching keys: tone placement, folding, length preservation."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from daphuong.text.keys import fold_key, tone_key
from daphuong.text.normalize import normalize


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("hoà", "hòa"),
        ("thuỷ", "thủy"),
        ("Uỷ ban", "Ủy ban"),
        ("Hoà Bình", "hòa bình"),
        ("khoẻ", "khỏe"),
        ("tuỳ", "tùy"),
    ],
)
def test_tone_placement_variants_share_a_key(a: str, b: str) -> None:
    assert tone_key(a) == tone_key(b)


@pytest.mark.parametrize(("a", "b"), [("đường", "dương"), ("hòa", "hóa"), ("tôi", "tối")])
def test_different_words_keep_different_tone_keys(a: str, b: str) -> None:
    assert tone_key(a) != tone_key(b)


def test_u_after_q_is_part_of_the_initial() -> None:
    assert tone_key("qúy") == tone_key("quý") == "quý"
    assert tone_key("gìa") == tone_key("già")


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Đối ngoại đa phương", "doi ngoai da phuong"),
        ("ĐẢNG BỘ", "dang bo"),
        ("Nguyễn Thị Hoàng Vân", "nguyen thi hoang van"),
    ],
)
def test_fold_removes_diacritics_and_maps_d_with_stroke(text: str, folded: str) -> None:
    assert fold_key(text) == folded


@given(st.text(max_size=50))
def test_keys_preserve_length_of_normalized_text(text: str) -> None:
    norm = normalize(text).text
    assert len(fold_key(norm)) == len(norm)
    assert len(tone_key(norm)) == len(norm)
