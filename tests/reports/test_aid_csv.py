"""Aid CSV: the export reads back to the same records; bad rows name their line."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from daphuong.domain.aid import AidRecord, TransactionType
from daphuong.errors import InvalidInput
from daphuong.reports.aid_csv import read_csv, write_csv


def _rec() -> AidRecord:
    return AidRecord(
        id=7,
        ref="t-1",
        activity_id="VN-1",
        activity_title="Hỗ trợ sinh kế, phụ nữ dân tộc",
        donor="Oxfam",
        recipient="Hội Liên hiệp Phụ nữ tỉnh Hà Giang",
        transaction_type=TransactionType.COMMITMENT,
        amount=Decimal("1500.50"),
        currency="EUR",
        date=dt.date(2021, 3, 4),
        usd_value=Decimal("1780.00"),
        exchange_rate=Decimal("0.843"),
        rate_source="ECB",
        source_document_id=3,
    )


def test_written_csv_reads_back_to_the_same_values() -> None:
    [back] = read_csv(write_csv([_rec()]))
    original = _rec()
    assert back.id == 0  # ids are the ledger's, not the file's
    for name in (
        "ref",
        "activity_title",
        "amount",
        "currency",
        "date",
        "usd_value",
        "exchange_rate",
    ):
        assert getattr(back, name) == getattr(original, name)
    assert back.transaction_type is TransactionType.COMMITMENT
    assert back.source_document_id == 3


def test_missing_columns_and_bad_values_are_reported() -> None:
    with pytest.raises(InvalidInput, match="header lacks"):
        read_csv("ref,amount\nx,1\n")
    head = "ref,activity_id,donor,recipient,transaction_type,amount,date\n"
    with pytest.raises(InvalidInput, match="line 2"):
        read_csv(head + "x,a,d,r,gift,1,2021-01-01\n")
    with pytest.raises(InvalidInput, match="line 2: missing amount"):
        read_csv(head + "x,a,d,r,pledge,,2021-01-01\n")
