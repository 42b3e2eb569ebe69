"""Tests for dates ending a span and days still to come."""

from __future__ import annotations

from daphuong.pipeline.extract.event_spans import ahead_at, span_end
from daphuong.pipeline.extract.tokens import Token, tokenize


def _at(text: str, word: str) -> tuple[list[Token], int]:
    toks = tokenize(text)
    return toks, next(i for i, t in enumerate(toks) if t.text == word)


def test_a_date_after_den_ends_a_span_unless_a_bare_first_day_stands_before() -> None:
    toks, f = _at("diễn ra trong 3 ngày, đến hết ngày 12/7", "12")
    assert span_end(toks, f)
    toks, f = _at("từ ngày 5/10 đến ngày 8/10", "8")
    assert span_end(toks, f)
    toks, f = _at("từ ngày 20 đến 23/10", "23")
    assert not span_end(toks, f)
    toks, f = _at("ngày 23/10", "23")
    assert not span_end(toks, f)


def test_toi_after_a_date_puts_it_ahead_unless_a_day_follows() -> None:
    toks, i = _at("ngày 15/3 tới, Kỳ họp", "tới")
    assert ahead_at(toks, i)
    toks, i = _at("ngày 15/3 sắp tới", "sắp")
    assert ahead_at(toks, i)
    toks, i = _at("từ 10/3 tới 15/3", "tới")
    assert not ahead_at(toks, i)
