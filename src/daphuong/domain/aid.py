"""Aid ledger records, IATI-shaped: transactions kept apart from published aggregates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from daphuong.domain.document import Visibility


class TransactionType(StrEnum):
    """Stages of money: a pledge is a promise, a commitment is binding, a disbursement is paid."""

    PLEDGE = "pledge"
    COMMITMENT = "commitment"
    DISBURSEMENT = "disbursement"

    @property
    def iati_code(self) -> str:
        """IATI TransactionType code from the recipient's side (incoming)."""
        return {"pledge": "13", "commitment": "11", "disbursement": "1"}[self.value]


class FlowType(StrEnum):
    """OECD DAC flow types used by the IATI FlowType codelist."""

    ODA = "10"
    OOF = "20"
    PRIVATE_GRANTS = "30"  # foreign NGO aid
    OTHER = "35"


@dataclass(slots=True)
class AidRecord:
    """One transaction of the aid ledger with its provenance."""

    id: int
    ref: str  # stable reference, unique: re-imports never double count
    activity_id: str  # groups transactions into one IATI activity
    activity_title: str
    donor: str
    recipient: str
    transaction_type: TransactionType
    amount: Decimal
    currency: str
    date: dt.date
    usd_value: Decimal | None = None
    exchange_rate: Decimal | None = None  # currency units per USD
    rate_source: str = ""
    sector: str = ""
    sector_code: str = ""  # OECD DAC 5-digit purpose code
    flow_type: FlowType = FlowType.PRIVATE_GRANTS
    donor_country: str = ""
    province: str = ""
    source_document_id: int | None = None
    note: str = ""
    visibility: Visibility = Visibility.SHARED
    owner_org_id: int | None = None


@dataclass(slots=True)
class PublishedAggregate:
    """A total as published (≈233 triệu USD năm 2021), kept apart from the ledger."""

    id: int
    year: int
    label: str
    amount_usd: Decimal
    change_pct: Decimal | None = None
    quote: str = ""  # the sentence as published
    source_document_id: int | None = None
    visibility: Visibility = Visibility.PUBLIC
    owner_org_id: int | None = None


@dataclass(slots=True)
class AidTotals:
    """One year's ledger totals in USD: each stage reported separately, never summed."""

    year: int
    pledged_usd: Decimal = Decimal(0)
    committed_usd: Decimal = Decimal(0)
    disbursed_usd: Decimal = Decimal(0)
    pledge_ids: list[int] = field(default_factory=list)
    commitment_ids: list[int] = field(default_factory=list)
    disbursement_ids: list[int] = field(default_factory=list)
    missing_usd_ids: list[int] = field(default_factory=list)  # not convertible: left out, named


@dataclass(slots=True)
class YearSummary:
    """Ledger totals for a year beside the published figure, with year-on-year change."""

    totals: AidTotals
    disbursed_change_pct: Decimal | None
    committed_change_pct: Decimal | None
    published: list[PublishedAggregate] = field(default_factory=list)
