"""The aid ledger: record and import transactions, totals without double counting, exports."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy.orm import Session

from daphuong.domain.access import Principal
from daphuong.domain.aid import (
    AidRecord,
    AidTotals,
    PublishedAggregate,
    TransactionType,
    YearSummary,
)
from daphuong.domain.document import Visibility
from daphuong.errors import Conflict, InvalidInput, NotFound
from daphuong.reports.aid_csv import read_csv, write_csv
from daphuong.reports.iati import ReportingOrg, iati_xml
from daphuong.services.auth import actor_name, require_writer, snapshot
from daphuong.store.aid import AidFilter, AidRepository
from daphuong.store.audit import AuditRepository
from daphuong.store.documents import DocumentRepository
from daphuong.store.engine import Database

CENT = Decimal("0.01")
USD = "USD"


@dataclass(slots=True)
class ImportSummary:
    """What an import did: new records, identical re-imports skipped."""

    added: list[int] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


def with_usd(rec: AidRecord) -> AidRecord:
    """Fill the USD value: USD as is, else amount ÷ rate; a converted value needs its source."""
    if len(rec.currency) != 3 or not rec.currency.isalpha():
        raise InvalidInput(f"{rec.ref}: currency must be an ISO 4217 code, not {rec.currency!r}")
    if rec.amount <= 0:
        raise InvalidInput(f"{rec.ref}: amount must be positive")
    if rec.currency == USD:
        return dataclasses.replace(
            rec, usd_value=rec.amount, exchange_rate=Decimal(1), rate_source="USD"
        )
    if rec.usd_value is None and rec.exchange_rate is not None:
        if rec.exchange_rate <= 0:
            raise InvalidInput(f"{rec.ref}: exchange rate must be positive")
        usd = (rec.amount / rec.exchange_rate).quantize(CENT, ROUND_HALF_UP)
        rec = dataclasses.replace(rec, usd_value=usd)
    if rec.usd_value is not None and not rec.rate_source.strip():
        raise InvalidInput(f"{rec.ref}: a USD value converted from {rec.currency} needs its source")
    return rec


def totals_for(year: int, records: list[AidRecord]) -> AidTotals:
    """Sum each stage apart: pledges never enter commitments or disbursements."""
    totals = AidTotals(year=year)
    for rec in records:
        if rec.date.year != year:
            continue
        if rec.usd_value is None:
            totals.missing_usd_ids.append(rec.id)
            continue
        if rec.transaction_type is TransactionType.PLEDGE:
            totals.pledged_usd += rec.usd_value
            totals.pledge_ids.append(rec.id)
        elif rec.transaction_type is TransactionType.COMMITMENT:
            totals.committed_usd += rec.usd_value
            totals.commitment_ids.append(rec.id)
        else:
            totals.disbursed_usd += rec.usd_value
            totals.disbursement_ids.append(rec.id)
    return totals


def change_pct(current: Decimal, previous: Decimal) -> Decimal | None:
    """Year-on-year change in percent (None when the previous year is zero)."""
    if previous == 0:
        return None
    return ((current - previous) * 100 / previous).quantize(CENT, ROUND_HALF_UP)


def _same(a: AidRecord, b: AidRecord) -> bool:
    skip = {"id", "visibility", "owner_org_id"}
    return all(
        getattr(a, f.name) == getattr(b, f.name)
        for f in dataclasses.fields(AidRecord)
        if f.name not in skip
    )


class AidService:
    """Use cases on the aid ledger; visibility and write rights are checked here."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, who: Principal, record: AidRecord) -> AidRecord:
        """Record one transaction (its `ref` must be new)."""
        summary = self._store(who, [record])
        if not summary.added:
            raise Conflict(f"transaction {record.ref} is already in the ledger")
        return self.get(who, summary.added[0])

    def import_csv(
        self,
        who: Principal,
        text: str,
        *,
        visibility: Visibility = Visibility.SHARED,
        owner_org_id: int | None = None,
    ) -> ImportSummary:
        """Import ledger CSV in one transaction: identical re-imports are skipped, not doubled."""
        owner = owner_org_id if owner_org_id is not None else who.org_id
        records = [
            dataclasses.replace(r, visibility=visibility, owner_org_id=owner)
            for r in read_csv(text)
        ]
        return self._store(who, records)

    def _store(self, who: Principal, records: list[AidRecord]) -> ImportSummary:
        summary = ImportSummary()
        with self.db.transaction() as session:
            repo = AidRepository(session)
            audit = AuditRepository(session)
            for raw in records:
                rec = raw
                if rec.owner_org_id is None and not who.sees_everything:
                    rec = dataclasses.replace(rec, owner_org_id=who.org_id)
                require_writer(who, rec.owner_org_id)
                rec = with_usd(rec)
                self._check_document(session, who, rec.source_document_id)
                existing = repo.by_ref(rec.ref)
                if existing is not None:
                    if _same(AidRepository.convert(existing), rec):
                        summary.unchanged.append(rec.ref)
                        continue
                    raise Conflict(f"transaction {rec.ref} exists with different values")
                new_id = repo.save(dataclasses.replace(rec, id=0))
                summary.added.append(new_id)
                audit.record(
                    actor=actor_name(who),
                    action="aid.create",
                    target_type="aid_transaction",
                    target_id=new_id,
                    after=snapshot(dataclasses.replace(rec, id=new_id)),
                )
        return summary

    @staticmethod
    def _check_document(session: Session, who: Principal, doc_id: int | None) -> None:
        if doc_id is None:
            return
        doc = DocumentRepository(session).get(doc_id)
        if doc is None or not who.can_see(Visibility(doc.visibility), doc.owner_org_id):
            raise InvalidInput(f"no source document {doc_id}")

    def get(self, who: Principal, record_id: int) -> AidRecord:
        """One ledger record the caller may see."""
        with self.db.reader() as session:
            row = AidRepository(session).row(record_id)
            rec = None if row is None else AidRepository.convert(row)
        if rec is None or not who.can_see(rec.visibility, rec.owner_org_id):
            raise NotFound(f"no aid record {record_id}")
        return rec

    def records(self, who: Principal, flt: AidFilter | None = None) -> list[AidRecord]:
        """Ledger records the caller may see."""
        with self.db.reader() as session:
            return AidRepository(session).find(who, flt)

    def totals(self, who: Principal, year: int, *, org_id: int | None = None) -> AidTotals:
        """One year's totals per stage, from the records the caller may see."""
        recs = self.records(who, AidFilter(year_from=year, year_to=year, owner_org_id=org_id))
        return totals_for(year, recs)

    def year_summaries(
        self, who: Principal, year_from: int, year_to: int, *, org_id: int | None = None
    ) -> list[YearSummary]:
        """Totals per year with change against the year before, beside published figures."""
        recs = self.records(
            who, AidFilter(year_from=year_from - 1, year_to=year_to, owner_org_id=org_id)
        )
        published = self.published(who)
        out: list[YearSummary] = []
        previous = totals_for(year_from - 1, recs)
        for year in range(year_from, year_to + 1):
            current = totals_for(year, recs)
            out.append(
                YearSummary(
                    totals=current,
                    disbursed_change_pct=change_pct(current.disbursed_usd, previous.disbursed_usd),
                    committed_change_pct=change_pct(current.committed_usd, previous.committed_usd),
                    published=[p for p in published if p.year == year],
                )
            )
            previous = current
        return out

    def add_published(self, who: Principal, agg: PublishedAggregate) -> PublishedAggregate:
        """Store a published total with its source document; it never enters ledger totals."""
        if agg.owner_org_id is None and not who.sees_everything:
            agg = dataclasses.replace(agg, owner_org_id=who.org_id)
        require_writer(who, agg.owner_org_id)
        if agg.amount_usd <= 0 or not agg.label.strip():
            raise InvalidInput("a published figure needs a label and a positive amount")
        with self.db.transaction() as session:
            self._check_document(session, who, agg.source_document_id)
            new_id = AidRepository(session).add_aggregate(agg)
            saved = dataclasses.replace(agg, id=new_id)
            AuditRepository(session).record(
                actor=actor_name(who),
                action="aid.published_create",
                target_type="aid_published",
                target_id=new_id,
                after=snapshot(saved),
            )
            return saved

    def published(self, who: Principal, year: int | None = None) -> list[PublishedAggregate]:
        """Published aggregates the caller may see."""
        with self.db.reader() as session:
            return AidRepository(session).aggregates(who, year)

    def export_csv(self, who: Principal, flt: AidFilter | None = None) -> str:
        """The visible ledger as CSV."""
        return write_csv(self.records(who, flt))

    def export_iati(
        self, who: Principal, flt: AidFilter | None = None, org: ReportingOrg | None = None
    ) -> bytes:
        """The visible ledger as IATI 2.03 activity XML."""
        return iati_xml(self.records(who, flt), org)
