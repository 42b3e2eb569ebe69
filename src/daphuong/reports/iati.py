"""IATI 2.03 activity XML from aid ledger records (one activity per activity id)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from importlib.resources import as_file, files

from lxml import etree

from daphuong.domain.aid import AidRecord

IATI_VERSION = "2.03"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# daphuong's own data (USD value, rate source, source document) rides in an extension
# namespace, as the standard allows at the end of each element.
EXT_NS = "https://daphuong.org/ns/iati-extension"
ACTIVITY_STATUS_IMPLEMENTATION = "2"
ACTIVITY_DATE_ACTUAL_START = "2"
ROLE_FUNDING, ROLE_IMPLEMENTING = "1", "4"


@dataclass(frozen=True, slots=True)
class ReportingOrg:
    """Who publishes the file (IATI organisation identifier, type code, name)."""

    ref: str = "VN-COMINGO"
    type: str = "10"  # Government
    name: str = "Ủy ban Công tác về các tổ chức phi chính phủ nước ngoài"


def _narrative(parent: etree._Element, tag: str, text: str) -> etree._Element:
    el = etree.SubElement(parent, tag)
    etree.SubElement(el, "narrative").text = text
    return el


def _money(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.01'))}"


def _transaction(parent: etree._Element, rec: AidRecord) -> None:
    tx = etree.SubElement(parent, "transaction", ref=rec.ref)
    etree.SubElement(tx, "transaction-type", code=rec.transaction_type.iati_code)
    etree.SubElement(tx, "transaction-date", {"iso-date": rec.date.isoformat()})
    value = etree.SubElement(
        tx, "value", {"currency": rec.currency, "value-date": rec.date.isoformat()}
    )
    value.text = _money(rec.amount)
    if rec.note:
        _narrative(tx, "description", rec.note)
    _narrative(tx, "provider-org", rec.donor)
    _narrative(tx, "receiver-org", rec.recipient)
    etree.SubElement(tx, "flow-type", code=rec.flow_type.value)
    ext = etree.SubElement(tx, f"{{{EXT_NS}}}provenance", record=str(rec.id))
    if rec.usd_value is not None:
        ext.set("usd-value", _money(rec.usd_value))
    if rec.exchange_rate is not None:
        ext.set("exchange-rate", str(rec.exchange_rate))
    if rec.rate_source:
        ext.set("rate-source", rec.rate_source)
    if rec.source_document_id is not None:
        ext.set("source-document", str(rec.source_document_id))


def _activity(
    root: etree._Element, org: ReportingOrg, activity_id: str, records: list[AidRecord]
) -> None:
    first = records[0]
    act = etree.SubElement(root, "iati-activity", {XML_LANG: "vi"})
    etree.SubElement(act, "iati-identifier").text = f"{org.ref}-{activity_id}"
    reporting = etree.SubElement(act, "reporting-org", ref=org.ref, type=org.type)
    etree.SubElement(reporting, "narrative").text = org.name
    _narrative(act, "title", first.activity_title)
    _narrative(act, "description", f"{first.activity_title} — {first.donor} → {first.recipient}")
    for donor in dict.fromkeys(r.donor for r in records):
        _narrative(act, "participating-org", donor).set("role", ROLE_FUNDING)
    for recipient in dict.fromkeys(r.recipient for r in records):
        _narrative(act, "participating-org", recipient).set("role", ROLE_IMPLEMENTING)
    etree.SubElement(act, "activity-status", code=ACTIVITY_STATUS_IMPLEMENTATION)
    start = min(r.date for r in records)
    etree.SubElement(
        act, "activity-date", {"type": ACTIVITY_DATE_ACTUAL_START, "iso-date": start.isoformat()}
    )
    etree.SubElement(act, "recipient-country", code="VN")
    codes = dict.fromkeys(r.sector_code for r in records if r.sector_code)
    for code in codes:
        etree.SubElement(act, "sector", code=code, vocabulary="1")
    etree.SubElement(act, "default-flow-type", code=first.flow_type.value)
    for rec in sorted(records, key=lambda r: (r.date, r.id)):
        _transaction(act, rec)


def iati_xml(
    records: Iterable[AidRecord],
    org: ReportingOrg | None = None,
    *,
    generated: dt.datetime | None = None,
) -> bytes:
    """An iati-activities document (UTF-8 bytes) grouping records by activity id."""
    org = org or ReportingOrg()
    generated = generated or dt.datetime.now(dt.UTC)
    root = etree.Element(
        "iati-activities",
        {"version": IATI_VERSION, "generated-datetime": generated.isoformat(timespec="seconds")},
        nsmap={"dp": EXT_NS},
    )
    groups: dict[str, list[AidRecord]] = {}
    for rec in records:
        groups.setdefault(rec.activity_id, []).append(rec)
    for activity_id, recs in groups.items():
        _activity(root, org, activity_id, recs)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def iati_schema() -> etree.XMLSchema:
    """The IATI 2.03 activity schema (daphuong's subset) shipped in daphuong.data.iati."""
    resource = files("daphuong.data").joinpath("iati/iati-activities-schema.xsd")
    with as_file(resource) as path:
        return etree.XMLSchema(etree.parse(str(path)))


def validation_errors(xml: bytes) -> list[str]:
    """Schema errors of an IATI document (empty when it validates)."""
    schema = iati_schema()
    doc = etree.fromstring(xml)
    if schema.validate(doc):
        return []
    # lxml-stubs do not declare _ErrorLog iterable; at runtime it is.
    return [f"line {e.line}: {e.message}" for e in schema.error_log]  # type: ignore[attr-defined]
