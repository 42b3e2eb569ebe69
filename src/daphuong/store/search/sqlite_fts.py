"""SQLite FTS5 backend: pre-folded and exact token streams, meta tokens, newest-first levels."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Float, Integer, bindparam, text, true
from sqlalchemy.orm import Session

from daphuong.domain.search import AnyOf, Clause, Item, ParsedQuery, Phrase, Term
from daphuong.store.search.base import Plan, SqlSearchIndex
from daphuong.store.search.bm25 import bm25_scores
from daphuong.store.search.entities import MatchSource
from daphuong.store.search.meta import ANY, facet_token, sort_key
from daphuong.store.search.prepare import IndexedDocument
from daphuong.store.search.tables import ENTITIES
from daphuong.text.analyze import Keys, fold_stream, tone_stream
from daphuong.text.query import adjacent_runs

_FOLD = "{title_f body_f}"
# Added per tier a document reaches; far above any bm25 value, so tiers never interleave.
TIER = 1000.0
_EXACT = "{title_x body_x}"


def _quoted(words: Sequence[str], prefix: bool) -> str:
    # Tokens are letters and digits only, so quoting cannot be escaped out of; FTS5 reads
    # everything inside quotes literally (NEAR, AND, * are plain words there).
    return '"' + " ".join(words) + '"' + (" *" if prefix else "")


def _terms(clause: Clause) -> tuple[Term, ...]:
    return clause.terms if isinstance(clause, Phrase) else (clause,)


def clause_expr(clause: Clause, fold_cols: str = _FOLD, exact_cols: str = _EXACT) -> str:
    """A term or phrase on the folded columns, OR the exact columns when diacritics were typed."""
    terms = _terms(clause)
    prefix = terms[-1].prefix
    folded = f"{fold_cols} : {_quoted([t.fold for t in terms], prefix)}"
    if not any(t.has_marks for t in terms):
        return folded
    # Same documents either way (an exact token always has its folded twin); bm25 adds the
    # exact hits, which is what ranks the diacritics the user typed first.
    exact = f"{exact_cols} : {_quoted([t.tone for t in terms], prefix)}"
    return f"({folded} OR {exact})"


def _item_expr(item: Item, fold_cols: str, exact_cols: str) -> str:
    if isinstance(item, AnyOf):
        return "(" + " OR ".join(clause_expr(c, fold_cols, exact_cols) for c in item.options) + ")"
    return clause_expr(item, fold_cols, exact_cols)


def _only(clause: Clause, cols: str, *, exact: bool) -> str:
    terms = _terms(clause)
    words = [t.tone if exact else t.fold for t in terms]
    return f"{cols} : {_quoted(words, terms[-1].prefix)}"


def _has_marks(clause: Clause) -> bool:
    return any(t.has_marks for t in _terms(clause))


def fts_expression(parsed: ParsedQuery, fold_cols: str = _FOLD, exact_cols: str = _EXACT) -> str:
    """The FTS5 MATCH expression deciding which documents match."""
    expr = " AND ".join(_item_expr(i, fold_cols, exact_cols) for i in parsed.required)
    if parsed.excluded:
        # -hội typed with marks excludes hội only, not hỏi or hơi; -hoi excludes them all.
        banned = " OR ".join(
            _only(c, exact_cols if _has_marks(c) else fold_cols, exact=_has_marks(c))
            for c in parsed.excluded
        )
        expr = f"({expr}) NOT ({banned})"
    return expr


def _tier_item(item: Item, fold_cols: str, exact_cols: str) -> str:
    options = item.options if isinstance(item, AnyOf) else (item,)
    parts = [
        _only(c, exact_cols if _has_marks(c) else fold_cols, exact=_has_marks(c)) for c in options
    ]
    return "(" + " OR ".join(parts) + ")"


def tier_expressions(
    parsed: ParsedQuery, fold_cols: str = _FOLD, exact_cols: str = _EXACT
) -> list[str]:
    """Expressions that lift a document a tier: every typed diacritic exact; words adjacent."""
    tiers: list[str] = []
    if any(_has_marks(c) for c in parsed.positive_clauses()):
        tiers.append(" AND ".join(_tier_item(i, fold_cols, exact_cols) for i in parsed.required))
    runs = adjacent_runs(parsed)
    if runs:
        tiers.append(" AND ".join(_only(Phrase(r), fold_cols, exact=False) for r in runs))
    return tiers


def title_expression(parsed: ParsedQuery, title_cols: str = "{title_f}") -> str:
    """Every required item occurs in the title (folded)."""
    parts = []
    for item in parsed.required:
        options = item.options if isinstance(item, AnyOf) else (item,)
        parts.append("(" + " OR ".join(_only(c, title_cols, exact=False) for c in options) + ")")
    return " AND ".join(parts)


def _meta_any(groups: Sequence[Sequence[str]]) -> str:
    ors = " OR ".join("(" + " AND ".join(f'"{t}"' for t in g) + ")" for g in groups)
    return f"{{meta}} : ({ors})"


def base_expression(plan: Plan) -> str:
    """The text match AND the visibility rule AND the facet filters, as one MATCH."""
    parts = [
        f"({fts_expression(plan.parsed)})" if not plan.parsed.is_empty else f'{{meta}} : "{ANY}"'
    ]
    if plan.visible is not None:
        parts.append(_meta_any(plan.visible))
    parts.extend(_meta_any([(facet_token(v),) for v in ids]) for ids in plan.facet_ids)
    return " AND ".join(parts)


def _range(plan: Plan) -> tuple[str, dict[str, int]]:
    sql, params = "", {}
    if plan.low is not None:
        sql, params["lo"] = sql + " AND rowid >= :lo", plan.low
    if plan.high is not None:
        sql, params["hi"] = sql + " AND rowid < :hi", plan.high
    return sql, params


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
                "tx": " ".join(d.title.tone),
                "bx": " ".join(d.body.tone),
                "m": " ".join(meta),
            }
            for d, meta in zip(docs, metas, strict=True)
        ]
        session.execute(
            text(
                "INSERT INTO search_fts(rowid, title_f, body_f, title_x, body_x, meta) "
                "VALUES (:id, :tf, :bf, :tx, :bx, :m)"
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

    def _flags(self, parsed: ParsedQuery) -> list[str]:
        return [*tier_expressions(parsed), title_expression(parsed)]

    def _keys(self, session: Session, plan: Plan, n: int) -> list[int]:
        where, params = _range(plan)
        stmt = text(
            f"SELECT rowid FROM search_fts WHERE search_fts MATCH :q{where} "
            "ORDER BY rowid DESC LIMIT :n"
        )
        return list(session.scalars(stmt, {"q": base_expression(plan), "n": n, **params}))

    def _flag_keys(self, session: Session, flag: str, low: int) -> set[int]:
        # Ascending from `low`: FTS5 seeks there and stops at the end. (Descending with a
        # lower bound would search past it for the next match of a sparse flag.)
        stmt = text("SELECT rowid FROM search_fts WHERE search_fts MATCH :q AND rowid >= :lo")
        return set(session.scalars(stmt, {"q": flag, "lo": low}))

    def _count(self, session: Session, plan: Plan) -> int:
        where, params = _range(plan)
        stmt = text(f"SELECT count(*) FROM search_fts WHERE search_fts MATCH :q{where}")
        return int(session.scalar(stmt, {"q": base_expression(plan), **params}) or 0)

    def _relevance(
        self, session: Session, parsed: ParsedQuery, keys: list[int]
    ) -> dict[int, float]:
        # The stored folded streams of the candidates (rowid lookups, no posting-list scan).
        if not keys:
            return {}
        stmt = text("SELECT rowid, title_f, body_f FROM search_fts WHERE rowid IN :keys")
        stmt = stmt.bindparams(bindparam("keys", expanding=True))
        rows = session.execute(stmt, {"keys": keys})
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
                q=fts_expression(parsed, *cols), **{f"t{i}": t for i, t in enumerate(tiers)}
            )
            .columns(entity_id=Integer, score=Float)
            .subquery("em")
        )
        joined = matches.join(ENTITIES, ENTITIES.c.entity_id == matches.c.entity_id)
        return MatchSource(joined, true(), matches.c.score)
