"""PostgreSQL backend: one tsvector of folded and exact lexemes per row, GIN index, ts_rank."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import ColumnElement, bindparam, case, cast, func, insert, literal, update
from sqlalchemy.dialects.postgresql import TSQUERY, TSVECTOR
from sqlalchemy.orm import Session

from daphuong.domain.search import AnyOf, Clause, Item, ParsedQuery, Phrase
from daphuong.store.search.base import MatchSource, SqlSearchIndex
from daphuong.store.search.prepare import IndexedDocument
from daphuong.store.search.tables import DOCS, ENTITIES
from daphuong.text.analyze import Keys
from daphuong.text.query import adjacent_runs

MAX_POSITION = 16383  # PostgreSQL's limit; later positions collapse onto it
MAX_POSITIONS_PER_LEXEME = 256  # PostgreSQL keeps at most this many
_GAP = 2  # positions left empty between title and body (and between names) so phrases stop
# Added per tier a row reaches; ts_rank stays far below, so tiers never interleave.
TIER = 1000.0


def _lexeme(word: str) -> str:
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector_literal(streams: Sequence[tuple[Sequence[Keys], str]]) -> str:
    """A tsvector literal: each token's folded and (if different) exact key at its position."""
    positions: dict[str, list[str]] = defaultdict(list)
    pos = 1
    for keys, weight in streams:
        for fold, tone in keys:
            at = f"{min(pos, MAX_POSITION)}{weight}"
            for key in {fold, tone}:
                if len(positions[key]) < MAX_POSITIONS_PER_LEXEME:
                    positions[key].append(at)
            pos += 1
        pos += _GAP
    return " ".join(f"{_lexeme(k)}:{','.join(v)}" for k, v in positions.items())


def _clause(clause: Clause, *, exact: bool) -> str:
    terms = clause.terms if isinstance(clause, Phrase) else (clause,)
    words = [_lexeme(t.tone if exact else t.fold) for t in terms]
    if terms[-1].prefix:
        words[-1] += ":*"
    return "(" + " <-> ".join(words) + ")"


def _has_marks(clause: Clause) -> bool:
    return any(t.has_marks for t in (clause.terms if isinstance(clause, Phrase) else (clause,)))


def _item(item: Item) -> str:
    if isinstance(item, AnyOf):
        return "(" + " | ".join(_clause(c, exact=False) for c in item.options) + ")"
    return _clause(item, exact=False)


def match_tsquery(parsed: ParsedQuery) -> str:
    """The tsquery that decides which rows match (folded keys only)."""
    expr = " & ".join(_item(i) for i in parsed.required)
    for clause in parsed.excluded:
        # -hội typed with marks excludes hội only, not hỏi or hơi; -hoi excludes them all.
        expr += f" & !{_clause(clause, exact=_has_marks(clause))}"
    return expr


def _tier_item(item: Item) -> str:
    options = item.options if isinstance(item, AnyOf) else (item,)
    return "(" + " | ".join(_clause(c, exact=_has_marks(c)) for c in options) + ")"


def tier_tsqueries(parsed: ParsedQuery) -> list[str]:
    """Queries that lift a row a tier: every typed diacritic exact; typed words adjacent."""
    tiers: list[str] = []
    if any(_has_marks(c) for c in parsed.positive_clauses()):
        tiers.append(" & ".join(_tier_item(i) for i in parsed.required))
    runs = adjacent_runs(parsed)
    if runs:
        tiers.append(" & ".join(_clause(Phrase(r), exact=False) for r in runs))
    return tiers


def _score(vector: ColumnElement[str], parsed: ParsedQuery) -> ColumnElement[float]:
    query = cast(literal(match_tsquery(parsed)), TSQUERY)
    score: ColumnElement[float] = func.ts_rank(vector, query)
    for tier in tier_tsqueries(parsed):
        lifted = vector.op("@@")(cast(literal(tier), TSQUERY))
        score = score + case((lifted, TIER), else_=0.0)
    return score


class PostgresSearchIndex(SqlSearchIndex):
    """tsvector columns on search_docs and search_entities, both with GIN indexes."""

    dialect = "postgresql"

    def _insert_docs(self, session: Session, docs: Sequence[IndexedDocument]) -> None:
        """Insert rows with their tsvector in one statement."""
        rows = [
            {
                **self._doc_values(d),
                "vector_literal": tsvector_literal([(d.title_keys, "A"), (d.body_keys, "")]),
            }
            for d in docs
        ]
        stmt = insert(DOCS).values(vector=cast(bindparam("vector_literal"), TSVECTOR))
        session.execute(stmt, rows)

    def _write_text(self, session: Session, docs: Sequence[IndexedDocument]) -> None:
        """Written by _insert_docs together with the row."""

    def _delete_text(self, session: Session, doc_ids: Sequence[int]) -> None:
        """The vector lives on the row, which the shared code deletes."""

    def _match(self, parsed: ParsedQuery, *, scored: bool) -> MatchSource:
        query = cast(literal(match_tsquery(parsed)), TSQUERY)
        where = DOCS.c.vector.op("@@")(query)
        score = _score(DOCS.c.vector, parsed) if scored else literal(0.0)
        return MatchSource(DOCS, where, score)

    def _write_entity_text(
        self, session: Session, entity_id: int, names: Sequence[list[Keys]]
    ) -> None:
        vector = tsvector_literal([(n, "") for n in names])
        session.execute(
            update(ENTITIES)
            .where(ENTITIES.c.entity_id == entity_id)
            .values(vector=cast(literal(vector), TSVECTOR))
        )

    def _delete_entity_text(self, session: Session, entity_id: int) -> None:
        """The vector lives on the row, which the shared code deletes."""

    def _match_entities(self, parsed: ParsedQuery) -> MatchSource:
        query = cast(literal(match_tsquery(parsed)), TSQUERY)
        where = ENTITIES.c.vector.op("@@")(query)
        return MatchSource(ENTITIES, where, _score(ENTITIES.c.vector, parsed))
