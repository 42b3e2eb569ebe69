"""Tests for the syllable tokenizer and the Vietnamese syllable check."""

from __future__ import annotations

import pytest

from daphuong.pipeline.extract.tokens import is_vietnamese_syllable, sentence_ends, tokenize


def test_tokens_keep_offsets_and_unify_dashes() -> None:
    text = "Việt Nam – Lào\nHoà bình"
    toks = tokenize(text)
    assert [t.text for t in toks] == ["Việt", "Nam", "–", "Lào", "Hoà", "bình"]
    assert all(text[t.start : t.end] == t.text for t in toks)
    assert toks[2].key == "-"
    assert toks[4].key == "hòa"  # tone placement unified
    assert toks[4].newline_before and not toks[3].newline_before


def test_case_flags() -> None:
    toks = tokenize("ASEAN Hội nghị 31")
    assert toks[0].is_upper and toks[0].is_cap
    assert toks[1].is_cap and not toks[1].is_upper
    assert not toks[2].is_cap
    assert toks[3].is_digit and toks[3].is_word


def test_sentence_ends_at_full_stops_and_line_breaks() -> None:
    toks = tokenize("Một câu. Hai câu\nBa")
    ends = sentence_ends(toks)
    assert [t.text for t, e in zip(toks, ends, strict=True) if e] == [".", "câu", "Ba"]


@pytest.mark.parametrize("word", ["Nguyễn", "Khuê", "Roòng", "nghiêng", "Quỳnh", "Anh"])
def test_vietnamese_syllables_are_recognized(word: str) -> None:
    assert is_vietnamese_syllable(word)


@pytest.mark.parametrize("word", ["Kőrösi", "Young", "Tijiani", "ACCSM", "Japan", "Raisa"])
def test_foreign_words_are_not_vietnamese_syllables(word: str) -> None:
    assert not is_vietnamese_syllable(word)


def test_an_initial_with_its_dot_ends_no_sentence() -> None:
    toks = tokenize("Bà Maria K. Ostrowska phát biểu. Sau đó, đoàn ra về.")
    ends = [t.text for t, end in zip(toks, sentence_ends(toks), strict=True) if end]
    assert ends == [".", "."] and toks[3].text == "."
    assert not sentence_ends(toks)[3]
