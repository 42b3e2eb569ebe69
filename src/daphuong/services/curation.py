"""Curation: merge (with undo), split, rename, aliases; every change audited and re-indexed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

from daphuong.domain.access import Principal, Role
from daphuong.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from daphuong.services.hooks import EntityIndexHook
from daphuong.services.org_gazetteer import OrgGazetteer
from daphuong.services.registry import reindex
from daphuong.store.audit import AuditRepository
from daphuong.store.engine import Database, retried
from daphuong.store.models.registry import EntityRow, MergeRow
from daphuong.store.registry.entities import EntityRepository
from daphuong.store.registry.keys import clean_name, name_key
from daphuong.store.registry.merges import MergeRepository
from daphuong.store.registry.statements import (
    NAME_PROPS,
    NewStatement,
    Origin,
    StatementRepository,
    Status,
)

CURATORS = (Role.ADMIN, Role.COORDINATOR, Role.EDITOR)


def require_curator(who: Principal) -> None:
    """Only editors, coordinators, admins and the local system change the registry."""
    if not (who.system or who.role in CURATORS):
        raise PermissionDenied(f"{who.username} may not change the registry")


def visible_entity(session: Session, entity_id: int, who: Principal) -> EntityRow:
    """An entity `who` may see (through at least one statement), or NotFound."""
    entities = EntityRepository(session)
    row = entities.get(entity_id)
    cluster = entities.cluster(entities.canonical(entity_id)) if row is not None else []
    if row is None or not StatementRepository(session).about(cluster, who, with_rejected=True):
        raise NotFound(f"no entity {entity_id}")
    return row


def widest_visibility(session: Session, entity_id: int) -> tuple[str, int | None]:
    """Visibility for a curator's statement: as open as the entity's most open statement."""
    rows = StatementRepository(session).about(
        EntityRepository(session).cluster(entity_id), Principal.local_system(), with_rejected=True
    )
    order = {"public": 0, "shared": 1, "internal": 2}
    best = min(rows, key=lambda r: order.get(r.visibility, 3), default=None)
    return (best.visibility, best.owner_org_id) if best else ("internal", None)


def merge_entities(
    session: Session, winner_id: int, loser_id: int, actor: str, statement_id: int | None = None
) -> MergeRow:
    """Fold the loser's canonical entity into the winner's; audited."""
    entities = EntityRepository(session)
    winner = entities.get(entities.canonical(winner_id))
    loser = entities.get(entities.canonical(loser_id))
    if winner is None or loser is None:
        raise NotFound("no such entity")
    if winner.id == loser.id:
        raise Conflict(f"entities {winner_id} and {loser_id} are already one")
    if winner.type != loser.type:
        raise Conflict(f"cannot merge a {loser.type} into a {winner.type}")
    merge = MergeRepository(session).merge(winner, loser, actor, statement_id)
    AuditRepository(session).record(
        actor=actor,
        action="entity.merge",
        target_type="entity",
        target_id=winner.id,
        before={"loser_id": loser.id, "merged_into_id": None},
        after={"loser_id": loser.id, "merged_into_id": winner.id, "merge_id": merge.id},
    )
    return merge


class CurationService:
    """Human changes to canonical entities."""

    def __init__(
        self,
        db: Database,
        index_hooks: Sequence[EntityIndexHook] = (),
        gazetteer: OrgGazetteer | None = None,
    ) -> None:
        self.db = db
        self.index_hooks = list(index_hooks)
        self.gazetteer = gazetteer if gazetteer is not None else OrgGazetteer.bundled()

    @retried
    def merge(self, winner_id: int, loser_id: int, who: Principal) -> int:
        """Merge `loser_id` into `winner_id`; returns the merge id (for undo)."""
        require_curator(who)
        with self.db.transaction() as session:
            visible_entity(session, winner_id, who)
            visible_entity(session, loser_id, who)
            merge = merge_entities(session, winner_id, loser_id, who.username)
            reindex(session, [merge.winner_id, merge.loser_id], self.index_hooks, self.gazetteer)
            return merge.id

    @retried
    def undo_merge(self, merge_id: int, who: Principal) -> dict[str, int]:
        """Reverse a merge exactly; later merges of the winner are untouched."""
        require_curator(who)
        with self.db.transaction() as session:
            merges = MergeRepository(session)
            merge = merges.get(merge_id)
            if merge is None:
                raise NotFound(f"no merge {merge_id}")
            if merge.undone_at is not None:
                raise Conflict(f"merge {merge_id} was already undone")
            loser = EntityRepository(session).get(merge.loser_id)
            assert loser is not None  # merges keep their entities alive
            merges.undo(merge, loser, who.username)
            AuditRepository(session).record(
                actor=who.username,
                action="entity.undo_merge",
                target_type="entity",
                target_id=merge.winner_id,
                before={"loser_id": loser.id, "merged_into_id": merge.winner_id},
                after={"loser_id": loser.id, "merged_into_id": None, "merge_id": merge.id},
            )
            reindex(session, [merge.winner_id, merge.loser_id], self.index_hooks, self.gazetteer)
            return {"winner_id": merge.winner_id, "loser_id": merge.loser_id}

    def undo_last_merge(self, entity_id: int, who: Principal) -> dict[str, int]:
        """Undo the merge that folded `entity_id` into another entity."""
        with self.db.reader() as session:
            merge = MergeRepository(session).active_for_loser(entity_id)
            if merge is None:
                raise NotFound(f"entity {entity_id} is not merged into another")
            merge_id = merge.id
        return self.undo_merge(merge_id, who)

    @retried
    def split(self, entity_id: int, statement_ids: Sequence[int], who: Principal) -> int:
        """Move statements to a new entity; they are confirmed so re-extraction keeps the split."""
        require_curator(who)
        with self.db.transaction() as session:
            source = visible_entity(session, entity_id, who)
            repo = StatementRepository(session)
            cluster = EntityRepository(session).cluster(
                EntityRepository(session).canonical(entity_id)
            )
            rows = [repo.visible(i, who) for i in statement_ids]
            if not rows or any(r is None or r.entity_id not in cluster for r in rows):
                raise InvalidInput(f"statements must all belong to entity {entity_id}")
            new = EntityRepository(session).create(source.type, rows[0].value, who.username)  # type: ignore[union-attr]
            before = [{"id": r.id, "entity_id": r.entity_id, "status": r.status} for r in rows if r]
            for r in rows:
                assert r is not None
                r.entity_id = new.id
                repo.decide(r, Status.CONFIRMED, who.username)
            AuditRepository(session).record(
                actor=who.username,
                action="entity.split",
                target_type="entity",
                target_id=entity_id,
                before=before,
                after={"entity_id": new.id, "statement_ids": list(statement_ids)},
            )
            reindex(session, [entity_id, new.id], self.index_hooks, self.gazetteer)
            return new.id

    def rename(self, entity_id: int, name: str, who: Principal) -> None:
        """Set the entity's caption with a confirmed human name statement."""
        self._add_name(entity_id, name, "name", who)

    def add_alias(self, entity_id: int, alias: str, who: Principal) -> None:
        """Add a confirmed human alias (used for linking and quick-find)."""
        self._add_name(entity_id, alias, "alias", who)

    @retried
    def remove_alias(self, entity_id: int, alias: str, who: Principal) -> int:
        """Reject every statement giving the entity this name; returns how many."""
        require_curator(who)
        with self.db.transaction() as session:
            visible_entity(session, entity_id, who)
            entities = EntityRepository(session)
            repo = StatementRepository(session)
            cluster = entities.cluster(entities.canonical(entity_id))
            rows = [
                r for r in repo.of_subjects(cluster, NAME_PROPS) if r.value_key == name_key(alias)
            ]
            if not rows:
                raise NotFound(f"entity {entity_id} has no name or alias {alias!r}")
            for r in rows:
                repo.decide(r, Status.REJECTED, who.username)
            AuditRepository(session).record(
                actor=who.username,
                action="entity.remove_alias",
                target_type="entity",
                target_id=entity_id,
                before={"alias": alias, "statement_ids": [r.id for r in rows]},
                after={"status": Status.REJECTED.value},
            )
            reindex(session, cluster, self.index_hooks, self.gazetteer)
            return len(rows)

    @retried
    def _add_name(self, entity_id: int, name: str, prop: str, who: Principal) -> None:
        require_curator(who)
        value = clean_name(name)
        if not value:
            raise InvalidInput("a name cannot be empty")
        with self.db.transaction() as session:
            visible_entity(session, entity_id, who)
            canonical = EntityRepository(session).canonical(entity_id)
            visibility, owner = widest_visibility(session, canonical)
            row = StatementRepository(session).add(
                NewStatement(
                    entity_id=canonical,
                    prop=prop,
                    value=value,
                    origin=Origin.HUMAN,
                    status=Status.CONFIRMED,
                    decided_by=who.username,
                    visibility=visibility,
                    owner_org_id=owner,
                    extractor="human",
                )
            )
            session.flush()
            after: dict[str, Any] = {"statement_id": row.id, "prop": prop, "value": value}
            AuditRepository(session).record(
                actor=who.username,
                action=f"entity.add_{prop}",
                target_type="entity",
                target_id=canonical,
                before=None,
                after=after,
            )
            reindex(session, [canonical], self.index_hooks, self.gazetteer)
