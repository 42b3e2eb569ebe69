"""Entity quick-find: names and aliases as token streams, the last word typed as a prefix."""

from __future__ import annotations

import json
from abc import abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from daphuong.domain.search import EntityHit, ParsedQuery, Term
from daphuong.store.search.tables import ENTITIES
from daphuong.text.analyze import Keys, token_keys, tokenize

# Matches read before ranking by name shape: bm25 alone ranks an entity with many aliases
# (ASEAN and its English and Vietnamese long names) below one short partial match.
CANDIDATES = 200


@dataclass(frozen=True, slots=True)
class MatchSource:
    """How a backend finds matching entities: rows to select from, a condition, a score."""

    from_: Any
    where: Any
    score: Any


def quick_find_query(parsed: ParsedQuery) -> ParsedQuery:
    """Make the last plain word a prefix, so `le hoai tr` already finds Lê Hoài Trung."""
    if not parsed.required or not isinstance(parsed.required[-1], Term):
        return parsed
    last = parsed.required[-1]
    required = (*parsed.required[:-1], Term(last.fold, last.tone, prefix=True))
    return ParsedQuery(required, parsed.excluded)


def best_name(names: Sequence[str], parsed: ParsedQuery) -> str:
    """The first name or alias that contains every word of the query."""
    wanted = [c for c in parsed.positive_clauses() if isinstance(c, Term)]
    for name in names:
        folds = [t.fold for t in tokenize(name)]
        if all(
            any(f.startswith(w.fold) if w.prefix else f == w.fold for f in folds) for w in wanted
        ):
            return name
    return names[0] if names else ""


def name_rank(names: Sequence[str], parsed: ParsedQuery) -> int:
    """0 when a name is exactly the words typed, 1 when one starts with them, else 2."""
    typed = " ".join(c.fold for c in parsed.positive_clauses() if isinstance(c, Term))
    rank = 2
    for name in names:
        folded = " ".join(t.fold for t in tokenize(name))
        if folded == typed:
            return 0
        if folded.startswith(typed):
            rank = 1
    return rank


class EntityQuickFind:
    """The quick-find half of a SQL search index; backends supply the token storage."""

    @abstractmethod
    def _write_entity_text(
        self, session: Session, entity_id: int, names: Sequence[list[Keys]]
    ) -> None:
        """Store the token streams of an entity's names."""

    @abstractmethod
    def _delete_entity_text(self, session: Session, entity_id: int) -> None:
        """Forget an entity's token streams."""

    @abstractmethod
    def _match_entities(self, parsed: ParsedQuery) -> MatchSource:
        """Rows of search_entities matching the query, with a score."""

    def upsert_entity(
        self, session: Session, entity_id: int, entity_type: str, names: Sequence[str]
    ) -> None:
        """Replace an entity's names in quick-find."""
        self.delete_entity(session, entity_id)
        unique = list(dict.fromkeys(n.strip() for n in names if n.strip()))
        if not unique:
            return
        session.execute(
            insert(ENTITIES),
            [
                {
                    "entity_id": entity_id,
                    "entity_type": entity_type,
                    "names_json": json.dumps(unique, ensure_ascii=False),
                }
            ],
        )
        self._write_entity_text(session, entity_id, [token_keys(n) for n in unique])

    def delete_entity(self, session: Session, entity_id: int) -> None:
        """Remove an entity from quick-find."""
        self._delete_entity_text(session, entity_id)
        session.execute(delete(ENTITIES).where(ENTITIES.c.entity_id == entity_id))

    def find_entities(
        self, session: Session, parsed: ParsedQuery, *, limit: int, entity_type: str | None
    ) -> list[EntityHit]:
        """Best-matching entities first."""
        if parsed.is_empty:
            return []
        parsed = quick_find_query(parsed)
        source = self._match_entities(parsed)
        stmt = (
            select(ENTITIES.c.entity_id, ENTITIES.c.entity_type, ENTITIES.c.names_json)
            .add_columns(source.score.label("score"))
            .select_from(source.from_)
            .where(source.where)
            .order_by(source.score.desc(), ENTITIES.c.entity_id)
            .limit(max(limit, CANDIDATES))
        )
        if entity_type:
            stmt = stmt.where(ENTITIES.c.entity_type == entity_type)
        rows = [(r[0], r[1], json.loads(r[2]), float(r[3])) for r in session.execute(stmt)]
        # Stable: inside a rank the backend's score order stands.
        rows.sort(key=lambda r: name_rank(r[2], parsed))
        return [EntityHit(i, t, best_name(names, parsed), score) for i, t, names, score in rows][
            :limit
        ]
