"""The PostgreSQL search: flags and relevance read together, per-search state cleared."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from daphuong.domain.access import Principal, Role
from daphuong.domain.search import SearchQuery
from daphuong.store.engine import Database
from daphuong.store.search import facets as facet_store
from daphuong.store.search import postgres
from daphuong.store.search.base import WINDOW
from daphuong.store.search.postgres import (
    DOCUMENTS,
    FLAGGED,
    RANK_QUERY,
    RANKS,
    PostgresSearchIndex,
)
from daphuong.store.search.postgres_query import match_tsquery
from daphuong.text.query import parse_query
from tests.store.search.helpers import add_doc

START = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
BODIES = [
    "Hợp tác kinh tế giữa hai tỉnh, hợp tác lâu dài",
    "Kinh tế biển và hợp tác nghề cá",
    "Hop tac dau tu: kinh te so",
    "Tác động của hợp đồng kinh tế",
    "Kinh tế hợp tác xã nông nghiệp, hợp tác xã thủy sản",
]


def _corpus(db: Database) -> PostgresSearchIndex:
    index = PostgresSearchIndex()
    with db.transaction() as s:
        for day, body in enumerate(BODIES):
            title = "Hợp tác kinh tế" if day % 2 == 0 else None
            add_doc(s, index, body, title=title, published=START + dt.timedelta(days=day))
    return index


@pytest.mark.postgres
@pytest.mark.parametrize("query", ["hợp tác kinh tế", "hop tac", "kinh te -bien", '"hợp tác"'])
def test_flags_and_relevance_read_together_match_separate_reads(
    pg_db: Database, query: str
) -> None:
    index = _corpus(pg_db)
    parsed = parse_query(query)
    flags = index._flags(parsed)
    with pg_db.reader() as s:
        window = list(s.scalars(text("SELECT sort_key FROM search_docs ORDER BY 1 DESC")))
        s.info[RANK_QUERY] = match_tsquery(parsed)
        sets = index._flag_sets(s, flags, window)
        together = index._relevance(s, parsed, window)
        del s.info[RANK_QUERY], s.info[RANKS]
        alone = index._relevance(s, parsed, window)
        for flag, found in zip(flags, sets, strict=True):
            expected = s.scalars(
                text("SELECT sort_key FROM search_docs WHERE vector @@ CAST(:f AS tsquery)"),
                {"f": flag},
            )
            assert found == set(expected)
    assert together == pytest.approx(alone)
    assert any(together.values())


@pytest.mark.postgres
def test_a_search_leaves_no_state_on_the_session(pg_db: Database) -> None:
    index = _corpus(pg_db)
    who = Principal(user_id=1, org_id=1, role=Role.VIEWER)
    with pg_db.reader() as s:
        result = index.search(s, SearchQuery(parse_query("hợp tác")), who)
        assert not {RANK_QUERY, RANKS, DOCUMENTS, FLAGGED} & set(s.info)
        assert s.scalar(text("SELECT current_setting('max_parallel_workers_per_gather')")) == "0"
    assert result.total == len(BODIES)  # every body has both words somewhere


@pytest.mark.postgres
def test_wide_key_ranges_are_the_planners_estimate_narrow_ones_counted(
    pg_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = _corpus(pg_db)
    with pg_db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("ANALYZE search_docs"))
    with pg_db.reader() as s:
        keys = sorted(s.scalars(text("SELECT sort_key FROM search_docs")))
        counted = index._doc_count(s, keys[1], keys[-1])
        monkeypatch.setattr(postgres, "EXACT_SPAN", 0)
        planned = index._doc_count(s, keys[1], keys[-1])
    assert counted == len(BODIES) - 2
    assert planned == pytest.approx(counted, abs=1)


@pytest.mark.postgres
def test_a_walk_reads_the_same_flags_and_ranks_as_a_read_by_key(pg_db: Database) -> None:
    index = _corpus(pg_db)
    parsed = parse_query("hợp tác kinh tế")
    flags = index._flags(parsed)
    with pg_db.reader() as s:
        s.info[RANK_QUERY] = match_tsquery(parsed)
        plan = index._plan(s, SearchQuery(parsed), Principal(user_id=1, org_id=1, role=Role.VIEWER))
        window = index._keys(s, plan, WINDOW)  # every document has the words: a walk
        walked = s.info.pop(FLAGGED)[1], s.info.pop(RANKS)
        read = index._flag_sets(s, flags, window), s.info.pop(RANKS)
    assert len(window) == len(BODIES)
    assert walked[0] == read[0]
    assert walked[1] == pytest.approx(read[1])


@pytest.mark.postgres
def test_facet_tops_from_the_server_match_the_shared_counts(pg_db: Database) -> None:
    index = PostgresSearchIndex()
    outlets = ["Ánh Dương", "Anh Đào", "Zeta", "Ánh Dương", "Anh Đào", "Zeta", "Zeta"]
    with pg_db.transaction() as s:
        for day, outlet in enumerate(outlets):
            published = START + dt.timedelta(days=day * 200)
            add_doc(s, index, f"Bản tin {day}", outlet=outlet, published=published)
    with pg_db.reader() as s:
        keys = list(s.scalars(text("SELECT sort_key FROM search_docs")))
        for size in (1, 2, 10):
            assert index._facet_counts(s, keys, size, 1.5) == facet_store.count(s, keys, size, 1.5)
        top = index._facet_counts(s, keys, 2, 1.0)["outlet"]
    assert [v.label for v in top] == ["Zeta", "Anh Đào"]  # ties by code point: A before Á


@pytest.mark.postgres
def test_a_filtered_browse_walks_without_flags(pg_db: Database) -> None:
    index = _corpus(pg_db)
    who = Principal(user_id=1, org_id=1, role=Role.VIEWER)
    with pg_db.reader() as s:
        plan = index._plan(s, SearchQuery(parse_query("")), who)  # visibility: a tsquery
        window = index._keys(s, plan, WINDOW)
        assert FLAGGED not in s.info
    assert len(window) == len(BODIES)
