"""FTS5 expressions built from parsed queries: quoted tokens only, exact alternatives, tiers."""

from __future__ import annotations

from daphuong.domain.access import Principal, Role
from daphuong.store.search.base import Plan
from daphuong.store.search.meta import visible_tokens
from daphuong.store.search.sqlite_fts import (
    base_expression,
    fts_expression,
    tier_expressions,
    title_expression,
)
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


def test_base_expression_adds_visibility_and_filter_tokens_on_the_meta_column() -> None:
    viewer = Principal(user_id=1, org_id=4, role=Role.VIEWER)
    plan = Plan(parse_query("doi"), visible_tokens(viewer), ((7, 9),))
    assert base_expression(plan) == (
        '({title_f body_f} : "doi") AND {meta} : (("vpublic") OR ("o4")) '
        'AND {meta} : (("f7") OR ("f9"))'
    )
    browse = Plan(parse_query(""), None, ())
    assert base_expression(browse) == '{meta} : "any"'


def test_title_flag_needs_every_item_in_the_title() -> None:
    assert title_expression(parse_query("hop tac OR ket")) == (
        '({title_f} : "hop") AND ({title_f} : "tac" OR {title_f} : "ket")'
    )
