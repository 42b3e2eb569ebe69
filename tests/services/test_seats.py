"""SeatService: kinds, terms and the status lifecycle."""

from __future__ import annotations

import datetime as dt

import pytest

from daphuong.domain.coordination import Seat, SeatKind, SeatStatus
from daphuong.errors import Conflict, InvalidInput, PermissionDenied
from daphuong.services.seats import SeatService
from daphuong.store.engine import Database
from tests.services.coordination_world import World, make_world


@pytest.fixture
def world(db: Database) -> World:
    return make_world(db)


@pytest.fixture
def seats(db: Database) -> SeatService:
    return SeatService(db)


def _seat(kind: SeatKind, status: SeatStatus, body: str, start: int, end: int) -> Seat:
    return Seat(
        id=0,
        body=body,
        kind=kind,
        status=status,
        term_start=dt.date(start, 1, 1),
        term_end=dt.date(end, 12, 31),
    )


def test_a_candidacy_walks_the_lifecycle(world: World, seats: SeatService) -> None:
    hrc = seats.add(
        world.editor_a,
        _seat(
            SeatKind.CANDIDACY, SeatStatus.INTENDED, "Hội đồng Nhân quyền Liên hợp quốc", 2023, 2025
        ),
    )
    for status in (SeatStatus.ANNOUNCED, SeatStatus.ELECTED, SeatStatus.SERVING, SeatStatus.ENDED):
        hrc = seats.advance(world.editor_a, hrc.id, status)
    assert seats.get(world.anonymous, hrc.id).status is SeatStatus.ENDED
    log = world.accounts.audit_log(world.admin, target_type="seat")
    assert [e.after["status"] for e in log[:2]] == ["ended", "serving"]  # type: ignore[index]


@pytest.mark.parametrize(
    ("start", "to"),
    [
        (SeatStatus.INTENDED, SeatStatus.ELECTED),
        (SeatStatus.ANNOUNCED, SeatStatus.SERVING),
        (SeatStatus.SERVING, SeatStatus.ANNOUNCED),
        (SeatStatus.ENDED, SeatStatus.SERVING),
        (SeatStatus.WITHDRAWN, SeatStatus.ANNOUNCED),
    ],
)
def test_invalid_transitions_are_rejected(
    world: World, seats: SeatService, start: SeatStatus, to: SeatStatus
) -> None:
    seat = seats.add(world.editor_a, _seat(SeatKind.ELECTED_SEAT, start, "HĐBA LHQ", 2020, 2021))
    with pytest.raises(Conflict):
        seats.advance(world.editor_a, seat.id, to)
    assert seats.get(world.editor_a, seat.id).status is start


def test_serving_date_sets_term_start(world: World, seats: SeatService) -> None:
    seat = seats.add(
        world.editor_a, _seat(SeatKind.ELECTED_SEAT, SeatStatus.ELECTED, "HĐBA", 2020, 2021)
    )
    after = seats.advance(world.editor_a, seat.id, SeatStatus.SERVING, on=dt.date(2020, 1, 1))
    assert after.term_start == dt.date(2020, 1, 1)


def test_terms_filter_by_year_and_must_be_ordered(world: World, seats: SeatService) -> None:
    seats.add(world.editor_a, _seat(SeatKind.CHAIRMANSHIP, SeatStatus.ENDED, "ASEAN", 2020, 2020))
    seats.add(world.editor_a, _seat(SeatKind.ELECTED_SEAT, SeatStatus.ENDED, "HĐBA", 2020, 2021))
    assert {s.body for s in seats.list(world.anonymous, year=2021)} == {"HĐBA"}
    assert len(seats.list(world.anonymous, year=2020)) == 2
    assert len(seats.list(world.anonymous, kind=SeatKind.CHAIRMANSHIP)) == 1
    with pytest.raises(InvalidInput):
        seats.add(
            world.editor_a, _seat(SeatKind.MEMBERSHIP, SeatStatus.SERVING, "APPF", 2021, 2020)
        )


def test_only_the_owner_org_moves_a_seat(world: World, seats: SeatService) -> None:
    seat = seats.add(
        world.editor_a, _seat(SeatKind.CANDIDACY, SeatStatus.INTENDED, "UNESCO", 2025, 2029)
    )
    with pytest.raises(PermissionDenied):
        seats.advance(world.editor_b, seat.id, SeatStatus.ANNOUNCED)
