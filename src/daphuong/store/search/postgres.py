"""PostgreSQL backend: one tsvector of folded, exact and meta lexemes per row, GIN index."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import cast, literal, text
from sqlalchemy.dialects.postgresql import TSQUERY
from sqlalchemy.orm import Session

from daphuong.domain.access import Principal
from daphuong.domain.search import FacetValue, ParsedQuery, SearchQuery, SearchResult
from daphuong.store.search.base import WINDOW, Plan
from daphuong.store.search.entities import MatchSource
from daphuong.store.search.facets import top_values
from daphuong.store.search.postgres_query import (
    base_tsquery,
    key_range,
    match_tsquery,
    match_where,
    score,
    tier_tsqueries,
    title_tsquery,
)
from daphuong.store.search.postgres_window import (
    DENSE_SHARE,
    bitmap,
    first_width,
    match_share,
    planned_rows,
    span,
    walk,
    walk_with,
)
from daphuong.store.search.postgres_writes import PostgresWrites
from daphuong.store.search.tables import ENTITIES

# Session.info keys for one search: the ts_rank_cd tsquery, and the window's relevance read
# with the ranking flags (so the levels' relevance needs no second read of the vectors).
RANK_QUERY = "daphuong.search.rank_query"
RANKS = "daphuong.search.ranks"
DOCUMENTS = "daphuong.search.documents"  # the planner's row count, read once a search
FLAGGED = "daphuong.search.flagged"  # (window, flag sets) when the walk evaluated the flags
# Key ranges holding more documents than this are not counted to the end (20,000 index
# entries cost about 1 ms; a count grows with the range): the planner's estimate instead.
EXACT_SPAN = 20_000
FACET_TOP = text(
    "SELECT facet, key, label, n FROM (SELECT v.facet, v.key, v.label, c.n, row_number() "
    'OVER (PARTITION BY v.facet ORDER BY c.n DESC, v.label COLLATE "C", v.key COLLATE "C") '
    "AS r FROM (SELECT value_id, count(*) AS n FROM search_facets "
    "WHERE doc_key = ANY(CAST(:keys AS bigint[])) GROUP BY value_id) AS c "
    "JOIN search_facet_values AS v ON v.id = c.value_id) AS t WHERE r <= :size"
)
SETTINGS = ", ".join(
    f"set_config('{name}', '{value}', true)"
    for name, value in (
        ("jit", "off"),
        ("enable_seqscan", "off"),
        ("max_parallel_workers_per_gather", "0"),
    )
)


def _flag_columns(flags: Sequence[object], rank: str | None) -> tuple[list[str], dict[str, object]]:
    """Each flag tested on the whole-row value `d`, then ts_rank_cd when ranking."""
    columns = [f"(d).vector @@ CAST(:f{i} AS tsquery)" for i in range(len(flags))]
    params: dict[str, object] = {f"f{i}": str(f) for i, f in enumerate(flags)}
    if rank is not None:
        columns.append("ts_rank_cd((d).vector, CAST(:rank AS tsquery))")
        params["rank"] = rank
    return columns, params


class PostgresSearchIndex(PostgresWrites):
    """tsvector columns on search_docs and search_entities, both with GIN indexes."""

    dialect = "postgresql"

    def _flags(self, parsed: ParsedQuery) -> list[str]:
        return [*tier_tsqueries(parsed), title_tsquery(parsed)]

    def search(self, session: Session, query: SearchQuery, who: Principal) -> SearchResult:
        """As the shared search, with planner settings fit for it (this transaction only).

        JIT compiling costs more than these reads take; after ANALYZE the planner
        misjudges many-lexeme tsqueries and scans every vector instead of the GIN index; and
        starting parallel workers costs more than a read of a key range takes.
        """
        session.execute(text(f"SELECT {SETTINGS}"))
        parsed = query.parsed
        session.info[RANK_QUERY] = None if parsed.is_empty else match_tsquery(parsed)
        try:
            return super().search(session, query, who)
        finally:
            for key in (RANK_QUERY, RANKS, DOCUMENTS, FLAGGED):
                session.info.pop(key, None)

    def _keys(self, session: Session, plan: Plan, n: int) -> list[int]:
        """Newest matches, by a key-order walk or GIN bitmaps, as the estimated share decides.

        Browsing with no filter (nothing to match) walks the key index backwards. A walk
        for a word search's window also evaluates the ranking flags and rank on its rows.
        """
        tsquery = base_tsquery(plan)
        where, params = match_where(plan, tsquery)
        keys = span(session, key_range(plan), params)
        if keys is None:
            return []
        if tsquery is None:
            return walk(session, where, params, keys, n)
        documents = self._doc_count(session, None, None)
        share = match_share(session, tsquery, documents)
        if share >= DENSE_SHARE and n == WINDOW and not plan.parsed.is_empty:
            flags = self._flags(plan.parsed)
            columns, extra = _flag_columns(flags, session.info.get(RANK_QUERY))
            rows = walk_with(session, where, {**params, **extra}, keys, n, columns)
            window = [int(row[0]) for row in rows]
            session.info[FLAGGED] = (window, self._collect(session, rows, len(flags)))
            return window
        if share >= DENSE_SHARE:
            return walk(session, where, params, keys, n)
        width = first_width(keys, share, documents, n)
        return bitmap(session, where, params, keys, n, width)

    def _doc_count(self, session: Session, low: int | None, high: int | None) -> int:
        """As the shared count, but the planner's estimate where counting would cost.

        The whole table: pg_class.reltuples, read once a search (the window and the
        estimate both ask). A key range holding more than EXACT_SPAN documents: the
        planner's expectation (the sort_key histogram), since counting visits every index
        entry of the range; these counts are only an estimate's terms.
        """
        if low is None and high is None:
            rows = session.info.get(DOCUMENTS)
            if rows is None:
                rows = session.info[DOCUMENTS] = session.scalar(
                    text("SELECT reltuples FROM pg_class WHERE oid = 'search_docs'::regclass")
                )
            if rows is not None and rows >= 0:  # -1: never analysed
                return int(rows)
            return super()._doc_count(session, low, high)
        conds = [
            c for c, k in (("sort_key >= :lo", low), ("sort_key < :hi", high)) if k is not None
        ]
        where, params = " AND ".join(conds), {"lo": low, "hi": high, "n": EXACT_SPAN + 1}
        counted = session.scalar(
            text(f"SELECT count(*) FROM (SELECT FROM search_docs WHERE {where} LIMIT :n) AS r"),
            params,
        )
        if counted is not None and counted <= EXACT_SPAN:
            return int(counted)
        return planned_rows(session, where, params)

    def _flag_keys(self, session: Session, flag: object, window: list[int]) -> set[int]:
        return self._flag_sets(session, [flag], window)[0]

    def _flag_sets(
        self, session: Session, flags: Sequence[object], window: list[int]
    ) -> list[set[int]]:
        """Every flag, and the window's relevance, in one read of the window's rows.

        PostgreSQL detoasts a vector again for each function it is passed to (a TOAST index
        probe and four chunk reads, about 6 µs a row); a whole-row value of the table is
        built with its vector detoasted once, so the flags and ts_rank_cd all read that copy.
        (One statement per flag let the planner start from the GIN index and recheck phrase
        flags on every document with the words, anywhere in the corpus.) A walk may have
        read them already.
        """
        if not flags:
            return []
        known = session.info.get(FLAGGED)
        if known is not None and known[0] == window:
            sets: list[set[int]] = known[1]
            return sets
        columns, params = _flag_columns(flags, session.info.get(RANK_QUERY))
        stmt = text(
            f"SELECT (d).sort_key, {', '.join(columns)} FROM (SELECT d FROM search_docs AS d "
            "WHERE sort_key = ANY(CAST(:keys AS bigint[])) OFFSET 0) AS w"
        )
        return self._collect(session, session.execute(stmt, {**params, "keys": window}), len(flags))

    def _collect(
        self, session: Session, rows: Iterable[Sequence[Any]], flags: int
    ) -> list[set[int]]:
        """Each flag's keys from (key, flag..., [rank]) rows; the ranks kept for the search."""
        sets: list[set[int]] = [set() for _ in range(flags)]
        ranks: dict[int, float] = {}
        for key, *held in rows:
            if len(held) > flags:
                ranks[int(key)] = float(held.pop())
            for found, on in zip(sets, held, strict=True):
                if on:
                    found.add(int(key))
        if session.info.get(RANK_QUERY) is not None:
            session.info[RANKS] = ranks
        return sets

    def _facet_counts(
        self, session: Session, keys: list[int], size: int, scale: float
    ) -> dict[str, list[FacetValue]]:
        """As the shared counts, but only each facet's top `size` values leave the server.

        (About 1,100 counted values a window at 100k: fetching them all cost 2 ms more.)
        The order is top_values' own, labels and keys by code point (UTF-8 byte order).
        """
        if not keys:
            return {}
        rows = session.execute(FACET_TOP, {"keys": keys, "size": size})
        return top_values([(f, k, label, int(n)) for f, k, label, n in rows], size, scale)

    def _count(self, session: Session, plan: Plan) -> int:
        where, params = match_where(plan, base_tsquery(plan))
        return int(
            session.scalar(text(f"SELECT count(*) FROM search_docs WHERE {where}"), params) or 0
        )

    def _relevance(
        self, session: Session, parsed: ParsedQuery, keys: list[int]
    ) -> dict[int, float]:
        # Cover density over the candidates only; no length normalization: meta lexemes
        # (visibility, facets) would count as words. Usually read with the flags already.
        if not keys:
            return {}
        known: dict[int, float] = session.info.get(RANKS) or {}
        if all(k in known for k in keys):
            return {k: known[k] for k in keys}
        stmt = text(
            "SELECT sort_key, ts_rank_cd(vector, CAST(:q AS tsquery)) FROM search_docs "
            "WHERE sort_key = ANY(CAST(:keys AS bigint[]))"
        )
        rows = session.execute(stmt, {"q": match_tsquery(parsed), "keys": keys})
        return {int(k): float(score) for k, score in rows}

    def _match_entities(self, parsed: ParsedQuery) -> MatchSource:
        query = cast(literal(match_tsquery(parsed)), TSQUERY)
        where = ENTITIES.c.vector.op("@@")(query)
        return MatchSource(ENTITIES, where, score(ENTITIES.c.vector, parsed))
