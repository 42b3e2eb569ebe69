"""The SearchIndex interface and the SQL both backends share (filters, facets, paging, hits)."""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    FromClause,
    delete,
    func,
    insert,
    literal,
    select,
    true,
)
from sqlalchemy.orm import Session

from daphuong.domain.access import Principal
from daphuong.domain.search import (
    EntityHit,
    FacetValue,
    ParsedQuery,
    SearchHit,
    SearchQuery,
    SearchResult,
)
from daphuong.store.access import visible_clause
from daphuong.store.models import DocumentRow
from daphuong.store.search.entities import best_name, quick_find_query
from daphuong.store.search.filters import filter_clauses
from daphuong.store.search.prepare import FacetEntry, IndexedDocument
from daphuong.store.search.snippets import document_snippet
from daphuong.store.search.tables import DOCS, ENTITIES, FACETS
from daphuong.text.analyze import Keys, token_keys


@dataclass(frozen=True, slots=True)
class MatchSource:
    """How a backend finds matching documents: rows to select from, a condition, a score."""

    from_: FromClause
    where: ColumnElement[bool]
    score: ColumnElement[Any]


class SearchIndex(ABC):
    """Full-text index of current documents and of entity names, with facets and visibility."""

    dialect = ""

    @abstractmethod
    def index_documents(self, session: Session, docs: Sequence[IndexedDocument]) -> None:
        """Add or replace documents in the index."""

    @abstractmethod
    def remove_documents(self, session: Session, doc_ids: Sequence[int]) -> None:
        """Drop document versions from the index (superseded or deleted)."""

    @abstractmethod
    def replace_facets(self, session: Session, doc_id: int, facets: Sequence[FacetEntry]) -> None:
        """Swap a document's facet values (after re-extraction)."""

    @abstractmethod
    def facets_of(self, session: Session, doc_ids: Sequence[int]) -> dict[int, list[FacetEntry]]:
        """The stored facet values of indexed documents."""

    @abstractmethod
    def search(self, session: Session, query: SearchQuery, who: Principal) -> SearchResult:
        """Ranked hits with snippets, the total and facet counts; only what `who` may see."""

    @abstractmethod
    def upsert_entity(
        self, session: Session, entity_id: int, entity_type: str, names: Sequence[str]
    ) -> None:
        """Index an entity's names and aliases for quick-find."""

    @abstractmethod
    def delete_entity(self, session: Session, entity_id: int) -> None:
        """Drop an entity from quick-find."""

    @abstractmethod
    def find_entities(
        self, session: Session, parsed: ParsedQuery, *, limit: int, entity_type: str | None
    ) -> list[EntityHit]:
        """Entities whose names match (the last word as a prefix: people type as they search)."""

    def index_document(self, session: Session, doc: IndexedDocument) -> None:
        """Add or replace one document."""
        self.index_documents(session, [doc])

    def indexed_count(self, session: Session) -> int:
        """How many document versions are in the index."""
        return int(session.scalar(select(func.count()).select_from(DOCS)) or 0)


