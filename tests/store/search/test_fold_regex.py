"""Regexes over lower-cased text match exactly where the folded text would."""

from __future__ import annotations

import re

import pytest

from daphuong.store.search import fold_regex
from daphuong.store.search.snippets import _clauses, _pattern
from daphuong.text.keys import fold_key
from daphuong.text.query import parse_query

# Every character of the Basic Multilingual Plane as lower-cased text can hold it.
_LOWERED = [low for low in (chr(cp).lower() for cp in range(0x10000)) if len(low) == 1]


def test_every_character_that_folds_elsewhere_is_in_the_scanned_range() -> None:
    moved = [ch for ch in _LOWERED if fold_key(ch) != ch]
    assert moved
    assert all(ord(ch) in fold_regex.FOLDED_RANGE for ch in moved)


@pytest.mark.parametrize("folded", [*"abcdefghijklmnopqrstuvwxyz0123456789", "ä", "σ"])
def test_a_letter_class_is_what_folds_to_the_letter(folded: str) -> None:
    text = "\n".join(_LOWERED)
    pattern = re.compile(fold_regex.letter(folded))
    found = {m.group() for m in pattern.finditer(text)}
    assert found == {ch for ch in _LOWERED if fold_key(ch) == folded}


TEXT = (
    "Hội nghị Bộ Ngoại giao tại Hà Nội: ĐƯỜNG Đường dương, hội thảo HỘI THẢO "
    "hợp tác-hợp tác; ngoại giao_ngoại giao (Ngoại Giao) đường bộ ǅem ΑΣ σ ς"
)


@pytest.mark.parametrize(
    "query", ["hội nghị", "bo ngoai giao", "đường*", '"hop tac"', "duong", "dzem", "ας", "σ"]
)
def test_patterns_over_lowered_text_match_where_folded_ones_do(query: str) -> None:
    low = fold_regex.lowered(TEXT)
    assert low is not None
    for clause in _clauses(parse_query(query)):
        expected = [m.span() for m in _pattern(clause, folded=True).finditer(fold_key(TEXT))]
        assert [m.span() for m in _pattern(clause).finditer(low)] == expected


def test_text_whose_lower_case_is_longer_is_folded_instead() -> None:
    assert fold_regex.lowered("İstanbul") is None
    assert fold_regex.lowered("Hà Nội") == "hà nội"
