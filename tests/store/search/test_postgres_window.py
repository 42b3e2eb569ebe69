"""The PostgreSQL window read: walk and GIN bitmap give the same newest matches."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from daphuong.store.engine import Database
from daphuong.store.search import make_index
from daphuong.store.search.base import Plan
from daphuong.store.search.postgres_query import base_tsquery, key_range, match_where
from daphuong.store.search.postgres_window import (
    BITMAP,
    DENSE_SHARE,
    MARGIN,
    Span,
    _planned,
    bitmap,
    first_width,
    match_share,
    span,
    walk,
)
from daphuong.text.query import parse_query
from tests.store.search.helpers import add_doc

START = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def _corpus(db: Database, size: int) -> dict[int, str]:
    """Documents a day apart: every one about cooperation, every seventh about the islands."""
    index = make_index(db.dialect)
    texts: dict[int, str] = {}
    with db.transaction() as s:
        for day in range(size):
            body = f"Bản tin số {day}: hợp tác kinh tế giữa hai tỉnh"
            if day % 7 == 3:
                body += ", bàn về biển đảo và ngư dân"
            doc = add_doc(s, index, body, published=START + dt.timedelta(days=day))
            texts[doc] = body
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("ANALYZE search_docs"))
    return texts


def _both(db: Database, query: str, n: int, width: int) -> tuple[list[int], list[int]]:
    plan = Plan(parse_query(query), None, ())
    where, params = match_where(plan, base_tsquery(plan))
    with db.reader() as s:
        keys = span(s, key_range(plan), params)
        assert keys is not None
        return walk(s, where, params, keys, n), bitmap(s, where, params, keys, n, width)


@pytest.mark.postgres
@pytest.mark.parametrize(
    ("query", "n", "width"),
    [
        ("biển đảo", 3, 1),  # ranges far too narrow: many reads, each 4x wider
        ("bien dao", 50, 1 << 40),  # one read over everything, fewer matches than wanted
        ("hop tac", 5, 1 << 33),  # a common phrase, a first range of about two days
        ("hop tac -bien", 4, 1),
    ],
)
def test_walk_and_bitmap_return_the_same_newest_matches(
    pg_db: Database, query: str, n: int, width: int
) -> None:
    _corpus(pg_db, 40)
    walked, mapped = _both(pg_db, query, n, width)
    assert walked == mapped
    assert walked == sorted(walked, reverse=True)
    expected = 40 // 7 + 1 if "dao" in query or "đảo" in query else n
    assert len(walked) == min(n, expected)


@pytest.mark.postgres
def test_planner_share_separates_common_from_rare_words(pg_db: Database) -> None:
    _corpus(pg_db, 60)
    with pg_db.reader() as s:
        common = match_share(s, "'hop' <-> 'tac'", 60)
        rare = match_share(s, "'bien' <-> 'dao'", 60)
    assert common >= DENSE_SHARE > rare


def test_first_width_holds_the_margin_at_the_estimated_share() -> None:
    keys = Span(low=1_000, high=1_999, first=0, last=9_999)  # a tenth of the index
    # 100,000 documents, a tenth in range; one in 100 matches: 100 in range; n=10 wants 15.
    assert first_width(keys, 0.01, 100_000, 10) == int(1_000 * MARGIN * 10 / 100)
    assert first_width(keys, 0.0, 100_000, 10) == 1_000  # nothing known: the whole range


@pytest.mark.postgres
def test_plan_settings_last_for_the_read_only(pg_db: Database) -> None:
    _corpus(pg_db, 10)
    plan = Plan(parse_query("hop tac"), None, ())
    where, params = match_where(plan, base_tsquery(plan))
    with pg_db.reader() as s:
        keys = span(s, key_range(plan), params)
        assert keys is not None
        before = s.execute(text("SELECT name, setting FROM pg_settings ORDER BY name")).all()
        assert bitmap(s, where, params, keys, 3, 1) == walk(s, where, params, keys, 3)
        after = s.execute(text("SELECT name, setting FROM pg_settings ORDER BY name")).all()
    assert after == before


@pytest.mark.postgres
def test_plan_settings_restore_what_the_transaction_had_set(pg_db: Database) -> None:
    with pg_db.reader() as s:
        s.execute(text("SET LOCAL cpu_operator_cost = 0.01"))
        with _planned(s, BITMAP):
            inside = s.scalar(text("SELECT current_setting('cpu_operator_cost')"))
        after = [
            s.scalar(text("SELECT current_setting(:n)"), {"n": name})
            for name in ("cpu_operator_cost", "enable_indexscan")
        ]
    assert inside == BITMAP["cpu_operator_cost"]
    assert after == ["0.01", "on"]
