"""Tests for a body's term after a meeting's number."""

from __future__ import annotations

import pytest

from daphuong.pipeline.extract import gazetteer
from daphuong.pipeline.extract.name_terms import term_end
from daphuong.pipeline.extract.scan import Doc


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("khóa VI đã họp", "khóa VI"),
        ("khoá 15 đã họp", "khoá 15"),
        ("nhiệm kỳ 2022-2027 đã họp", "nhiệm kỳ 2022-2027"),
        ("nhiệm kỳ 2022 - 2027 đã họp", "nhiệm kỳ 2022 - 2027"),
        ("nhiệm kỳ 2024 đã họp", "nhiệm kỳ 2024"),
        ("khóa họp đã mở", ""),
        ("nhiệm kỳ mới", ""),
    ],
)
def test_term_end(text: str, term: str) -> None:
    doc = Doc.build(text, gazetteer.load())
    end = term_end(doc, 0)
    assert (text[: doc.tokens[end - 1].end] if end else "") == term
