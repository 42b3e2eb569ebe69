"""Repository for multilateral seats (memberships, chairmanships, elected seats, candidacies)."""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from daphuong.domain.access import Principal
from daphuong.domain.coordination import Seat, SeatKind, SeatStatus
from daphuong.domain.document import Visibility
from daphuong.store.access import visible_clause
from daphuong.store.models.coordination import SeatRow

FIELDS = ("body", "position", "term_start", "term_end", "holder_org_id", "obligations")


def to_seat(row: SeatRow) -> Seat:
    """Convert a row to the domain seat."""
    return Seat(
        id=row.id,
        body=row.body,
        kind=SeatKind(row.kind),
        status=SeatStatus(row.status),
        position=row.position,
        term_start=row.term_start,
        term_end=row.term_end,
        holder_org_id=row.holder_org_id,
        obligations=row.obligations,
        document_ids=json.loads(row.document_ids_json),
        visibility=Visibility(row.visibility),
        owner_org_id=row.owner_org_id,
    )


class SeatRepository:
    """Queries and writes on the seats table, inside the caller's session."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def save(self, seat: Seat) -> int:
        """Insert (id 0) or update a seat; returns the id."""
        row = self.session.get(SeatRow, seat.id) if seat.id else None
        if row is None:
            row = SeatRow()
            self.session.add(row)
        for name in FIELDS:
            setattr(row, name, getattr(seat, name))
        row.kind = seat.kind.value
        row.status = seat.status.value
        row.document_ids_json = json.dumps(sorted(set(seat.document_ids)))
        row.visibility = seat.visibility.value
        row.owner_org_id = seat.owner_org_id
        self.session.flush()
        return row.id

    def get(self, seat_id: int, who: Principal) -> Seat | None:
        """One seat if `who` may see it."""
        stmt = select(SeatRow).where(
            SeatRow.id == seat_id, visible_clause(SeatRow.visibility, SeatRow.owner_org_id, who)
        )
        row = self.session.scalars(stmt).first()
        return None if row is None else to_seat(row)

    def find(
        self, who: Principal, *, kind: SeatKind | None = None, status: SeatStatus | None = None
    ) -> list[Seat]:
        """Seats `who` may see, most recent term first."""
        stmt = select(SeatRow).where(visible_clause(SeatRow.visibility, SeatRow.owner_org_id, who))
        if kind is not None:
            stmt = stmt.where(SeatRow.kind == kind.value)
        if status is not None:
            stmt = stmt.where(SeatRow.status == status.value)
        stmt = stmt.order_by(SeatRow.term_start.desc().nulls_last(), SeatRow.id.desc())
        return [to_seat(r) for r in self.session.scalars(stmt)]
