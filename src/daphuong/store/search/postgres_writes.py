"""PostgreSQL backend, the write path: rows with their tsvector by COPY, facet rows, names."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager

from sqlalchemy import cast, literal, text, update
from sqlalchemy.dialects.postgresql import TSVECTOR
from sqlalchemy.orm import Session

from daphuong.store.engine import Database
from daphuong.store.search.base import SqlSearchIndex
from daphuong.store.search.postgres_bulk import restore_text_index, without_text_index
from daphuong.store.search.postgres_index import (
    META,
    copy_rows,
    lexeme,
    name_streams,
    tsvector_literal,
)
from daphuong.store.search.prepare import IndexedDocument
from daphuong.store.search.tables import ENTITIES
from daphuong.text.analyze import Keys


class PostgresWrites(SqlSearchIndex):
    """How the PostgreSQL backend stores, replaces and deletes indexed documents and names."""

    def _insert_docs(
        self, session: Session, docs: Sequence[IndexedDocument], metas: Sequence[list[str]]
    ) -> None:
        """COPY the rows with their tsvector (text and meta lexemes) as a literal."""
        columns = ("doc_id", "sort_key", "visibility", "owner_org_id", "published", "vector")
        rows = (
            (
                *(self._doc_values(d)[c] for c in columns[:-1]),
                tsvector_literal(
                    [(d.title.fold, d.title.tone, "A"), (d.body.fold, d.body.tone, "")], meta
                ),
            )
            for d, meta in zip(docs, metas, strict=True)
        )
        copy_rows(session, "search_docs", columns, rows)

    def bulk_rebuild(self, db: Database) -> AbstractContextManager[None]:
        """Around a full rebuild only: the GIN index dropped while rows go in, built after.

        Never around incremental ingest: while it lasts a search scans every vector.
        """
        return without_text_index(db)

    def repair(self, db: Database) -> None:
        """Build the GIN index again if a killed full rebuild left it dropped."""
        restore_text_index(db)

    def _write_facet_rows(self, session: Session, rows: list[dict[str, int]]) -> None:
        """COPY (doc_key, value_id) rows: a batch writes about 13 per document."""
        copy_rows(
            session,
            "search_facets",
            ("doc_key", "value_id"),
            ((r["doc_key"], r["value_id"]) for r in rows),
        )

    def _write_text(
        self, session: Session, docs: Sequence[IndexedDocument], metas: Sequence[list[str]]
    ) -> None:
        """Written by _insert_docs together with the row."""

    def _delete_text(self, session: Session, keys: Sequence[int]) -> None:
        """The vector lives on the row, which the shared code deletes."""

    def _rewrite_meta(self, session: Session, key: int, old: list[str], new: list[str]) -> None:
        session.execute(
            text(
                "UPDATE search_docs SET vector = ts_delete(vector, CAST(:old AS text[])) "
                "|| CAST(:new AS tsvector) WHERE sort_key = :k"
            ),
            {
                "old": [META + t for t in old],
                "new": " ".join(lexeme(META + t) for t in new),
                "k": key,
            },
        )

    def _write_entity_text(
        self, session: Session, entity_id: int, names: Sequence[list[Keys]]
    ) -> None:
        vector = tsvector_literal(name_streams(names))
        session.execute(
            update(ENTITIES)
            .where(ENTITIES.c.entity_id == entity_id)
            .values(vector=cast(literal(vector), TSVECTOR))
        )

    def _delete_entity_text(self, session: Session, entity_id: int) -> None:
        """The vector lives on the row, which the shared code deletes."""
