"""Tables for the aid ledger (transactions) and published aggregates, kept apart."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from daphuong.store.models.base import Base, utcnow

MONEY = Numeric(20, 2, asdecimal=True)


class AidTransactionRow(Base):
    """One pledge, commitment or disbursement with its provenance."""

    __tablename__ = "aid_transactions"
    __table_args__ = (Index("ix_aid_transactions_visibility_owner", "visibility", "owner_org_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ref: Mapped[str] = mapped_column(String(200), unique=True)
    activity_id: Mapped[str] = mapped_column(String(200), index=True)
    activity_title: Mapped[str] = mapped_column(String(1000))
    donor: Mapped[str] = mapped_column(String(500))
    donor_country: Mapped[str] = mapped_column(String(100), default="")
    recipient: Mapped[str] = mapped_column(String(500))
    province: Mapped[str] = mapped_column(String(100), default="")
    transaction_type: Mapped[str] = mapped_column(String(20))
    amount: Mapped[Decimal] = mapped_column(MONEY)
    currency: Mapped[str] = mapped_column(String(3))
    date: Mapped[dt.date] = mapped_column(index=True)
    usd_value: Mapped[Decimal | None] = mapped_column(MONEY)
    exchange_rate: Mapped[Decimal | None] = mapped_column(Numeric(20, 6, asdecimal=True))
    rate_source: Mapped[str] = mapped_column(String(500), default="")
    sector: Mapped[str] = mapped_column(String(300), default="")
    sector_code: Mapped[str] = mapped_column(String(10), default="")
    flow_type: Mapped[str] = mapped_column(String(4), default="30")
    source_document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"))
    note: Mapped[str] = mapped_column(Text, default="")
    visibility: Mapped[str] = mapped_column(String(16), default="shared")
    owner_org_id: Mapped[int | None] = mapped_column(ForeignKey("organizations.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class PublishedAggregateRow(Base):
    """A published total with the document it comes from; never added to ledger totals."""

    __tablename__ = "aid_published_aggregates"

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(index=True)
    label: Mapped[str] = mapped_column(String(500))
    amount_usd: Mapped[Decimal] = mapped_column(MONEY)
    change_pct: Mapped[Decimal | None] = mapped_column(Numeric(8, 2, asdecimal=True))
    quote: Mapped[str] = mapped_column(Text, default="")
    source_document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"))
    visibility: Mapped[str] = mapped_column(String(16), default="public")
    owner_org_id: Mapped[int | None] = mapped_column(ForeignKey("organizations.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
