"""AidService: stages never double counted, conversions with sources, imports, exports."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from lxml import etree

from daphuong.domain.aid import AidRecord, PublishedAggregate, TransactionType
from daphuong.domain.document import Visibility
from daphuong.errors import Conflict, InvalidInput, PermissionDenied
from daphuong.reports.iati import validation_errors
from daphuong.services.aid import AidService, change_pct
from daphuong.store.aid import AidFilter
from daphuong.store.engine import Database
from tests.services.coordination_world import World, add_document, make_world


@pytest.fixture
def world(db: Database) -> World:
    return make_world(db)


@pytest.fixture
def aid(db: Database) -> AidService:
    return AidService(db)


def _rec(ref: str, tx: TransactionType, amount: str, year: int = 2021, **kw: object) -> AidRecord:
    base: dict[str, object] = {
        "id": 0,
        "ref": ref,
        "activity_id": "VN-2021-001",
        "activity_title": "Nước sạch cho trường học vùng cao",
        "donor": "Save the Children",
        "recipient": "UBND tỉnh Lào Cai",
        "transaction_type": tx,
        "amount": Decimal(amount),
        "currency": "USD",
        "date": dt.date(year, 6, 1),
        "sector_code": "14030",
    }
    base.update(kw)
    return AidRecord(**base)  # type: ignore[arg-type]


def _ledger(world: World, aid: AidService) -> None:
    who = world.editor_b
    aid.add(who, _rec("p1", TransactionType.PLEDGE, "500000"))
    aid.add(who, _rec("c1", TransactionType.COMMITMENT, "300000"))
    aid.add(who, _rec("d1", TransactionType.DISBURSEMENT, "100000"))
    aid.add(
        who,
        _rec(
            "d2",
            TransactionType.DISBURSEMENT,
            "92000",
            currency="EUR",
            exchange_rate=Decimal("0.92"),
            rate_source="ECB reference rate 2021-06-01",
        ),
    )
    aid.add(who, _rec("d0", TransactionType.DISBURSEMENT, "150000", year=2020))


def test_stages_are_totalled_apart_and_pledges_stay_out(world: World, aid: AidService) -> None:
    _ledger(world, aid)
    t = aid.totals(world.editor_b, 2021)
    assert (t.pledged_usd, t.committed_usd, t.disbursed_usd) == (
        Decimal("500000.00"),
        Decimal("300000.00"),
        Decimal("200000.00"),
    )
    assert len(t.disbursement_ids) == 2 and len(t.pledge_ids) == 1


def test_converted_values_need_a_rate_source(world: World, aid: AidService) -> None:
    with pytest.raises(InvalidInput, match="needs its source"):
        aid.add(
            world.editor_b,
            _rec("x", TransactionType.DISBURSEMENT, "10", currency="EUR", exchange_rate=Decimal(1)),
        )
    with pytest.raises(InvalidInput, match="ISO 4217"):
        aid.add(world.editor_b, _rec("y", TransactionType.DISBURSEMENT, "10", currency="euro"))


def test_unconvertible_records_are_named_not_summed(world: World, aid: AidService) -> None:
    aid.add(world.editor_b, _rec("k", TransactionType.DISBURSEMENT, "1000", currency="JPY"))
    t = aid.totals(world.editor_b, 2021)
    assert t.disbursed_usd == 0 and len(t.missing_usd_ids) == 1


def test_year_on_year_summary_sits_beside_published_figures(world: World, aid: AidService) -> None:
    _ledger(world, aid)
    doc = add_document(world.auth.db, "seed-002", visibility="public")
    aid.add_published(
        world.editor_b,
        PublishedAggregate(
            id=0,
            year=2021,
            label="Giải ngân viện trợ PCPNN",
            amount_usd=Decimal("233000000"),
            change_pct=Decimal(5),
            quote="đạt khoảng 233 triệu USD, tăng 5% so với năm 2020",
            source_document_id=doc,
        ),
    )
    [s2021] = aid.year_summaries(world.editor_b, 2021, 2021)
    assert s2021.disbursed_change_pct == Decimal("33.33")
    assert s2021.totals.disbursed_usd == Decimal("200000.00")  # the published figure is apart
    assert [p.amount_usd for p in s2021.published] == [Decimal("233000000.00")]


def test_change_pct_without_a_base_is_none() -> None:
    assert change_pct(Decimal(5), Decimal(0)) is None
    assert change_pct(Decimal(105), Decimal(100)) == Decimal("5.00")


def test_reimport_is_idempotent_and_changed_rows_conflict(world: World, aid: AidService) -> None:
    _ledger(world, aid)
    csv_text = aid.export_csv(world.editor_b)
    again = aid.import_csv(world.editor_b, csv_text)
    assert again.added == [] and sorted(again.unchanged) == ["c1", "d0", "d1", "d2", "p1"]
    changed = csv_text.replace(",100000.00,", ",100001.00,")
    with pytest.raises(Conflict):
        aid.import_csv(world.editor_b, changed)
    assert len(aid.records(world.admin)) == 5


def test_import_is_all_or_nothing_with_line_numbers(world: World, aid: AidService) -> None:
    text = (
        "ref,activity_id,donor,recipient,transaction_type,amount,date\n"
        "a1,VN-1,Oxfam,Hội LHPN,disbursement,1000,2021-02-01\n"
        "a2,VN-1,Oxfam,Hội LHPN,disbursement,nhiều,2021-02-01\n"
    )
    with pytest.raises(InvalidInput, match="line 3"):
        aid.import_csv(world.editor_b, text)
    assert aid.records(world.admin) == []


def test_ledger_visibility_and_write_rights(world: World, aid: AidService) -> None:
    _ledger(world, aid)
    aid.add(
        world.editor_b,
        _rec("i1", TransactionType.DISBURSEMENT, "7", visibility=Visibility.INTERNAL),
    )
    assert len(aid.records(world.editor_a)) == 5  # B named A as partner: shared, not internal
    assert len(aid.records(world.coordinator)) == 5
    assert aid.records(world.anonymous) == []
    assert len(aid.records(world.admin)) == 6
    with pytest.raises(PermissionDenied):
        aid.add(world.viewer_a, _rec("v", TransactionType.PLEDGE, "1"))


def test_iati_export_validates_and_groups_by_activity(world: World, aid: AidService) -> None:
    _ledger(world, aid)
    aid.add(world.editor_b, _rec("z1", TransactionType.COMMITMENT, "5", activity_id="VN-2021-002"))
    xml = aid.export_iati(world.editor_b, AidFilter(year_from=2021, year_to=2021))
    assert validation_errors(xml) == []
    root = etree.fromstring(xml)
    assert root.get("version") == "2.03"
    assert len(root.findall("iati-activity")) == 2
    codes = [str(t.get("code")) for t in root.iter("transaction-type")]
    assert sorted(codes) == ["1", "1", "11", "11", "13"]
    eur = [v for v in root.iter("value") if v.get("currency") == "EUR"]
    assert eur[0].text == "92000.00"


def test_a_broken_iati_document_is_reported() -> None:
    bad = (
        b'<iati-activities version="2.03"><iati-activity><title/></iati-activity></iati-activities>'
    )
    assert validation_errors(bad)
