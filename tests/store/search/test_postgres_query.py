"""tsqueries built for PostgreSQL (pure string building)."""

from __future__ import annotations

from daphuong.domain.access import Principal, Role
from daphuong.store.search.base import Plan
from daphuong.store.search.meta import hidden_tokens, visible_tokens
from daphuong.store.search.postgres_query import (
    base_tsquery,
    match_tsquery,
    tier_tsqueries,
    title_tsquery,
)
from daphuong.text.query import parse_query


def test_match_and_tier_queries() -> None:
    parsed = parse_query('đa phương "cây tre" ngo* -hội')
    assert match_tsquery(parsed) == (
        "('da') & ('phuong') & ('cay' <-> 'tre') & ('ngo':*) & !('hội')"
    )
    assert tier_tsqueries(parsed) == [
        "(('đa')) & (('phương')) & (('cây' <-> 'tre')) & (('ngo':*))",
        "('da' <-> 'phuong')",
    ]


def test_meta_lexemes_cannot_be_spelled_by_a_query() -> None:
    viewer = Principal(user_id=1, org_id=4, role=Role.VIEWER)
    plan = Plan(parse_query("vpublic"), visible_tokens(viewer), ((3,),))
    assert base_tsquery(plan) == "(('vpublic')) & (('~vpublic') | ('~o4')) & (('~f3'))"
    assert base_tsquery(Plan(parse_query(""), None, ())) is None
    hidden = Plan(parse_query("vpublic"), visible_tokens(viewer), (), hidden=hidden_tokens(viewer))
    assert base_tsquery(hidden) == (
        "(('vpublic')) & !(('~vinternal' & !(('~o4'))) | ('~vshared' & !(('~o4'))))"
    )
    browse = Plan(parse_query(""), visible_tokens(viewer), (), hidden=hidden_tokens(viewer))
    assert base_tsquery(browse) == "(('~vpublic') | ('~o4'))"  # GIN needs a positive part
    assert title_tsquery(parse_query("hop tac*")) == "(('hop':A)) & (('tac':A*))"
