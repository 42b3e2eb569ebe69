"""Event statistics: how many reports fold into one canonical event (the duplicate rate)."""

from __future__ import annotations

from typing import Any

from daphuong.domain.access import Principal
from daphuong.store.engine import Database
from daphuong.store.registry.entities import EntityRepository
from daphuong.store.registry.events import EventRepository
from daphuong.store.registry.statements import StatementRepository


class EventStats:
    """Read-only figures about events across reports."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def duplicates(self, who: Principal) -> dict[str, Any]:
        """Reports, canonical events, and the share of reports that repeat a known event."""
        with self.db.reader() as session:
            entities = EntityRepository(session)
            pairs = EventRepository(session).reports(who)
            canon = entities.canonical_map(e for e, _ in pairs)
            documents: dict[int, set[str]] = {}
            for entity_id, key in pairs:
                documents.setdefault(canon[entity_id], set()).add(key)
            reports = sum(len(d) for d in documents.values())
            multi = []
            for event_id, docs in sorted(documents.items()):
                row = entities.get(event_id)
                if len(docs) > 1 and row is not None:
                    multi.append(
                        {"id": event_id, "caption": row.caption, "documents": sorted(docs)}
                    )
            pending = StatementRepository(session).proposed(who, prop="same_as", limit=10_000)
            open_events = [r for r in pending if r.entity_id in canon or r.entity_id in documents]
            return {
                "reports": reports,
                "events": len(documents),
                "duplicate_reports": reports - len(documents),
                "duplicate_rate": (reports - len(documents)) / reports if reports else 0.0,
                "multi_report_events": multi,
                "open_same_as_proposals": len(open_events),
            }
