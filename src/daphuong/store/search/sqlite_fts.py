"""SQLite FTS5 backend: pre-folded token streams, an exact-token set, meta tokens, levels."""

from __future__ import annotations

import json
from collections.abc import Sequence

from sqlalchemy import Float, Integer, text, true
from sqlalchemy.orm import Session

from daphuong.domain.access import Principal
from daphuong.domain.search import FacetValue, ParsedQuery, SearchQuery, SearchResult
from daphuong.store.search import facets as facet_store
from daphuong.store.search.base import Plan
from daphuong.store.search.bm25 import bm25_scores
from daphuong.store.search.entities import MatchSource
from daphuong.store.search.exact import RowCondition, exact_level, marked_exclusions
from daphuong.store.search.fts_expr import (
    adjacency_expression,
    base_expression,
    fts_expression,
    tier_expressions,
    title_expression,
)
from daphuong.store.search.sqlite_reads import doc_count, read, tune
from daphuong.store.search.sqlite_writes import SqliteWrites
from daphuong.store.search.tables import ENTITIES
from daphuong.text.analyze import Keys, fold_stream, tone_stream

# search_fts's stored columns, read by rowid from FTS5's content table (a plain rowid table)
# rather than through the virtual table: a lookup through FTS5 cost 3-4x as much.
CONTENT = "(SELECT id AS rowid, c0 AS title_f, c1 AS body_f, c2 AS exact FROM search_fts_content)"
# Facet counts over the window as one prepared text statement: building the same query
# with Core cost about a millisecond a search (construction and its cache key).
FACET_COUNTS = (
    "SELECT v.facet, v.key, v.label, c.n FROM search_facet_values AS v JOIN "
    "(SELECT value_id, count(*) AS n FROM search_facets "
    "WHERE doc_key IN (SELECT value FROM json_each(:keys)) GROUP BY value_id) AS c "
    "ON c.value_id = v.id"
)
# Added per tier a name reaches; far above any bm25 value, so tiers never interleave.
TIER = 1000.0
# A ranking flag: an FTS5 MATCH over the folded columns, or a condition on stored columns.
Flag = str | RowCondition


def _range(plan: Plan) -> tuple[str, dict[str, object]]:
    sql, params = "", dict[str, object]()
    if plan.low is not None:
        sql, params["lo"] = sql + " AND rowid >= :lo", plan.low
    if plan.high is not None:
        sql, params["hi"] = sql + " AND rowid < :hi", plan.high
    return sql, params


def _where(plan: Plan) -> tuple[str, dict[str, object]]:
    """MATCH, key range and the exclusions typed with marks, with their parameters."""
    where, params = _range(plan)
    params["q"] = base_expression(plan.parsed, plan.hidden, plan.facet_ids)
    banned = marked_exclusions(plan.parsed)
    if banned is not None:
        where += f" AND {banned.sql}"
        params.update(banned.params)
    return "search_fts MATCH :q" + where, params


def _scored_sql(table: str, weights: str, tiers: list[str]) -> str:
    lifts = "".join(
        f" + (CASE WHEN rowid IN (SELECT rowid FROM {table} WHERE {table} MATCH :t{i}) "
        f"THEN {TIER} ELSE 0 END)"
        for i in range(len(tiers))
    )
    return f"-bm25({table}, {weights}){lifts}"


