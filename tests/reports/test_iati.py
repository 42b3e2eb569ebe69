"""IATI XML writer: validates against the shipped schema, keeps provenance in an extension."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from lxml import etree

from daphuong.domain.aid import AidRecord, TransactionType
from daphuong.reports.iati import EXT_NS, ReportingOrg, iati_xml, validation_errors


def _rec(ref: str, tx: TransactionType, sector: str = "") -> AidRecord:
    return AidRecord(
        id=1,
        ref=ref,
        activity_id="A1",
        activity_title="Phòng chống thiên tai",
        donor="World Vision",
        recipient="UBND tỉnh Quảng Trị",
        transaction_type=tx,
        amount=Decimal("1000"),
        currency="USD",
        date=dt.date(2021, 9, 1),
        usd_value=Decimal("1000"),
        rate_source="USD",
        sector_code=sector,
        source_document_id=42,
    )


def test_export_validates_and_carries_provenance() -> None:
    xml = iati_xml(
        [_rec("r1", TransactionType.PLEDGE, "74020"), _rec("r2", TransactionType.DISBURSEMENT)],
        ReportingOrg(ref="VN-TEST", name="Thử"),
        generated=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
    )
    assert validation_errors(xml) == []
    root = etree.fromstring(xml)
    assert root.findtext("iati-activity/iati-identifier") == "VN-TEST-A1"
    assert [s.get("code") for s in root.iter("sector")] == ["74020"]
    prov = root.find(f".//{{{EXT_NS}}}provenance")
    assert prov is not None and prov.get("source-document") == "42"


def test_element_order_matters_to_the_schema() -> None:
    xml = iati_xml([_rec("r1", TransactionType.COMMITMENT)])
    root = etree.fromstring(xml)
    act = root.find("iati-activity")
    assert act is not None
    title = act.find("title")
    assert title is not None
    act.remove(title)
    act.append(title)  # title after transactions breaks the sequence
    assert validation_errors(etree.tostring(root))
