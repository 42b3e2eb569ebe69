"""Events by year and month, filterable by organization, mechanism (any party) and kind."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from daphuong.domain.access import Principal
from daphuong.store.engine import Database
from daphuong.store.registry.entities import EntityRepository
from daphuong.store.registry.statements import StatementRepository, spans_of

EVENT_PROPS = ("kind", "date", "name", "organizer", "chair")
UNDATED = "----"


@dataclass(slots=True)
class EventFacts:
    """One event entity with what the registry says about it."""

    id: int
    name: str
    kinds: list[str] = field(default_factory=list)
    date: str = ""
    organizers: list[tuple[int | None, str]] = field(default_factory=list)
    chairs: list[tuple[int | None, str]] = field(default_factory=list)
    sources: list[tuple[int, str]] = field(default_factory=list)  # (document id, anchor)

    @property
    def year(self) -> str:
        """The year, or '----' when the date is unknown or has no year (--MM-DD)."""
        head = self.date[:4]
        return head if head.isdigit() else UNDATED

    @property
    def month(self) -> str:
        """The month number as two digits, or '' when unknown."""
        part = self.date[5:7] if self.year != UNDATED else self.date[2:4]
        return part if part.isdigit() else ""

    @property
    def parties(self) -> set[int]:
        """Entity ids of every organizer and chair."""
        return {i for i, _ in (*self.organizers, *self.chairs) if i is not None}


@dataclass(slots=True)
class Timeline:
    """Events grouped by year then month, newest first."""

    years: list[tuple[str, list[tuple[str, list[EventFacts]]]]]
    total: int
    kinds: list[str]


def load_events(session: Session, who: Principal) -> list[EventFacts]:
    """Every event the caller may see, with kind, date, name, organizers, chairs and sources."""
    entities = EntityRepository(session)
    ids = entities.visible_ids(who, entity_type="EVENT")
    if not ids:
        return []
    captions = {e.id: e.caption for e in entities.rows(ids)}
    rows = [
        r
        for r in StatementRepository(session).about(ids, who)
        if r.entity_id in captions and r.prop in EVENT_PROPS
    ]
    canon = entities.canonical_map({r.object_entity_id for r in rows if r.object_entity_id})
    events = {i: EventFacts(i, captions[i]) for i in ids}
    for r in rows:
        event = events[r.entity_id]
        target = canon.get(r.object_entity_id) if r.object_entity_id else None
        if r.prop == "kind" and r.value not in event.kinds:
            event.kinds.append(r.value)
        elif r.prop == "date" and not event.date:
            event.date = r.value
        elif r.prop == "name" and len(r.value) > len(event.name):
            event.name = r.value
        elif r.prop == "organizer" and (target, r.value) not in event.organizers:
            event.organizers.append((target, r.value))
        elif r.prop == "chair" and (target, r.value) not in event.chairs:
            event.chairs.append((target, r.value))
        spans = spans_of(r)
        if r.document_id and spans and r.prop == "kind":
            event.sources.append((r.document_id, f"span-{spans[0][0]}-{spans[0][1]}"))
    return list(events.values())


def _matches(event: EventFacts, party: int | None, kind: str | None) -> bool:
    if kind and kind not in event.kinds:
        return False
    return party is None or party in event.parties


def group(events: list[EventFacts]) -> list[tuple[str, list[tuple[str, list[EventFacts]]]]]:
    """Year → month → events, newest first, undated last."""
    by_year: dict[str, dict[str, list[EventFacts]]] = defaultdict(lambda: defaultdict(list))
    for e in events:
        by_year[e.year][e.month].append(e)
    years = sorted((y for y in by_year if y != UNDATED), reverse=True)
    years += [UNDATED] if UNDATED in by_year else []
    out = []
    for y in years:
        months = sorted(by_year[y].items(), key=lambda kv: kv[0], reverse=True)
        out.append((y, [(m, sorted(evs, key=lambda e: e.date, reverse=True)) for m, evs in months]))
    return out


class TimelineService:
    """Builds the events timeline for a caller."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def _select(
        self, who: Principal, party: int | None, kind: str | None
    ) -> tuple[list[EventFacts], list[EventFacts]]:
        with self.db.reader() as session:
            if party is not None:
                party = EntityRepository(session).canonical(party)
            every = load_events(session, who)
        found = [e for e in every if _matches(e, party, kind)]
        found.sort(key=lambda e: (e.year != UNDATED, e.date), reverse=True)
        return every, found

    def events(
        self, who: Principal, *, party: int | None = None, kind: str | None = None
    ) -> list[EventFacts]:
        """Events matching the filters, newest first."""
        return self._select(who, party, kind)[1]

    def timeline(
        self, who: Principal, *, party: int | None = None, kind: str | None = None
    ) -> Timeline:
        """Matching events grouped by year and month, and the kinds there are to filter by."""
        every, found = self._select(who, party, kind)
        kinds = sorted({k for e in every for k in e.kinds})
        return Timeline(group(found), len(found), kinds)
