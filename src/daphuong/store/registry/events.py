"""Event queries: candidates for cross-report matching and per-event report counts."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from daphuong.domain.access import Principal
from daphuong.store.access import visible_clause
from daphuong.store.models.registry import EntityRow, StatementRow
from daphuong.store.registry.statements import Status

EVENT = "EVENT"


class EventRepository:
    """Reads event entities through their kind, date and name statements."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def on_month_day(self, month_day: str) -> set[int]:
        """Event entity ids dated `-MM-DD` in any year (or with the year unknown)."""
        stmt = (
            select(StatementRow.entity_id)
            .join(EntityRow, EntityRow.id == StatementRow.entity_id)
            .where(
                EntityRow.type == EVENT,
                StatementRow.prop == "date",
                StatementRow.value.endswith(month_day, autoescape=True),
                StatementRow.status != Status.REJECTED.value,
            )
        )
        return set(self.session.scalars(stmt))

    def in_document(self, document_key: str) -> set[int]:
        """Event entity ids that one document (any version) reported."""
        stmt = select(StatementRow.entity_id).where(
            StatementRow.document_key == document_key, StatementRow.prop == "kind"
        )
        return set(self.session.scalars(stmt))

    def reports(self, who: Principal) -> list[tuple[int, str]]:
        """(event entity id, document key) for every report of an event `who` may see."""
        stmt = (
            select(StatementRow.entity_id, StatementRow.document_key)
            .join(EntityRow, EntityRow.id == StatementRow.entity_id)
            .where(
                EntityRow.type == EVENT,
                StatementRow.prop == "kind",
                StatementRow.document_key.is_not(None),
                StatementRow.status != Status.REJECTED.value,
                visible_clause(StatementRow.visibility, StatementRow.owner_org_id, who),
            )
            .distinct()
        )
        return [(e, k) for e, k in self.session.execute(stmt) if k is not None]
