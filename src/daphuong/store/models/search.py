"""Search index tables shared by both backends (SQLite adds FTS5 tables in its migration)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.dialects.postgresql import TSVECTOR
from sqlalchemy.orm import Mapped, mapped_column

from daphuong.store.models.base import Base

# On PostgreSQL the lexemes live in a tsvector with a GIN index; SQLite leaves it NULL and
# keeps its token streams in FTS5 virtual tables instead.
VectorType = Text().with_variant(TSVECTOR(), "postgresql")


class SearchDocRow(Base):
    """One indexed (current) document version with its sort key and visibility."""

    __tablename__ = "search_docs"
    __table_args__ = (Index("ix_search_docs_vector", "vector", postgresql_using="gin"),)

    doc_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    )
    # published minute and doc_id in one integer (store/search/meta.sort_key): newest first is
    # descending key order, so top-k reads stop early; it is also the FTS5 rowid on SQLite.
    sort_key: Mapped[int] = mapped_column(BigInteger, unique=True)
    visibility: Mapped[str] = mapped_column(String(16))
    owner_org_id: Mapped[int | None] = mapped_column()
    published: Mapped[dt.datetime | None] = mapped_column()
    vector: Mapped[str | None] = mapped_column(VectorType)


class SearchFacetValueRow(Base):
    """Dictionary of facet values: documents refer to them by a small integer id."""

    __tablename__ = "search_facet_values"
    __table_args__ = (UniqueConstraint("facet", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    facet: Mapped[str] = mapped_column(String(16))
    key: Mapped[str] = mapped_column(String(300))
    label: Mapped[str] = mapped_column(String(300))


class SearchFacetRow(Base):
    """One facet value of an indexed document, as (document sort key, value id)."""

    __tablename__ = "search_facets"
    # WITHOUT ROWID on SQLite: rows are clustered by document, so counting the facets of a
    # page of matches reads one short B-tree range per document.
    __table_args__ = (
        Index("ix_search_facets_value_doc", "value_id", "doc_key"),
        {"sqlite_with_rowid": False},
    )

    doc_key: Mapped[int] = mapped_column(
        BigInteger,
        ForeignKey("search_docs.sort_key", ondelete="CASCADE"),
        primary_key=True,
        autoincrement=False,
    )
    value_id: Mapped[int] = mapped_column(ForeignKey("search_facet_values.id"), primary_key=True)


class SearchEntityRow(Base):
    """Names and aliases of a registry entity for quick-find."""

    __tablename__ = "search_entities"

    entity_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    entity_type: Mapped[str] = mapped_column(String(32), index=True)
    names_json: Mapped[str] = mapped_column(Text)
    vector: Mapped[str | None] = mapped_column(VectorType)
