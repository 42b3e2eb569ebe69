"""Registry keys: cleaning, tone-canonical and folded keys, fact identity."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from daphuong.store.registry.keys import clean_name, folded_name, match_key, name_key


def test_keys_ignore_case_tone_placement_quotes_and_spaces() -> None:
    assert name_key("“Hòa  bình”") == name_key("hoà bình")
    assert folded_name("Đồng Huy Cương") == "dong huy cuong"
    assert clean_name("  (ASEAN), ") == "ASEAN"


def test_match_key_separates_objects_and_flags() -> None:
    assert match_key("Thứ trưởng", 1, {}) != match_key("Thứ trưởng", 2, {})
    assert match_key("Thứ trưởng", 1, {}) != match_key("Thứ trưởng", 1, {"former": True})
    assert match_key("Thứ trưởng", 1, {"org": "x"}) == match_key("thứ trưởng", 1, {})


@given(st.text())
def test_cleaning_is_idempotent(text: str) -> None:
    assert clean_name(clean_name(text)) == clean_name(text)
