"""SQLite FTS5 backend: pre-folded token streams, an exact-token set, meta tokens, levels."""

from __future__ import annotations

import json
from collections.abc import Sequence

from sqlalchemy import Float, Integer, bindparam, text, true
from sqlalchemy.orm import Session

from daphuong.domain.search import ParsedQuery
from daphuong.store.search.base import Plan, SqlSearchIndex
from daphuong.store.search.bm25 import bm25_scores
from daphuong.store.search.entities import MatchSource
from daphuong.store.search.exact import RowCondition, exact_level, exact_tokens, marked_exclusions
from daphuong.store.search.fts_expr import (
    adjacency_expression,
    base_expression,
    fts_expression,
    tier_expressions,
    title_expression,
)
from daphuong.store.search.meta import sort_key
from daphuong.store.search.prepare import IndexedDocument
from daphuong.store.search.tables import ENTITIES
from daphuong.text.analyze import Keys, fold_stream, tone_stream

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


class SqliteSearchIndex(SqlSearchIndex):
    """FTS5 tables search_fts (documents, rowid = sort key) and search_entity_fts (names)."""

    dialect = "sqlite"

    def _write_text(
        self, session: Session, docs: Sequence[IndexedDocument], metas: Sequence[list[str]]
    ) -> None:
        rows = [
            {
                "id": sort_key(d.published, d.doc_id),
                "tf": " ".join(d.title.fold),
                "bf": " ".join(d.body.fold),
                "x": exact_tokens(d.title.fold, d.body.fold, [*d.title.tone, *d.body.tone]),
                "m": " ".join(meta),
            }
            for d, meta in zip(docs, metas, strict=True)
        ]
        session.execute(
            text(
                "INSERT INTO search_fts(rowid, title_f, body_f, exact, meta) "
                "VALUES (:id, :tf, :bf, :x, :m)"
            ),
            rows,
        )

    def _delete_text(self, session: Session, keys: Sequence[int]) -> None:
        session.execute(
            text("DELETE FROM search_fts WHERE rowid IN :keys").bindparams(
                bindparam("keys", expanding=True)
            ),
            {"keys": list(keys)},
        )

    def _rewrite_meta(self, session: Session, key: int, old: list[str], new: list[str]) -> None:
        session.execute(
            text("UPDATE search_fts SET meta = :m WHERE rowid = :k"), {"m": " ".join(new), "k": key}
        )

    def _flags(self, parsed: ParsedQuery) -> list[Flag]:
        exact, adjacent = exact_level(parsed), adjacency_expression(parsed)
        return [
            *([exact] if exact else []),
            *([adjacent] if adjacent else []),
            title_expression(parsed),
        ]

    def _keys(self, session: Session, plan: Plan, n: int) -> list[int]:
        where, params = _where(plan)
        stmt = text(f"SELECT rowid FROM search_fts WHERE {where} ORDER BY rowid DESC LIMIT :n")
        return list(session.scalars(stmt, {**params, "n": n}))

    def _flag_keys(self, session: Session, flag: object, window: list[int]) -> set[int]:
        if isinstance(flag, RowCondition):
            # The window's stored exact sets, looked up by rowid.
            stmt = text(
                "SELECT rowid FROM search_fts WHERE rowid IN "
                f"(SELECT value FROM json_each(:keys)) AND {flag.sql}"
            )
            return set(session.scalars(stmt, {"keys": json.dumps(window), **flag.params}))
        # Ascending from the window's oldest key: FTS5 seeks there and stops at the end.
        # (Descending with a lower bound would search past it for the next match of a
        # sparse flag.)
        stmt = text("SELECT rowid FROM search_fts WHERE search_fts MATCH :q AND rowid >= :lo")
        return set(session.scalars(stmt, {"q": flag, "lo": window[-1]}))

    def _count(self, session: Session, plan: Plan) -> int:
        where, params = _where(plan)
        stmt = text(f"SELECT count(*) FROM search_fts WHERE {where}")
        return int(session.scalar(stmt, params) or 0)

    def _relevance(
        self, session: Session, parsed: ParsedQuery, keys: list[int]
    ) -> dict[int, float]:
        # The stored folded streams of the candidates (rowid lookups, no posting-list scan).
        if not keys:
            return {}
        stmt = text(
            "SELECT rowid, title_f, body_f FROM search_fts "
            "WHERE rowid IN (SELECT value FROM json_each(:keys))"
        )
        rows = session.execute(stmt, {"keys": json.dumps(keys)})
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
