"""Tables for activities, plan items with indicators, and multilateral seats."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Float, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from daphuong.store.models.base import Base, utcnow


class ActivityRow(Base):
    """A structured activity record."""

    __tablename__ = "activities"
    __table_args__ = (Index("ix_activities_visibility_owner", "visibility", "owner_org_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(1000))
    start_date: Mapped[dt.date | None] = mapped_column(index=True)
    end_date: Mapped[dt.date | None] = mapped_column()
    place: Mapped[str] = mapped_column(String(300), default="")
    area: Mapped[str | None] = mapped_column(String(40))
    organizer_org_id: Mapped[int | None] = mapped_column(ForeignKey("organizations.id"))
    organizer_names_json: Mapped[str] = mapped_column(Text, default="[]")
    mechanism: Mapped[str] = mapped_column(String(300), default="")
    topics_json: Mapped[str] = mapped_column(Text, default="[]")
    outcome: Mapped[str] = mapped_column(Text, default="")
    source_document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"))
    source_spans_json: Mapped[str] = mapped_column(Text, default="[]")
    visibility: Mapped[str] = mapped_column(String(16), default="internal")
    owner_org_id: Mapped[int | None] = mapped_column(ForeignKey("organizations.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class ActivityPartnerRow(Base):
    """A partner organization of an activity."""

    __tablename__ = "activity_partners"
    __table_args__ = (UniqueConstraint("activity_id", "org_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("activities.id", ondelete="CASCADE"))
    org_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"))


class ActivityParticipantRow(Base):
    """A person taking part in an activity."""

    __tablename__ = "activity_participants"

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activities.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(300))
    role: Mapped[str] = mapped_column(String(100), default="")
    org_name: Mapped[str] = mapped_column(String(300), default="")


class ActivityDocumentRow(Base):
    """A document linked to an activity."""

    __tablename__ = "activity_documents"
    __table_args__ = (UniqueConstraint("activity_id", "document_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("activities.id", ondelete="CASCADE"))
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)


class PlanItemRow(Base):
    """A node of a plan hierarchy (directive, scheme, programme, annual plan, task)."""

    __tablename__ = "plan_items"
    __table_args__ = (Index("ix_plan_items_visibility_owner", "visibility", "owner_org_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    level: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(1000))
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("plan_items.id", ondelete="CASCADE"), index=True
    )
    reference: Mapped[str] = mapped_column(String(200), default="")
    area: Mapped[str | None] = mapped_column(String(40))
    year: Mapped[int | None] = mapped_column()
    lead_org_id: Mapped[int | None] = mapped_column(ForeignKey("organizations.id"))
    deadline: Mapped[dt.date | None] = mapped_column(index=True)
    status: Mapped[str] = mapped_column(String(20), default="not_started")
    progress: Mapped[float] = mapped_column(Float, default=0.0)
    weight: Mapped[float] = mapped_column(Float, default=1.0)
    visibility: Mapped[str] = mapped_column(String(16), default="internal")
    owner_org_id: Mapped[int | None] = mapped_column(ForeignKey("organizations.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class PlanSupportRow(Base):
    """A supporting organization (phối hợp) of a plan item."""

    __tablename__ = "plan_item_supporters"
    __table_args__ = (UniqueConstraint("plan_item_id", "org_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_item_id: Mapped[int] = mapped_column(ForeignKey("plan_items.id", ondelete="CASCADE"))
    org_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"))


class IndicatorRow(Base):
    """An indicator of a plan item with baseline and target."""

    __tablename__ = "plan_indicators"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_item_id: Mapped[int] = mapped_column(
        ForeignKey("plan_items.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(500))
    unit: Mapped[str] = mapped_column(String(50), default="")
    baseline: Mapped[float | None] = mapped_column(Float)
    target: Mapped[float | None] = mapped_column(Float)


class IndicatorValueRow(Base):
    """The actual value of an indicator for one period."""

    __tablename__ = "plan_indicator_values"
    __table_args__ = (UniqueConstraint("indicator_id", "period"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("plan_indicators.id", ondelete="CASCADE"))
    period: Mapped[str] = mapped_column(String(20))
    actual: Mapped[float] = mapped_column(Float)
    note: Mapped[str] = mapped_column(Text, default="")


class SeatRow(Base):
    """A membership, chairmanship, elected seat or candidacy in a multilateral body."""

    __tablename__ = "seats"
    __table_args__ = (Index("ix_seats_visibility_owner", "visibility", "owner_org_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    body: Mapped[str] = mapped_column(String(500))
    kind: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20))
    position: Mapped[str] = mapped_column(String(300), default="")
    term_start: Mapped[dt.date | None] = mapped_column()
    term_end: Mapped[dt.date | None] = mapped_column()
    holder_org_id: Mapped[int | None] = mapped_column(ForeignKey("organizations.id"))
    obligations: Mapped[str] = mapped_column(Text, default="")
    document_ids_json: Mapped[str] = mapped_column(Text, default="[]")
    visibility: Mapped[str] = mapped_column(String(16), default="public")
    owner_org_id: Mapped[int | None] = mapped_column(ForeignKey("organizations.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
