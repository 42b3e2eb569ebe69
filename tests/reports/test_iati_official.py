"""The IATI export validates against the official IATI 2.03 activity schema."""

from __future__ import annotations

import datetime as dt
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree

from daphuong.domain.aid import AidRecord, TransactionType
from daphuong.reports.iati import ReportingOrg, iati_xml

# tasks.py unpacks the official XSDs here from the MIT-licensed pyIATI 0.4.1 sdist.
OFFICIAL = Path(sys.prefix) / "share" / "iati-2.03" / "iati-activities-schema.xsd"


@pytest.fixture(scope="module")
def official_schema() -> etree.XMLSchema:
    if not OFFICIAL.exists():
        pytest.skip(
            f"official IATI 2.03 schema not at {OFFICIAL}; `python3 tasks.py check` fetches it"
        )
    return etree.XMLSchema(etree.parse(str(OFFICIAL)))


def _rec(ref: str, tx: TransactionType, currency: str = "USD") -> AidRecord:
    return AidRecord(
        id=1,
        ref=ref,
        activity_id="A1",
        activity_title="Hỗ trợ sinh kế vùng lũ",
        donor="Oxfam",
        recipient="Hội Liên hiệp Phụ nữ tỉnh Quảng Bình",
        transaction_type=tx,
        amount=Decimal("25000"),
        currency=currency,
        date=dt.date(2021, 10, 5),
        usd_value=Decimal("25000") if currency == "USD" else Decimal("1080"),
        rate_source="USD" if currency == "USD" else "Vietcombank 2021-10-05",
        sector_code="74020",
        source_document_id=7,
    )


@pytest.mark.parametrize("currency", ["USD", "VND"])
def test_export_validates_against_the_official_schema(
    official_schema: etree.XMLSchema, currency: str
) -> None:
    records = [
        _rec("p1", TransactionType.PLEDGE, currency),
        _rec("c1", TransactionType.COMMITMENT, currency),
        _rec("d1", TransactionType.DISBURSEMENT, currency),
    ]
    xml = iati_xml(records, ReportingOrg(ref="VN-TEST", name="Thử nghiệm"))
    doc = etree.fromstring(xml)
    assert official_schema.validate(doc), official_schema.error_log
