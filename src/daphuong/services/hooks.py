"""Extension points other services attach to the document lifecycle."""

from __future__ import annotations

from typing import Protocol

from sqlalchemy.orm import Session

from daphuong.pipeline.context import DocContext
from daphuong.store.models import DocumentRow


class DocumentHook(Protocol):
    """Called inside the document's transaction; raising aborts that document only."""

    def on_stored(self, session: Session, row: DocumentRow, ctx: DocContext) -> None:
        """A new document version was written (the old one, if any, is no longer current)."""

    def on_superseded(self, session: Session, old: DocumentRow) -> None:
        """A version stopped being current."""


class EntityIndexHook(Protocol):
    """Keeps entity quick-find in step with the registry (implemented by the search index)."""

    def upsert_entity(
        self, session: Session, entity_id: int, entity_type: str, names: list[str]
    ) -> None:
        """Index or re-index an entity's names and aliases."""

    def delete_entity(self, session: Session, entity_id: int) -> None:
        """Drop an entity from quick-find (merged away or deleted)."""
