"""Sort keys order newest first; meta tokens carry exactly the visibility rule."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from daphuong.domain.access import Principal, Role
from daphuong.domain.document import Visibility
from daphuong.store.search.meta import (
    day_key,
    doc_id_of,
    doc_tokens,
    hidden_tokens,
    level_groups,
    level_score,
    sort_key,
    visible_tokens,
)


def test_sort_key_orders_by_published_then_id_and_undated_last() -> None:
    older = sort_key(dt.datetime(2020, 5, 1, 8, 0), 900)
    newer = sort_key(dt.datetime(2020, 5, 1, 8, 1, tzinfo=dt.UTC), 3)
    same_minute = sort_key(dt.datetime(2020, 5, 1, 8, 1, 30, tzinfo=dt.UTC), 4)
    undated = sort_key(None, 10**6)
    ancient = sort_key(dt.datetime(1, 1, 1, tzinfo=dt.UTC), 5)
    assert undated < ancient < older < newer < same_minute
    assert [doc_id_of(k) for k in (older, newer, undated, ancient)] == [900, 3, 10**6, 5]


def test_day_key_bounds_the_documents_of_a_day() -> None:
    day = dt.date(2024, 3, 1)
    inside = sort_key(dt.datetime(2024, 3, 1, 23, 59, tzinfo=dt.UTC), 7)
    before = sort_key(dt.datetime(2024, 2, 29, 23, 59, tzinfo=dt.UTC), 7)
    assert before < day_key(day) <= inside < day_key(dt.date(2024, 3, 2))


def test_sort_key_refuses_ids_that_do_not_fit() -> None:
    with pytest.raises(ValueError, match="does not fit"):
        sort_key(None, 2**32)


PRINCIPALS = [
    Principal.anonymous(),
    Principal(user_id=1, org_id=1, role=Role.VIEWER),
    Principal(user_id=2, org_id=2, role=Role.EDITOR, partner_of=frozenset({1, 3})),
    Principal(user_id=3, org_id=None, role=Role.COORDINATOR),
    Principal(user_id=4, role=Role.VIEWER, partner_of=frozenset({3})),
    Principal(user_id=5, role=Role.ADMIN),
]


@pytest.mark.parametrize("who", PRINCIPALS)
def test_visible_tokens_agree_with_can_see(who: Principal) -> None:
    allowed = visible_tokens(who)
    for visibility, owner in itertools.product(Visibility, (None, 1, 2, 3)):
        tokens = set(doc_tokens(visibility.value, owner, [11, 12]))
        seen = allowed is None or any(set(group) <= tokens for group in allowed)
        assert seen == who.can_see(visibility, owner), (visibility, owner)


@pytest.mark.parametrize("who", PRINCIPALS)
def test_hidden_tokens_hide_exactly_what_can_see_refuses(who: Principal) -> None:
    hidden = hidden_tokens(who)
    for visibility, owner in itertools.product(Visibility, (None, 1, 2, 3)):
        tokens = set(doc_tokens(visibility.value, owner, [11, 12]))
        rules = hidden or []
        out = any(tok in tokens and not tokens.intersection(exc) for tok, exc in rules)
        assert out == (not who.can_see(visibility, owner)), (visibility, owner)


def test_levels_run_from_all_flags_to_none_first_flag_heaviest() -> None:
    groups = level_groups(2)
    assert groups == [(True, True), (True, False), (False, True), (False, False)]
    assert [level_score(g) for g in groups] == [3.0, 2.0, 1.0, 0.0]
    assert level_groups(0) == [()]
