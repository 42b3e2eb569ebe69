"""Tables for organizations (owners) and versioned documents."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from daphuong.store.models.base import Base, utcnow


class OrganizationRow(Base):
    """An organization that owns records (a ministry, a people's organization, a unit)."""

    __tablename__ = "organizations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    abbreviation: Mapped[str | None] = mapped_column(String(50))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("organizations.id"))
    kind: Mapped[str] = mapped_column(String(20), default="other", server_default="other")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class DocumentRow(Base):
    """One version of a document: original text as received, normalized text, metadata."""

    __tablename__ = "documents"
    __table_args__ = (
        Index("ix_documents_source_current", "source", "is_current"),
        Index("ix_documents_content_hash", "content_hash"),
        Index("ix_documents_visibility_owner", "visibility", "owner_org_id"),
        # Listing pages read current documents newest first.
        Index("ix_documents_current_ingested", "is_current", "ingested_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), index=True)
    source: Mapped[str] = mapped_column(String(2000))
    version: Mapped[int] = mapped_column(default=1)
    is_current: Mapped[bool] = mapped_column(default=True)
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"))
    content_hash: Mapped[str] = mapped_column(String(64))
    media_type: Mapped[str] = mapped_column(String(100))
    encoding: Mapped[str] = mapped_column(String(40))
    title: Mapped[str | None] = mapped_column(String(1000))
    outlet: Mapped[str | None] = mapped_column(String(300), index=True)
    url: Mapped[str | None] = mapped_column(String(2000))
    published: Mapped[dt.datetime | None] = mapped_column(index=True)
    original_text: Mapped[str] = mapped_column(Text)
    normalized_text: Mapped[str] = mapped_column(Text)
    offsets_json: Mapped[str] = mapped_column(Text)
    clutter_json: Mapped[str] = mapped_column(Text, default="[]")
    owner_org_id: Mapped[int | None] = mapped_column(ForeignKey("organizations.id"))
    visibility: Mapped[str] = mapped_column(String(16), default="public")
    ingested_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