class SqlSearchIndex(SearchIndex):
    """Shared SQL: bookkeeping tables, filters, facets, paging; backends supply the matching."""

    @abstractmethod
    def _write_text(self, session: Session, docs: Sequence[IndexedDocument]) -> None:
        """Store the token streams of documents."""

    @abstractmethod
    def _delete_text(self, session: Session, doc_ids: Sequence[int]) -> None:
        """Forget the token streams of documents."""

    @abstractmethod
    def _match(self, parsed: ParsedQuery, *, scored: bool) -> MatchSource:
        """Rows of search_docs matching the query, with a relevance score (higher is better)."""

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

    def index_documents(self, session: Session, docs: Sequence[IndexedDocument]) -> None:
        """Replace rows, facets and token streams of these documents."""
        if not docs:
            return
        self.remove_documents(session, [d.doc_id for d in docs])
        self._insert_docs(session, docs)
        facets = [
            {"doc_id": d.doc_id, "facet": f.facet, "key": f.key, "label": f.label}
            for d in docs
            for f in d.facets
        ]
        if facets:
            session.execute(insert(FACETS), facets)

    def _insert_docs(self, session: Session, docs: Sequence[IndexedDocument]) -> None:
        """Insert search_docs rows and the token streams."""
        session.execute(insert(DOCS), [self._doc_values(d) for d in docs])
        self._write_text(session, docs)

    def _doc_values(self, doc: IndexedDocument) -> dict[str, Any]:
        return {
            "doc_id": doc.doc_id,
            "visibility": doc.visibility,
            "owner_org_id": doc.owner_org_id,
            "published": doc.published,
        }

    def remove_documents(self, session: Session, doc_ids: Sequence[int]) -> None:
        """Delete facets, rows and token streams."""
        if not doc_ids:
            return
        self._delete_text(session, doc_ids)
        session.execute(delete(FACETS).where(FACETS.c.doc_id.in_(doc_ids)))
        session.execute(delete(DOCS).where(DOCS.c.doc_id.in_(doc_ids)))

    def replace_facets(self, session: Session, doc_id: int, facets: Sequence[FacetEntry]) -> None:
        """Swap the facet rows of one indexed document (no-op when it is not indexed)."""
        if session.scalar(select(DOCS.c.doc_id).where(DOCS.c.doc_id == doc_id)) is None:
            return
        session.execute(delete(FACETS).where(FACETS.c.doc_id == doc_id))
        rows = [
            {"doc_id": doc_id, "facet": f.facet, "key": f.key, "label": f.label} for f in facets
        ]
        if rows:
            session.execute(insert(FACETS), rows)

    def facets_of(self, session: Session, doc_ids: Sequence[int]) -> dict[int, list[FacetEntry]]:
        """Facet rows grouped by document."""
        out: dict[int, list[FacetEntry]] = {}
        stmt = select(FACETS).where(FACETS.c.doc_id.in_(doc_ids))
        for row in session.execute(stmt):
            out.setdefault(row.doc_id, []).append(FacetEntry(row.facet, row.key, row.label))
        return out

    def _source(self, parsed: ParsedQuery, *, scored: bool) -> MatchSource:
        if parsed.is_empty:  # browse: every visible document, newest first
            return MatchSource(DOCS, true(), literal(0.0))
        return self._match(parsed, scored=scored)

    def search(self, session: Session, query: SearchQuery, who: Principal) -> SearchResult:
        """Page of hits, total and facets; all three restricted to what `who` may see."""
        conditions = [
            visible_clause(DOCS.c.visibility, DOCS.c.owner_org_id, who),
            *filter_clauses(query.filters),
        ]
        ranked = self._source(query.parsed, scored=True)
        page = session.execute(
            select(DOCS.c.doc_id, ranked.score.label("score"))
            .select_from(ranked.from_)
            .where(ranked.where, *conditions)
            .order_by(ranked.score.desc(), DOCS.c.published.desc().nulls_last(), DOCS.c.doc_id)
            .limit(query.limit)
            .offset(query.offset)
        ).all()
        plain = self._source(query.parsed, scored=False)
        total = session.scalar(
            select(func.count()).select_from(plain.from_).where(plain.where, *conditions)
        )
        result = SearchResult(total=int(total or 0))
        result.facets = self._facets(session, plain, conditions, query.facet_size)
        result.hits = self._hits(session, [(r[0], float(r[1])) for r in page], query)
        return result

    def _facets(
        self,
        session: Session,
        source: MatchSource,
        conditions: list[ColumnElement[bool]],
        size: int,
    ) -> dict[str, list[FacetValue]]:
        counts = (
            select(
                FACETS.c.facet,
                FACETS.c.key,
                func.min(FACETS.c.label).label("label"),
                func.count().label("n"),
            )
            .select_from(source.from_)
            .join(FACETS, FACETS.c.doc_id == DOCS.c.doc_id)
            .where(source.where, *conditions)
            .group_by(FACETS.c.facet, FACETS.c.key)
            .subquery("counts")
        )
        # Top values per facet chosen in SQL: an entity facet can have thousands of values.
        rank = func.row_number().over(
            partition_by=counts.c.facet, order_by=(counts.c.n.desc(), counts.c.label)
        )
        ranked = select(counts, rank.label("rn")).subquery("ranked")
        rows = session.execute(
            select(ranked.c.facet, ranked.c.key, ranked.c.label, ranked.c.n)
            .where(ranked.c.rn <= size)
            .order_by(ranked.c.facet, ranked.c.rn)
        ).all()
        grouped: dict[str, list[FacetValue]] = {}
        for facet, key, label, count in rows:
            grouped.setdefault(facet, []).append(FacetValue(key, label, int(count)))
        return grouped

    def _hits(
        self, session: Session, page: list[tuple[int, float]], query: SearchQuery
    ) -> list[SearchHit]:
        if not page:
            return []
        cols = (
            DocumentRow.id,
            DocumentRow.key,
            DocumentRow.title,
            DocumentRow.outlet,
            DocumentRow.published,
            DocumentRow.original_text,
            DocumentRow.normalized_text,
            DocumentRow.offsets_json,
            DocumentRow.clutter_json,
        )
        ids = [doc_id for doc_id, _ in page]
        rows = {r.id: r for r in session.execute(select(*cols).where(DocumentRow.id.in_(ids)))}
        hits: list[SearchHit] = []
        for doc_id, score in page:
            r = rows.get(doc_id)
            if r is None:
                continue  # deleted since it was indexed
            texts = (r.original_text, r.normalized_text, r.offsets_json, r.clutter_json)
            snippet = document_snippet(texts, query.parsed, query.snippet_chars)
            title = r.title or r.key
            hits.append(SearchHit(doc_id, r.key, title, score, snippet, r.outlet, r.published))
        return hits

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
            .limit(limit)
        )
        if entity_type:
            stmt = stmt.where(ENTITIES.c.entity_type == entity_type)
        return [
            EntityHit(r[0], r[1], best_name(json.loads(r[2]), parsed), float(r[3]))
            for r in session.execute(stmt)
        ]
