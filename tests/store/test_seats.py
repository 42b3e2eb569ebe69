"""Seat repository on both backends: round trip and ordering with open terms."""

from __future__ import annotations

import datetime as dt

from daphuong.domain.access import Principal
from daphuong.domain.coordination import (
    Seat,
    SeatKind,
    SeatStatus,
)
from daphuong.store.engine import Database
from daphuong.store.seats import SeatRepository


def test_seat_round_trip_and_nulls_last(db: Database) -> None:
    with db.transaction() as s:
        repo = SeatRepository(s)
        repo.save(Seat(id=0, body="APPF", kind=SeatKind.MEMBERSHIP, status=SeatStatus.SERVING))
        repo.save(
            Seat(
                id=0,
                body="HĐBA",
                kind=SeatKind.ELECTED_SEAT,
                status=SeatStatus.ENDED,
                term_start=dt.date(2020, 1, 1),
                term_end=dt.date(2021, 12, 31),
                document_ids=[3, 3],
            )
        )
    with db.reader() as s:
        seats = SeatRepository(s).find(Principal.anonymous())
    assert [x.body for x in seats] == ["HĐBA", "APPF"]
    assert seats[0].document_ids == [3]
