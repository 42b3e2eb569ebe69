"""Append-only audit repository."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from daphuong.store.models.audit import AuditRow


class AuditRepository:
    """Records and lists changes inside the caller's transaction."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def record(  # noqa: PLR0913  (keyword-only fields of one audit entry)
        self,
        *,
        actor: str,
        action: str,
        target_type: str,
        target_id: str | int,
        before: Any = None,
        after: Any = None,
        note: str | None = None,
    ) -> AuditRow:
        """Append one change (before/after are JSON-serialised)."""
        row = AuditRow(
            actor=actor,
            action=action,
            target_type=target_type,
            target_id=str(target_id),
            before_json=None if before is None else json.dumps(before, ensure_ascii=False),
            after_json=None if after is None else json.dumps(after, ensure_ascii=False),
            note=note,
        )
        self.session.add(row)
        self.session.flush()
        return row

    def list(
        self, *, target_type: str | None = None, target_id: str | None = None, limit: int = 100
    ) -> list[AuditRow]:
        """Most recent changes first, optionally for one target."""
        stmt = select(AuditRow).order_by(AuditRow.id.desc()).limit(limit)
        if target_type is not None:
            stmt = stmt.where(AuditRow.target_type == target_type)
        if target_id is not None:
            stmt = stmt.where(AuditRow.target_id == target_id)
        return list(self.session.scalars(stmt))
