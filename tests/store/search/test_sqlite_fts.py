"""FTS5 expressions built from parsed queries: quoted tokens only, exact alternatives, tiers."""

from __future__ import annotations

from daphuong.store.search.sqlite_fts import fts_expression, tier_expressions
from daphuong.text.query import parse_query


def test_plain_word_searches_folded_columns_only() -> None:
    assert fts_expression(parse_query("doi")) == '{title_f body_f} : "doi"'


def test_marked_word_adds_the_exact_columns() -> None:
    assert fts_expression(parse_query("đối")) == (
        '({title_f body_f} : "doi" OR {title_x body_x} : "đối")'
    )


def test_operators_exclusions_and_prefix() -> None:
    expr = fts_expression(parse_query('"ngoại giao" OR near* -hội'))
    assert expr == (
        '((({title_f body_f} : "ngoai giao" OR {title_x body_x} : "ngoại giao") OR '
        '{title_f body_f} : "near" *)) NOT ({title_x body_x} : "hội")'
    )


def test_tiers_for_exact_marks_and_adjacent_words() -> None:
    assert tier_expressions(parse_query("da phuong")) == ['{title_f body_f} : "da phuong"']
    assert tier_expressions(parse_query("đường")) == ['({title_x body_x} : "đường")']
    assert tier_expressions(parse_query('"x"')) == []
