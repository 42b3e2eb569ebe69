"""The dashboard: counts, latest events, most active organizations, recent documents."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from daphuong.domain.access import Principal
from daphuong.services.catalog import CatalogService, DocumentSummary
from daphuong.services.timeline import EventFacts, load_events
from daphuong.store.engine import Database
from daphuong.store.registry.entities import EntityRepository

RECENT = 8


@dataclass(frozen=True, slots=True)
class EventItem:
    """An event in a short list: what, when, who organized it."""

    entity_id: int
    name: str
    kind: str
    date: str
    organizers: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class OrgActivity:
    """An organization and how many events it organized or took part in."""

    entity_id: int
    name: str
    events: int


@dataclass(slots=True)
class Dashboard:
    """Everything the dashboard shows."""

    counts: dict[str, int] = field(default_factory=dict)
    latest_events: list[EventItem] = field(default_factory=list)
    active_organizations: list[OrgActivity] = field(default_factory=list)
    recent_documents: list[DocumentSummary] = field(default_factory=list)


class DashboardService:
    """Builds the dashboard from the catalogue and the registry's events."""

    def __init__(self, db: Database, catalog: CatalogService) -> None:
        self.db = db
        self.catalog = catalog

    def build(self, who: Principal) -> Dashboard:
        """The dashboard as the caller may see it."""
        recent = self.catalog.list_documents(who, limit=RECENT)
        board = Dashboard(recent_documents=recent.items)
        board.counts["documents"] = recent.total
        with self.db.reader() as session:
            entities = EntityRepository(session)
            for label, kind in (("people", "PERSON"), ("organizations", "ORG")):
                board.counts[label] = len(entities.visible_ids(who, entity_type=kind))
            events = load_events(session, who)
        board.counts["events"] = len(events)
        events.sort(key=lambda e: e.date, reverse=True)
        board.latest_events = [
            EventItem(e.id, e.name, ", ".join(e.kinds), e.date, tuple(n for _, n in e.organizers))
            for e in events[:RECENT]
        ]
        board.active_organizations = _most_active(events)
        return board


def _most_active(events: list[EventFacts]) -> list[OrgActivity]:
    """Organizations by how many events they organized (chairs are people, so not counted)."""
    counts: Counter[int] = Counter()
    names: dict[int, str] = {}
    for e in events:
        for org_id, name in e.organizers:
            if org_id is not None:
                counts[org_id] += 1
                names.setdefault(org_id, name)
    return [OrgActivity(i, names[i], n) for i, n in counts.most_common(RECENT)]
