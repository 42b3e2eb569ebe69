"""Review queue: list proposed statements, confirm or reject them (same_as confirms merge)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from daphuong.domain.access import Principal
from daphuong.errors import Conflict, NotFound
from daphuong.services.curation import merge_entities, require_curator
from daphuong.services.hooks import EntityIndexHook
from daphuong.services.org_gazetteer import OrgGazetteer
from daphuong.services.registry import reindex
from daphuong.services.tenures import citation
from daphuong.store.audit import AuditRepository
from daphuong.store.engine import Database, retried
from daphuong.store.models.registry import StatementRow
from daphuong.store.registry.entities import EntityRepository
from daphuong.store.registry.statements import StatementRepository, Status, qualifiers_of


def statement_json(row: StatementRow, caption: str | None = None) -> dict[str, Any]:
    """A statement as the review queue and exports show it."""
    out: dict[str, Any] = {
        "id": row.id,
        "entity_id": row.entity_id,
        "prop": row.prop,
        "value": row.value,
        "object_entity_id": row.object_entity_id,
        "qualifiers": qualifiers_of(row),
        "observed_on": row.observed_on.isoformat() if row.observed_on else None,
        "origin": row.origin,
        "decided_by": row.decided_by,
        **citation(row),
    }
    if caption is not None:
        out["entity_caption"] = caption
    return out


class ReviewService:
    """People confirm or reject what the machine proposed; decisions outlive re-extraction."""

    def __init__(
        self,
        db: Database,
        index_hooks: Sequence[EntityIndexHook] = (),
        gazetteer: OrgGazetteer | None = None,
    ) -> None:
        self.db = db
        self.index_hooks = list(index_hooks)
        self.gazetteer = gazetteer if gazetteer is not None else OrgGazetteer.bundled()

    def pending(
        self, who: Principal, *, prop: str | None = None, limit: int = 50
    ) -> list[dict[str, Any]]:
        """Proposed statements `who` may see, least confident first."""
        with self.db.reader() as session:
            entities = EntityRepository(session)
            out = []
            for row in StatementRepository(session).proposed(who, prop=prop, limit=limit):
                entity = entities.get(row.entity_id)
                out.append(statement_json(row, entity.caption if entity else None))
            return out

    def confirm(self, statement_id: int, who: Principal) -> dict[str, Any]:
        """Confirm a statement; a confirmed same_as merges the two entities."""
        return self._decide(statement_id, Status.CONFIRMED, who)

    def reject(self, statement_id: int, who: Principal) -> dict[str, Any]:
        """Reject a statement; the machine proposing it again will not revive it."""
        return self._decide(statement_id, Status.REJECTED, who)

    @retried
    def _decide(self, statement_id: int, status: Status, who: Principal) -> dict[str, Any]:
        require_curator(who)
        with self.db.transaction() as session:
            repo = StatementRepository(session)
            row = repo.visible(statement_id, who)
            if row is None:
                raise NotFound(f"no statement {statement_id}")
            if row.status == status.value:
                raise Conflict(f"statement {statement_id} is already {status.value}")
            before = {"status": row.status, "decided_by": row.decided_by}
            repo.decide(row, status, who.username)
            result: dict[str, Any] = {"statement_id": row.id, "status": status.value}
            touched = [row.entity_id]
            entities = EntityRepository(session)
            if (
                row.prop == "same_as"
                and status is Status.CONFIRMED
                and row.object_entity_id
                and entities.canonical(row.object_entity_id) != entities.canonical(row.entity_id)
            ):
                merge = merge_entities(
                    session, row.object_entity_id, row.entity_id, who.username, statement_id=row.id
                )
                result["merge_id"] = merge.id
                touched += [merge.winner_id, merge.loser_id]
            AuditRepository(session).record(
                actor=who.username,
                action=f"statement.{status.value}",
                target_type="statement",
                target_id=row.id,
                before=before,
                after={"status": status.value, "decided_by": who.username},
            )
            reindex(session, touched, self.index_hooks, self.gazetteer)
            return result
