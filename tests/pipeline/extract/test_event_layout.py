"""Tests for the sentence, clause, quote and bracket layout of a document's tokens."""

from __future__ import annotations

from daphuong.pipeline.extract.event_layout import (
    bracket_depths,
    clause_bounds,
    quoted_tokens,
    related_end,
    sentences,
)
from daphuong.pipeline.extract.tokens import tokenize


def test_clauses_quotes_and_brackets_of_one_sentence() -> None:
    toks = tokenize("Sáng nay, Bộ (BNG) tổ chức “Hội thảo A”. Xong.")
    spans = sentences(toks)
    assert len(spans) == 2
    words = [t.text for t in toks]
    bounds = clause_bounds(toks, spans)
    assert bounds[words.index("Sáng")] == (0, words.index(","))
    depths = bracket_depths(toks, spans)
    assert depths[words.index("BNG")] == 1 and depths[words.index("tổ")] == 0
    assert {toks[i].text for i in quoted_tokens(toks, spans)} == {"Hội", "thảo", "A"}


def test_a_related_list_runs_over_unpunctuated_headline_lines() -> None:
    text = "TIN LIÊN QUAN\nBộ trưởng tiếp Đại sứ\nHai nước ký thỏa thuận\nSáng nay, đoàn đến."
    end = related_end(text, len("TIN LIÊN QUAN"))
    assert text[end:].lstrip().startswith("Sáng nay")
