"""The SearchIndex interface: what ingest, services and the CLI ask of a search backend."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from contextlib import AbstractContextManager, nullcontext

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from daphuong.domain.access import Principal
from daphuong.domain.search import EntityHit, ParsedQuery, SearchQuery, SearchResult
from daphuong.store.engine import Database
from daphuong.store.search.prepare import FacetEntry, IndexedDocument
from daphuong.store.search.tables import DOCS


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

    def bulk_rebuild(self, db: Database) -> AbstractContextManager[None]:
        """Around a full rebuild only: what makes writing every document cheaper (default none)."""
        return nullcontext()

    def repair(self, db: Database) -> None:
        """Undo what a full rebuild killed half-way left behind (default: nothing to undo)."""
        return None

    def index_document(self, session: Session, doc: IndexedDocument) -> None:
        """Add or replace one document."""
        self.index_documents(session, [doc])

    def indexed_count(self, session: Session) -> int:
        """How many document versions are in the index."""
        return int(session.scalar(select(func.count()).select_from(DOCS)) or 0)
