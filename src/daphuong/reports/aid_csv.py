"""The aid ledger as CSV: one row per transaction, the same columns for export and import."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

from daphuong.domain.aid import AidRecord, FlowType, TransactionType
from daphuong.errors import InvalidInput

COLUMNS = (
    "ref",
    "activity_id",
    "activity_title",
    "donor",
    "donor_country",
    "recipient",
    "province",
    "transaction_type",
    "amount",
    "currency",
    "date",
    "usd_value",
    "exchange_rate",
    "rate_source",
    "sector",
    "sector_code",
    "flow_type",
    "source_document_id",
    "note",
)
REQUIRED = ("ref", "activity_id", "donor", "recipient", "transaction_type", "amount", "date")


def _cell(rec: AidRecord, name: str) -> str:
    value = getattr(rec, name)
    if value is None:
        return ""
    if isinstance(value, TransactionType | FlowType):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def write_csv(records: Iterable[AidRecord]) -> str:
    """CSV text (header + one row per record) with record ids in an `id` column first."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("id", *COLUMNS))
    for rec in records:
        writer.writerow((rec.id, *(_cell(rec, c) for c in COLUMNS)))
    return out.getvalue()


def _decimal(value: str, column: str, line: int) -> Decimal | None:
    if not value.strip():
        return None
    try:
        return Decimal(value.strip().replace(",", ""))
    except InvalidOperation as exc:
        raise InvalidInput(f"line {line}: {column} is not a number: {value!r}") from exc


def _row_to_record(row: dict[str, str], line: int) -> AidRecord:
    missing = [c for c in REQUIRED if not (row.get(c) or "").strip()]
    if missing:
        raise InvalidInput(f"line {line}: missing {', '.join(missing)}")
    try:
        tx_type = TransactionType(row["transaction_type"].strip().lower())
        flow = FlowType((row.get("flow_type") or "30").strip())
        date = dt.date.fromisoformat(row["date"].strip())
    except ValueError as exc:
        raise InvalidInput(f"line {line}: {exc}") from exc
    doc = (row.get("source_document_id") or "").strip()
    amount = _decimal(row["amount"], "amount", line)
    assert amount is not None  # required above
    return AidRecord(
        id=0,
        ref=row["ref"].strip(),
        activity_id=row["activity_id"].strip(),
        activity_title=(row.get("activity_title") or row["activity_id"]).strip(),
        donor=row["donor"].strip(),
        donor_country=(row.get("donor_country") or "").strip(),
        recipient=row["recipient"].strip(),
        province=(row.get("province") or "").strip(),
        transaction_type=tx_type,
        amount=amount,
        currency=(row.get("currency") or "USD").strip().upper(),
        date=date,
        usd_value=_decimal(row.get("usd_value") or "", "usd_value", line),
        exchange_rate=_decimal(row.get("exchange_rate") or "", "exchange_rate", line),
        rate_source=(row.get("rate_source") or "").strip(),
        sector=(row.get("sector") or "").strip(),
        sector_code=(row.get("sector_code") or "").strip(),
        flow_type=flow,
        source_document_id=int(doc) if doc.isdigit() else None,
        note=(row.get("note") or "").strip(),
    )


def read_csv(text: str) -> list[AidRecord]:
    """Parse ledger CSV (our export format; extra columns ignored); line numbers in errors."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = set(reader.fieldnames or ())
    absent = [c for c in REQUIRED if c not in header]
    if absent:
        raise InvalidInput(f"CSV header lacks: {', '.join(absent)}")
    return [_row_to_record(row, n) for n, row in enumerate(reader, start=2)]
