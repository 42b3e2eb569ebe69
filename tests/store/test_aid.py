"""Aid repository on both backends: decimals survive, filters and visibility apply."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from daphuong.domain.access import Principal
from daphuong.domain.aid import AidRecord, PublishedAggregate, TransactionType
from daphuong.domain.document import Visibility
from daphuong.store.aid import AidFilter, AidRepository
from daphuong.store.engine import Database


def _rec(ref: str, year: int, vis: Visibility = Visibility.PUBLIC) -> AidRecord:
    return AidRecord(
        id=0,
        ref=ref,
        activity_id="A",
        activity_title="T",
        donor="D",
        recipient="R",
        transaction_type=TransactionType.DISBURSEMENT,
        amount=Decimal("1234567.89"),
        currency="EUR",
        date=dt.date(year, 2, 3),
        usd_value=Decimal("1400000.10"),
        exchange_rate=Decimal("0.881834"),
        rate_source="ECB",
        visibility=vis,
    )


def test_money_round_trips_exactly(db: Database) -> None:
    with db.transaction() as s:
        AidRepository(s).save(_rec("r", 2021))
    with db.reader() as s:
        [got] = AidRepository(s).find(Principal.anonymous())
    assert got.amount == Decimal("1234567.89")
    assert got.usd_value == Decimal("1400000.10")
    assert got.exchange_rate == Decimal("0.881834")


def test_year_filter_and_visibility(db: Database) -> None:
    with db.transaction() as s:
        repo = AidRepository(s)
        repo.save(_rec("a", 2020))
        repo.save(_rec("b", 2021))
        repo.save(_rec("c", 2021, Visibility.INTERNAL))
        repo.add_aggregate(PublishedAggregate(id=0, year=2021, label="L", amount_usd=Decimal(233)))
    with db.reader() as s:
        repo = AidRepository(s)
        anon = Principal.anonymous()
        assert [r.ref for r in repo.find(anon, AidFilter(year_from=2021))] == ["b"]
        assert len(repo.find(Principal.local_system(), AidFilter(year_to=2021))) == 3
        assert repo.aggregates(anon, 2021)[0].amount_usd == Decimal("233.00")
        assert repo.by_ref("c") is not None
