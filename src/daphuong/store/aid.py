"""Repository for the aid ledger and the published aggregates kept beside it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from daphuong.domain.access import Principal
from daphuong.domain.aid import AidRecord, FlowType, PublishedAggregate, TransactionType
from daphuong.domain.document import Visibility
from daphuong.store.access import visible_clause
from daphuong.store.models.aid import AidTransactionRow, PublishedAggregateRow

RECORD_FIELDS = (
    "ref",
    "activity_id",
    "activity_title",
    "donor",
    "donor_country",
    "recipient",
    "province",
    "amount",
    "currency",
    "date",
    "usd_value",
    "exchange_rate",
    "rate_source",
    "sector",
    "sector_code",
    "source_document_id",
    "note",
    "owner_org_id",
)


def to_record(row: AidTransactionRow) -> AidRecord:
    """Convert a row to the domain record."""
    values = {name: getattr(row, name) for name in RECORD_FIELDS}
    return AidRecord(
        id=row.id,
        transaction_type=TransactionType(row.transaction_type),
        flow_type=FlowType(row.flow_type),
        visibility=Visibility(row.visibility),
        **values,
    )


def to_aggregate(row: PublishedAggregateRow) -> PublishedAggregate:
    """Convert a row to the domain aggregate."""
    return PublishedAggregate(
        id=row.id,
        year=row.year,
        label=row.label,
        amount_usd=row.amount_usd,
        change_pct=row.change_pct,
        quote=row.quote,
        source_document_id=row.source_document_id,
        visibility=Visibility(row.visibility),
        owner_org_id=row.owner_org_id,
    )


@dataclass(slots=True)
class AidFilter:
    """Which ledger records to list."""

    year_from: int | None = None
    year_to: int | None = None
    donor: str | None = None
    transaction_type: TransactionType | None = None
    owner_org_id: int | None = None


class AidRepository:
    """Queries and writes on aid tables, inside the caller's session."""

    def __init__(self, session: Session) -> None:
        self.session = session

    @staticmethod
    def convert(row: AidTransactionRow) -> AidRecord:
        """A row as a domain record."""
        return to_record(row)

    def by_ref(self, ref: str) -> AidTransactionRow | None:
        """A ledger row by its stable reference."""
        stmt = select(AidTransactionRow).where(AidTransactionRow.ref == ref)
        return self.session.scalars(stmt).first()

    def row(self, record_id: int) -> AidTransactionRow | None:
        """A ledger row by id."""
        return self.session.get(AidTransactionRow, record_id)

    def save(self, record: AidRecord) -> int:
        """Insert (id 0) or update a ledger record; returns the id."""
        row = self.row(record.id) if record.id else None
        if row is None:
            row = AidTransactionRow()
            self.session.add(row)
        for name in RECORD_FIELDS:
            setattr(row, name, getattr(record, name))
        row.transaction_type = record.transaction_type.value
        row.flow_type = record.flow_type.value
        row.visibility = record.visibility.value
        self.session.flush()
        return row.id

    def find(self, who: Principal, flt: AidFilter | None = None) -> list[AidRecord]:
        """Ledger records `who` may see, by date then id."""
        flt = flt or AidFilter()
        stmt = select(AidTransactionRow).where(
            visible_clause(AidTransactionRow.visibility, AidTransactionRow.owner_org_id, who)
        )
        if flt.year_from is not None:
            stmt = stmt.where(AidTransactionRow.date >= dt.date(flt.year_from, 1, 1))
        if flt.year_to is not None:
            stmt = stmt.where(AidTransactionRow.date <= dt.date(flt.year_to, 12, 31))
        if flt.donor is not None:
            stmt = stmt.where(AidTransactionRow.donor == flt.donor)
        if flt.transaction_type is not None:
            stmt = stmt.where(AidTransactionRow.transaction_type == flt.transaction_type.value)
        if flt.owner_org_id is not None:
            stmt = stmt.where(AidTransactionRow.owner_org_id == flt.owner_org_id)
        stmt = stmt.order_by(AidTransactionRow.date, AidTransactionRow.id)
        return [to_record(r) for r in self.session.scalars(stmt)]

    def add_aggregate(self, agg: PublishedAggregate) -> int:
        """Store a published aggregate; returns its id."""
        row = PublishedAggregateRow(
            year=agg.year,
            label=agg.label,
            amount_usd=agg.amount_usd,
            change_pct=agg.change_pct,
            quote=agg.quote,
            source_document_id=agg.source_document_id,
            visibility=agg.visibility.value,
            owner_org_id=agg.owner_org_id,
        )
        self.session.add(row)
        self.session.flush()
        return row.id

    def aggregates(self, who: Principal, year: int | None = None) -> list[PublishedAggregate]:
        """Published aggregates `who` may see, by year."""
        stmt = select(PublishedAggregateRow).where(
            visible_clause(
                PublishedAggregateRow.visibility, PublishedAggregateRow.owner_org_id, who
            )
        )
        if year is not None:
            stmt = stmt.where(PublishedAggregateRow.year == year)
        stmt = stmt.order_by(PublishedAggregateRow.year, PublishedAggregateRow.id)
        return [to_aggregate(r) for r in self.session.scalars(stmt)]
