"""Search index tables shared by both backends (SQLite adds FTS5 tables in its migration)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.dialects.postgresql import TSVECTOR
from sqlalchemy.orm import Mapped, mapped_column

from daphuong.store.models.base import Base

# On PostgreSQL the lexemes live in a tsvector with a GIN index; SQLite leaves it NULL and
# keeps its token streams in FTS5 virtual tables instead.
VectorType = Text().with_variant(TSVECTOR(), "postgresql")


class SearchDocRow(Base):
    """One indexed (current) document version with what filters and visibility need."""

    __tablename__ = "search_docs"
    __table_args__ = (
        Index("ix_search_docs_visibility_owner", "visibility", "owner_org_id"),
        Index("ix_search_docs_vector", "vector", postgresql_using="gin"),
    )

    doc_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    )
    visibility: Mapped[str] = mapped_column(String(16))
    owner_org_id: Mapped[int | None] = mapped_column()
    published: Mapped[dt.datetime | None] = mapped_column(index=True)
    vector: Mapped[str | None] = mapped_column(VectorType)


class SearchFacetRow(Base):
    """One facet value of an indexed document (entity, type, event, outlet, year)."""

    __tablename__ = "search_facets"
    # WITHOUT ROWID on SQLite: rows are clustered by (doc_id, facet, key), so facet counts
    # read a document's values in one B-tree range instead of index + table lookups.
    __table_args__ = (
        Index("ix_search_facets_facet_key", "facet", "key", "doc_id"),
        {"sqlite_with_rowid": False},
    )

    doc_id: Mapped[int] = mapped_column(
        ForeignKey("search_docs.doc_id", ondelete="CASCADE"), primary_key=True
    )
    facet: Mapped[str] = mapped_column(String(16), primary_key=True)
    key: Mapped[str] = mapped_column(String(300), primary_key=True)
    label: Mapped[str] = mapped_column(String(300))


class SearchEntityRow(Base):
    """Names and aliases of a registry entity for quick-find."""

    __tablename__ = "search_entities"

    entity_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    entity_type: Mapped[str] = mapped_column(String(32), index=True)
    names_json: Mapped[str] = mapped_column(Text)
    vector: Mapped[str | None] = mapped_column(VectorType)
