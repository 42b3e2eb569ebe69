"""Activities: record, change and list them; turn an extracted event into one."""

from __future__ import annotations

import dataclasses
import datetime as dt

from daphuong.domain.access import Principal
from daphuong.domain.coordination import Activity, Area, Participant
from daphuong.domain.document import Visibility
from daphuong.domain.extraction import EVENT_KINDS, ExtractedEvent
from daphuong.errors import Conflict, InvalidInput, NotFound
from daphuong.services.auth import actor_name, require_writer, snapshot
from daphuong.store.accounts import AccountRepository
from daphuong.store.activities import ActivityFilter, ActivityRepository
from daphuong.store.audit import AuditRepository
from daphuong.store.documents import DocumentRepository
from daphuong.store.engine import Database

# Narrowest last: an activity drawn from a document may not be seen more widely than it.
VISIBILITY_RANK = {Visibility.PUBLIC: 0, Visibility.SHARED: 1, Visibility.INTERNAL: 2}
CHAIR_ROLE = "chủ trì"


def validate_activity(activity: Activity) -> None:
    """Refuse activities that break the record's rules."""
    if activity.kind not in EVENT_KINDS:
        raise InvalidInput(f"unknown activity kind {activity.kind!r}: use one of {EVENT_KINDS}")
    if not activity.title.strip():
        raise InvalidInput("an activity needs a title")
    if activity.start_date and activity.end_date and activity.end_date < activity.start_date:
        raise InvalidInput("an activity cannot end before it starts")


def parse_event_date(value: str) -> dt.date | None:
    """A full ISO date from an extracted event; None for '' or partial dates like '--04-12'."""
    try:
        return dt.date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        return None


class ActivityService:
    """Use cases on activities; visibility and write rights are checked here."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def create(self, who: Principal, activity: Activity) -> Activity:
        """Record a new activity (owned by the caller's organization unless set by an admin)."""
        if activity.owner_org_id is None and not who.sees_everything:
            activity = dataclasses.replace(activity, owner_org_id=who.org_id)
        require_writer(who, activity.owner_org_id)
        validate_activity(activity)
        with self.db.transaction() as session:
            repo = ActivityRepository(session)
            new_id = repo.save(dataclasses.replace(activity, id=0))
            saved = repo.get(new_id, Principal.local_system())
            assert saved is not None  # just written
            AuditRepository(session).record(
                actor=actor_name(who),
                action="activity.create",
                target_type="activity",
                target_id=new_id,
                after=snapshot(saved),
            )
            return saved

    def update(self, who: Principal, activity: Activity) -> Activity:
        """Replace an activity the caller may see and write."""
        validate_activity(activity)
        with self.db.transaction() as session:
            repo = ActivityRepository(session)
            before = repo.get(activity.id, who)
            if before is None:
                raise NotFound(f"no activity {activity.id}")
            require_writer(who, before.owner_org_id)
            require_writer(who, activity.owner_org_id)
            repo.save(activity)
            after = repo.get(activity.id, Principal.local_system())
            AuditRepository(session).record(
                actor=actor_name(who),
                action="activity.update",
                target_type="activity",
                target_id=activity.id,
                before=snapshot(before),
                after=snapshot(after),
            )
            assert after is not None
            return after

    def delete(self, who: Principal, activity_id: int) -> None:
        """Remove an activity the caller may write."""
        with self.db.transaction() as session:
            repo = ActivityRepository(session)
            before = repo.get(activity_id, who)
            if before is None:
                raise NotFound(f"no activity {activity_id}")
            require_writer(who, before.owner_org_id)
            repo.delete(activity_id)
            AuditRepository(session).record(
                actor=actor_name(who),
                action="activity.delete",
                target_type="activity",
                target_id=activity_id,
                before=snapshot(before),
            )

    def get(self, who: Principal, activity_id: int) -> Activity:
        """One activity the caller may see."""
        with self.db.reader() as session:
            found = ActivityRepository(session).get(activity_id, who)
        if found is None:
            raise NotFound(f"no activity {activity_id}")
        return found

    def list(self, who: Principal, flt: ActivityFilter | None = None) -> list[Activity]:
        """Activities the caller may see."""
        with self.db.reader() as session:
            return ActivityRepository(session).find(who, flt)

    def from_extracted_event(
        self,
        who: Principal,
        document_id: int,
        event: ExtractedEvent,
        *,
        area: Area | None = None,
        visibility: Visibility | None = None,
    ) -> Activity:
        """Turn an event found in a document into an activity linked to that document."""
        with self.db.transaction() as session:
            doc = DocumentRepository(session).get(document_id)
            if doc is None or not who.can_see(Visibility(doc.visibility), doc.owner_org_id):
                raise NotFound(f"no document {document_id}")
            doc_vis = Visibility(doc.visibility)
            vis = visibility or doc_vis
            if VISIBILITY_RANK[vis] < VISIBILITY_RANK[doc_vis]:
                raise InvalidInput(f"the document is {doc_vis.value}: the activity cannot be wider")
            owner = who.org_id if not who.sees_everything else (who.org_id or doc.owner_org_id)
            require_writer(who, owner)
            activity = self._activity_from_event(
                AccountRepository(session), event, document_id, owner
            )
            activity = dataclasses.replace(activity, area=area, visibility=vis)
            validate_activity(activity)
            repo = ActivityRepository(session)
            self._refuse_duplicate(repo, activity)
            new_id = repo.save(activity, spans=[m.to_list() for m in event.mentions])
            saved = repo.get(new_id, Principal.local_system())
            AuditRepository(session).record(
                actor=actor_name(who),
                action="activity.from_event",
                target_type="activity",
                target_id=new_id,
                after=snapshot(saved),
                note=f"document {document_id}",
            )
            assert saved is not None
            return saved

    @staticmethod
    def _activity_from_event(
        accounts: AccountRepository, event: ExtractedEvent, document_id: int, owner: int | None
    ) -> Activity:
        known: list[int] = []
        unknown: list[str] = []
        for name in event.organizers:
            row = accounts.org_by_name(name)
            (known.append(row.id) if row is not None else unknown.append(name))
        start = parse_event_date(event.date)
        title = event.name or f"{event.kind.capitalize()} {event.date}".strip()
        return Activity(
            id=0,
            kind=event.kind if event.kind in EVENT_KINDS else "khác",
            title=title,
            start_date=start,
            organizer_org_id=known[0] if known else None,
            partner_org_ids=known[1:],
            organizer_names=unknown,
            participants=[Participant(name=c, role=CHAIR_ROLE) for c in event.chairs],
            outcome="" if start or not event.date else f"Ngày theo văn bản: {event.date}",
            document_ids=[document_id],
            source_document_id=document_id,
            owner_org_id=owner,
        )

    @staticmethod
    def _refuse_duplicate(repo: ActivityRepository, activity: Activity) -> None:
        existing = repo.find(Principal.local_system(), ActivityFilter(kind=activity.kind))
        for other in existing:
            same = (other.source_document_id, other.title, other.start_date) == (
                activity.source_document_id,
                activity.title,
                activity.start_date,
            )
            if same:
                raise Conflict(f"this event is already activity {other.id}")
