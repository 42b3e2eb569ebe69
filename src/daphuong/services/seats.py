"""Multilateral seats: record memberships, chairs, elected seats and candidacies; move status."""

from __future__ import annotations

import dataclasses
import datetime as dt

from daphuong.domain.access import Principal
from daphuong.domain.coordination import Seat, SeatKind, SeatStatus, seat_transition_allowed
from daphuong.errors import Conflict, InvalidInput, NotFound
from daphuong.services.auth import actor_name, require_writer, snapshot
from daphuong.store.audit import AuditRepository
from daphuong.store.engine import Database
from daphuong.store.seats import SeatRepository


def validate_seat(seat: Seat) -> None:
    """Refuse seats without a body or with a term that ends before it starts."""
    if not seat.body.strip():
        raise InvalidInput("a seat needs the body it is in")
    if seat.term_start and seat.term_end and seat.term_end < seat.term_start:
        raise InvalidInput("a term cannot end before it starts")


def overlaps_year(seat: Seat, year: int) -> bool:
    """Whether a seat's term touches the calendar year (open ends count as ongoing)."""
    start = seat.term_start or dt.date.min
    end = seat.term_end or dt.date.max
    return start <= dt.date(year, 12, 31) and end >= dt.date(year, 1, 1)


class SeatService:
    """Use cases on seats; the status lifecycle is enforced here."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, who: Principal, seat: Seat) -> Seat:
        """Record a seat at any status (history is entered as it stands)."""
        if seat.owner_org_id is None and not who.sees_everything:
            seat = dataclasses.replace(seat, owner_org_id=who.org_id)
        require_writer(who, seat.owner_org_id)
        validate_seat(seat)
        with self.db.transaction() as session:
            repo = SeatRepository(session)
            new_id = repo.save(dataclasses.replace(seat, id=0))
            saved = dataclasses.replace(seat, id=new_id)
            AuditRepository(session).record(
                actor=actor_name(who),
                action="seat.create",
                target_type="seat",
                target_id=new_id,
                after=snapshot(saved),
            )
            return saved

    def advance(
        self, who: Principal, seat_id: int, status: SeatStatus, *, on: dt.date | None = None
    ) -> Seat:
        """Move a seat along its lifecycle; invalid transitions raise Conflict."""
        with self.db.transaction() as session:
            repo = SeatRepository(session)
            before = repo.get(seat_id, who)
            if before is None:
                raise NotFound(f"no seat {seat_id}")
            require_writer(who, before.owner_org_id)
            if not seat_transition_allowed(before.status, status):
                raise Conflict(f"a seat cannot go from {before.status.value} to {status.value}")
            after = dataclasses.replace(before, status=status)
            if status is SeatStatus.SERVING and on is not None:
                after.term_start = on
            if status is SeatStatus.ENDED and on is not None:
                after.term_end = on
            validate_seat(after)
            repo.save(after)
            AuditRepository(session).record(
                actor=actor_name(who),
                action="seat.status",
                target_type="seat",
                target_id=seat_id,
                before=snapshot(before),
                after=snapshot(after),
            )
            return after

    def get(self, who: Principal, seat_id: int) -> Seat:
        """One seat the caller may see."""
        with self.db.reader() as session:
            found = SeatRepository(session).get(seat_id, who)
        if found is None:
            raise NotFound(f"no seat {seat_id}")
        return found

    def list(
        self,
        who: Principal,
        *,
        kind: SeatKind | None = None,
        status: SeatStatus | None = None,
        year: int | None = None,
    ) -> list[Seat]:
        """Seats the caller may see, optionally those whose term touches `year`."""
        with self.db.reader() as session:
            seats = SeatRepository(session).find(who, kind=kind, status=status)
        return [s for s in seats if year is None or overlaps_year(s, year)]
