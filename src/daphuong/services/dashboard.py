"""The dashboard: counts, latest events, most active organizations, recent documents."""

from __future__ import annotations

from dataclasses import dataclass, field

from daphuong.domain.access import Principal
from daphuong.services.catalog import CatalogService, DocumentSummary
from daphuong.store.engine import Database

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
        return board
