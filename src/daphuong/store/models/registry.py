"""Knowledge registry tables: canonical entities, statements with provenance, merges."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Float, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from daphuong.store.models.base import Base, utcnow


class EntityRow(Base):
    """A canonical entity id; everything said about it lives in statements."""

    __tablename__ = "registry_entities"

    id: Mapped[int] = mapped_column(primary_key=True)
    type: Mapped[str] = mapped_column(String(20), index=True)
    caption: Mapped[str] = mapped_column(String(1000))
    # A merged entity points at the entity it was merged into; undoing clears it.
    merged_into_id: Mapped[int | None] = mapped_column(
        ForeignKey("registry_entities.id"), index=True
    )
    created_by: Mapped[str] = mapped_column(String(200), default="linker")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class StatementRow(Base):
    """One fact about an entity: property, value, source span, extractor, review state."""

    __tablename__ = "registry_statements"
    __table_args__ = (
        Index("ix_registry_statements_entity_prop", "entity_id", "prop"),
        Index("ix_registry_statements_prop_value_key", "prop", "value_key"),
        Index("ix_registry_statements_prop_fold_key", "prop", "fold_key"),
        # Entity pages read what points at an entity by property (roles at an org, chairs).
        Index("ix_registry_statements_object_prop", "object_entity_id", "prop"),
        # No (visibility, owner) index: three values select nothing, yet SQLite without
        # statistics preferred it to the entity indexes and scanned every public statement.
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("registry_entities.id"))
    prop: Mapped[str] = mapped_column(String(40))
    value: Mapped[str] = mapped_column(String(1000))
    value_key: Mapped[str] = mapped_column(String(1000))
    fold_key: Mapped[str] = mapped_column(String(1000))
    # Identity of the fact for re-matching human decisions: value key, object, flags.
    match_key: Mapped[str] = mapped_column(String(1200))
    object_entity_id: Mapped[int | None] = mapped_column(ForeignKey("registry_entities.id"))
    qualifiers_json: Mapped[str] = mapped_column(Text, default="{}")
    observed_on: Mapped[dt.date | None] = mapped_column()
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"), index=True)
    document_key: Mapped[str | None] = mapped_column(String(200), index=True)
    document_version: Mapped[int | None] = mapped_column()
    spans_json: Mapped[str] = mapped_column(Text, default="[]")
    extractor: Mapped[str] = mapped_column(String(100))
    origin: Mapped[str] = mapped_column(String(16), default="machine")
    confidence: Mapped[float] = mapped_column(Float, default=1.0)
    status: Mapped[str] = mapped_column(String(16), default="proposed", index=True)
    decided_by: Mapped[str | None] = mapped_column(String(200))
    decided_at: Mapped[dt.datetime | None] = mapped_column()
    visibility: Mapped[str] = mapped_column(String(16), default="public")
    owner_org_id: Mapped[int | None] = mapped_column(ForeignKey("organizations.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class MergeRow(Base):
    """A curator's merge of one entity into another, kept so it can be undone."""

    __tablename__ = "registry_merges"

    id: Mapped[int] = mapped_column(primary_key=True)
    winner_id: Mapped[int] = mapped_column(ForeignKey("registry_entities.id"), index=True)
    loser_id: Mapped[int] = mapped_column(ForeignKey("registry_entities.id"), index=True)
    statement_id: Mapped[int | None] = mapped_column(ForeignKey("registry_statements.id"))
    actor: Mapped[str] = mapped_column(String(200))
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    undone_by: Mapped[str | None] = mapped_column(String(200))
    undone_at: Mapped[dt.datetime | None] = mapped_column()


class FactCountRow(Base):
    """How many live statements share a subject, object, property, value, origin and audience.

    Kept by database triggers on registry_statements (migration 0009) in the transaction that
    changes a statement, so entity pages count tens of thousands of sightings without reading
    them. No object or owner is stored as 0: the key must hold no NULL for the upsert.
    """

    __tablename__ = "registry_fact_counts"
    __table_args__ = (
        # Covering, in GROUP BY order: an organization's people come from the index alone.
        Index(
            "ix_registry_fact_counts_object_prop",
            *("object_id", "prop", "entity_id", "value", "visibility", "owner_org_id"),
            *("n", "last_id"),
        ),
    )

    entity_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    object_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    prop: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(1000), primary_key=True)
    origin: Mapped[str] = mapped_column(String(16), primary_key=True)
    visibility: Mapped[str] = mapped_column(String(16), primary_key=True)
    owner_org_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    n: Mapped[int] = mapped_column()
    first_id: Mapped[int] = mapped_column()
    last_id: Mapped[int] = mapped_column()