class SqliteSearchIndex(SqliteWrites):
    """FTS5 tables search_fts (documents, rowid = sort key) and search_entity_fts (names).

    Reads end in .all(): iterating a result fetches row by row, a driver call per key.
    """

    dialect = "sqlite"

    def search(self, session: Session, query: SearchQuery, who: Principal) -> SearchResult:
        """Page of hits, total and facets; all three restricted to what `who` may see."""
        tune(session)
        return super().search(session, query, who)

    def _flags(self, parsed: ParsedQuery) -> list[Flag]:
        exact, adjacent = exact_level(parsed), adjacency_expression(parsed)
        return [
            *([exact] if exact else []),
            *([adjacent] if adjacent else []),
            title_expression(parsed),
        ]

    def _keys(self, session: Session, plan: Plan, n: int) -> list[int]:
        where, params = _where(plan)
        sql = f"SELECT rowid FROM search_fts WHERE {where} ORDER BY rowid DESC LIMIT :n"
        return [k for (k,) in read(session, sql, {**params, "n": n})]

    def _flag_keys(self, session: Session, flag: object, window: list[int]) -> set[int]:
        if isinstance(flag, RowCondition):
            # The window's stored exact sets (and streams, for a marked phrase) by rowid, as
            # bytes (no decoding), space-padded here (padding them in SQL cost more) and
            # tested in Python.
            columns = "".join(f", CAST({c} AS BLOB)" for c in flag.columns)
            sql = (
                f"SELECT rowid{columns} FROM {CONTENT} "
                "WHERE rowid IN (SELECT value FROM json_each(:keys))"
            )
            rows = read(session, sql, {"keys": json.dumps(window)})
            check, names = flag.check, flag.columns
            if len(names) == 1:  # the usual case: the exact set alone, no zip per row
                (name,) = names
                return {k for k, v in rows if check({name: b" " + (v or b"") + b" "})}
            return {
                row[0]
                for row in rows
                if check({c: b" " + (v or b"") + b" " for c, v in zip(names, row[1:], strict=True)})
            }
        # Ascending from the window's oldest key: FTS5 seeks there and stops at the end.
        # (Descending with a lower bound would search past it for the next match of a
        # sparse flag.)
        sql = "SELECT rowid FROM search_fts WHERE search_fts MATCH :q AND rowid >= :lo"
        return {k for (k,) in read(session, sql, {"q": flag, "lo": window[-1]})}

    def _facet_counts(
        self, session: Session, keys: list[int], size: int, scale: float
    ) -> dict[str, list[FacetValue]]:
        if not keys:
            return {}
        rows = read(session, FACET_COUNTS, {"keys": json.dumps(keys)})
        return facet_store.top_values([(f, k, lb, int(n)) for f, k, lb, n in rows], size, scale)

    def _count(self, session: Session, plan: Plan) -> int:
        where, params = _where(plan)
        return int(read(session, f"SELECT count(*) FROM search_fts WHERE {where}", params)[0][0])

    def _doc_count(self, session: Session, low: int | None, high: int | None) -> int:
        return doc_count(session, low, high)

    def _relevance(
        self, session: Session, parsed: ParsedQuery, keys: list[int]
    ) -> dict[int, float]:
        # The stored folded streams of the candidates (rowid lookups, no posting-list scan).
        if not keys:
            return {}
        sql = (
            f"SELECT rowid, title_f, body_f FROM {CONTENT} "
            "WHERE rowid IN (SELECT value FROM json_each(:keys))"
        )
        rows = read(session, sql, {"keys": json.dumps(keys)})
        return bm25_scores({k: (t or "", b or "") for k, t, b in rows}, parsed)

    def _write_entity_text(
        self, session: Session, entity_id: int, names: Sequence[list[Keys]]
    ) -> None:
        # Names are separated by a token no query produces, so phrases cannot span two names.
        folded = " zzsep ".join(fold_stream(n) for n in names)
        toned = " zzsep ".join(tone_stream(n) for n in names)
        session.execute(
            text("INSERT INTO search_entity_fts(rowid, names_f, names_x) VALUES (:id, :f, :x)"),
            {"id": entity_id, "f": folded, "x": toned},
        )

    def _delete_entity_text(self, session: Session, entity_id: int) -> None:
        session.execute(text("DELETE FROM search_entity_fts WHERE rowid = :id"), {"id": entity_id})

    def _match_entities(self, parsed: ParsedQuery) -> MatchSource:
        cols = ("{names_f}", "{names_x}")
        tiers = tier_expressions(parsed, *cols)
        score = _scored_sql("search_entity_fts", "1.0, 4.0", tiers)
        matches = (
            text(
                f"SELECT rowid AS entity_id, {score} AS score "
                "FROM search_entity_fts WHERE search_entity_fts MATCH :q"
            )
            .bindparams(
                q=fts_expression(parsed, *cols, exact_alternatives=True),
                **{f"t{i}": t for i, t in enumerate(tiers)},
            )
            .columns(entity_id=Integer, score=Float)
            .subquery("em")
        )
        joined = matches.join(ENTITIES, ENTITIES.c.entity_id == matches.c.entity_id)
        return MatchSource(joined, true(), matches.c.score)
