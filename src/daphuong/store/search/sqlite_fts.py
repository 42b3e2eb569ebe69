"""SQLite FTS5 backend: pre-folded and exact token streams, bm25 ranking with an exact boost."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Float, Integer, bindparam, text, true
from sqlalchemy.orm import Session

from daphuong.domain.search import AnyOf, Clause, Item, ParsedQuery, Phrase, Term
from daphuong.store.search.base import MatchSource, SqlSearchIndex
from daphuong.store.search.prepare import IndexedDocument
from daphuong.store.search.tables import DOCS, ENTITIES
from daphuong.text.analyze import Keys, fold_stream, tone_stream
from daphuong.text.query import adjacent_runs

# bm25 column weights (title_f, body_f, title_x, body_x): exact-diacritic hits outrank folded
# ones, and a title hit outranks a body hit.
_WEIGHTS = "3.0, 1.0, 12.0, 4.0"
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


def _scored_sql(table: str, weights: str, tiers: list[str]) -> str:
    lifts = "".join(
        f" + (CASE WHEN rowid IN (SELECT rowid FROM {table} WHERE {table} MATCH :t{i}) "
        f"THEN {TIER} ELSE 0 END)"
        for i in range(len(tiers))
    )
    return f"-bm25({table}, {weights}){lifts}"


class SqliteSearchIndex(SqlSearchIndex):
    """FTS5 tables search_fts (documents) and search_entity_fts (entity names)."""

    dialect = "sqlite"

    def _write_text(self, session: Session, docs: Sequence[IndexedDocument]) -> None:
        rows = [
            {
                "id": d.doc_id,
                "tf": fold_stream(d.title_keys),
                "bf": fold_stream(d.body_keys),
                "tx": tone_stream(d.title_keys),
                "bx": tone_stream(d.body_keys),
            }
            for d in docs
        ]
        session.execute(
            text(
                "INSERT INTO search_fts(rowid, title_f, body_f, title_x, body_x) "
                "VALUES (:id, :tf, :bf, :tx, :bx)"
            ),
            rows,
        )

    def _delete_text(self, session: Session, doc_ids: Sequence[int]) -> None:
        session.execute(
            text("DELETE FROM search_fts WHERE rowid IN :ids").bindparams(
                bindparam("ids", expanding=True)
            ),
            {"ids": list(doc_ids)},
        )

    def _match(self, parsed: ParsedQuery, *, scored: bool) -> MatchSource:
        tiers = tier_expressions(parsed) if scored else []
        score = _scored_sql("search_fts", _WEIGHTS, tiers) if scored else "0.0"
        matches = (
            text(
                f"SELECT rowid AS doc_id, {score} AS score FROM search_fts "
                "WHERE search_fts MATCH :q"
            )
            .bindparams(q=fts_expression(parsed), **{f"t{i}": t for i, t in enumerate(tiers)})
            .columns(doc_id=Integer, score=Float)
            .subquery("m")
        )
        joined = matches.join(DOCS, DOCS.c.doc_id == matches.c.doc_id)
        return MatchSource(joined, true(), matches.c.score)

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
