"""Repository for activities with their partners, participants and linked documents."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from daphuong.domain.access import Principal
from daphuong.domain.coordination import Activity, Area, Participant
from daphuong.domain.document import Visibility
from daphuong.store.access import visible_clause
from daphuong.store.models.coordination import (
    ActivityDocumentRow,
    ActivityParticipantRow,
    ActivityPartnerRow,
    ActivityRow,
)

SCALAR_FIELDS: tuple[str, ...] = (
    "kind",
    "title",
    "start_date",
    "end_date",
    "place",
    "organizer_org_id",
)
SCALAR_FIELDS += ("mechanism", "outcome", "source_document_id", "owner_org_id")


@dataclass(slots=True)
class ActivityFilter:
    """Which activities to list."""

    year: int | None = None
    area: Area | None = None
    kind: str | None = None
    org_id: int | None = None  # organizer or owner
    limit: int = 200
    offset: int = 0


class ActivityRepository:
    """Queries and writes on activity tables, inside the caller's session."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def save(self, activity: Activity, spans: list[list[int]] | None = None) -> int:
        """Insert (id 0) or update an activity and replace its child rows; returns the id."""
        row = self.session.get(ActivityRow, activity.id) if activity.id else None
        if row is None:
            row = ActivityRow()
            self.session.add(row)
        for name in SCALAR_FIELDS:
            setattr(row, name, getattr(activity, name))
        row.area = activity.area.value if activity.area else None
        row.visibility = activity.visibility.value
        row.topics_json = json.dumps(activity.topics, ensure_ascii=False)
        row.organizer_names_json = json.dumps(activity.organizer_names, ensure_ascii=False)
        if spans is not None:
            row.source_spans_json = json.dumps(spans)
        self.session.flush()
        self._replace_children(row.id, activity)
        return row.id

    def _replace_children(self, activity_id: int, activity: Activity) -> None:
        for table in (ActivityPartnerRow, ActivityParticipantRow, ActivityDocumentRow):
            self.session.execute(delete(table).where(table.activity_id == activity_id))
        for org_id in dict.fromkeys(activity.partner_org_ids):
            self.session.add(ActivityPartnerRow(activity_id=activity_id, org_id=org_id))
        for p in activity.participants:
            self.session.add(
                ActivityParticipantRow(
                    activity_id=activity_id, name=p.name, role=p.role, org_name=p.org_name
                )
            )
        for doc_id in dict.fromkeys(activity.document_ids):
            self.session.add(ActivityDocumentRow(activity_id=activity_id, document_id=doc_id))
        self.session.flush()

    def get(self, activity_id: int, who: Principal) -> Activity | None:
        """One activity if `who` may see it."""
        stmt = select(ActivityRow).where(
            ActivityRow.id == activity_id,
            visible_clause(ActivityRow.visibility, ActivityRow.owner_org_id, who),
        )
        row = self.session.scalars(stmt).first()
        return None if row is None else self._load([row])[0]

    def delete(self, activity_id: int) -> None:
        """Remove an activity and its child rows."""
        self._replace_children(
            activity_id, Activity(id=activity_id, kind="", title="", start_date=None)
        )
        self.session.execute(delete(ActivityRow).where(ActivityRow.id == activity_id))

    def find(self, who: Principal, flt: ActivityFilter | None = None) -> list[Activity]:
        """Activities `who` may see, newest first."""
        flt = flt or ActivityFilter()
        stmt = select(ActivityRow).where(
            visible_clause(ActivityRow.visibility, ActivityRow.owner_org_id, who)
        )
        if flt.year is not None:
            stmt = stmt.where(
                ActivityRow.start_date >= dt.date(flt.year, 1, 1),
                ActivityRow.start_date <= dt.date(flt.year, 12, 31),
            )
        if flt.area is not None:
            stmt = stmt.where(ActivityRow.area == flt.area.value)
        if flt.kind is not None:
            stmt = stmt.where(ActivityRow.kind == flt.kind)
        if flt.org_id is not None:
            stmt = stmt.where(
                (ActivityRow.organizer_org_id == flt.org_id)
                | (ActivityRow.owner_org_id == flt.org_id)
            )
        stmt = stmt.order_by(ActivityRow.start_date.desc().nulls_last(), ActivityRow.id.desc())
        rows = list(self.session.scalars(stmt.limit(flt.limit).offset(flt.offset)))
        return self._load(rows)

    def _load(self, rows: list[ActivityRow]) -> list[Activity]:
        ids = [r.id for r in rows]
        if not ids:
            return []
        partners: dict[int, list[int]] = {}
        for p in self.session.scalars(
            select(ActivityPartnerRow).where(ActivityPartnerRow.activity_id.in_(ids))
        ):
            partners.setdefault(p.activity_id, []).append(p.org_id)
        people: dict[int, list[Participant]] = {}
        for q in self.session.scalars(
            select(ActivityParticipantRow)
            .where(ActivityParticipantRow.activity_id.in_(ids))
            .order_by(ActivityParticipantRow.id)
        ):
            people.setdefault(q.activity_id, []).append(Participant(q.name, q.role, q.org_name))
        docs: dict[int, list[int]] = {}
        for d in self.session.scalars(
            select(ActivityDocumentRow).where(ActivityDocumentRow.activity_id.in_(ids))
        ):
            docs.setdefault(d.activity_id, []).append(d.document_id)
        return [
            _to_activity(r, partners.get(r.id, []), people.get(r.id, []), docs.get(r.id, []))
            for r in rows
        ]


def _to_activity(
    row: ActivityRow, partners: list[int], people: list[Participant], docs: list[int]
) -> Activity:
    return Activity(
        id=row.id,
        kind=row.kind,
        title=row.title,
        start_date=row.start_date,
        end_date=row.end_date,
        place=row.place,
        area=Area(row.area) if row.area else None,
        organizer_org_id=row.organizer_org_id,
        partner_org_ids=sorted(partners),
        organizer_names=json.loads(row.organizer_names_json),
        mechanism=row.mechanism,
        topics=json.loads(row.topics_json),
        participants=people,
        outcome=row.outcome,
        document_ids=sorted(docs),
        source_document_id=row.source_document_id,
        visibility=Visibility(row.visibility),
        owner_org_id=row.owner_org_id,
    )
