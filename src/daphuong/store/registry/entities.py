"""Entity repository: canonical ids, merge chains and clean-up of orphaned entities."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, exists, func, or_, select
from sqlalchemy.orm import Session

from daphuong.domain.access import Principal
from daphuong.store.access import visible_clause
from daphuong.store.models.registry import EntityRow, MergeRow, StatementRow
from daphuong.store.registry.entity_facts import chunks
from daphuong.store.registry.page_statements import CAPTIONS, HEAD, MEMBERS, MEMBERS_OF, PARENTS
from daphuong.store.registry.statements import Status

# Merge chains are short; this only guards against a corrupted cycle.
_MAX_CHAIN = 64


@dataclass(frozen=True, slots=True)
class EntityHead:
    """An entity's own columns that pages show, read without the ORM."""

    id: int
    type: str
    caption: str
    merged_into_id: int | None


class EntityRepository:
    """Reads and writes registry entities inside the caller's session."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def create(self, entity_type: str, caption: str, created_by: str = "linker") -> EntityRow:
        """Insert a new entity and give it an id."""
        row = EntityRow(type=entity_type, caption=caption[:1000], created_by=created_by)
        self.session.add(row)
        self.session.flush()
        return row

    def get(self, entity_id: int) -> EntityRow | None:
        """One entity by id (merged or not)."""
        return self.session.get(EntityRow, entity_id)

    def head(self, entity_id: int) -> EntityHead | None:
        """One entity's type, caption and merge target (a third of an ORM load's cost)."""
        row = self.session.connection().execute(HEAD, {"id": entity_id}).first()
        return EntityHead(*row) if row is not None else None

    def canonical(self, entity_id: int) -> int:
        """Follow merges to the entity that now stands for this one."""
        current = entity_id
        for _ in range(_MAX_CHAIN):
            row = self.session.get(EntityRow, current)
            if row is None or row.merged_into_id is None:
                return current
            current = row.merged_into_id
        return current

    def canonical_map(self, entity_ids: Iterable[int]) -> dict[int, int]:
        """Canonical id for each of several entities, one query per merge level."""
        ids = set(entity_ids)
        parent: dict[int, int | None] = {}
        wanted = set(ids)
        for _ in range(_MAX_CHAIN):
            todo = sorted(wanted - parent.keys())
            if not todo:
                break
            for chunk in chunks(todo, 500):
                rows = self.session.execute(PARENTS, {"ids": list(chunk)})
                parent.update({i: into for i, into in rows.all()})
            wanted = {p for p in parent.values() if p is not None}
        out = {}
        for i in ids:
            current = i
            for _ in range(_MAX_CHAIN):
                nxt = parent.get(current)
                if nxt is None:
                    break
                current = nxt
            out[i] = current
        return out

    def cluster(self, entity_id: int) -> list[int]:
        """The canonical entity and every entity merged into it, directly or not."""
        found = [entity_id]
        frontier = [entity_id]
        while frontier:
            rows = self.session.execute(MEMBERS, {"ids": frontier}).all()
            frontier = [i for (i,) in rows if i not in found]
            found.extend(frontier)
        return sorted(found)

    def clusters(self, entity_ids: Iterable[int]) -> dict[int, list[int]]:
        """cluster() of several canonical entities at once, one query per merge level."""
        root_of = {i: i for i in entity_ids}
        frontier = sorted(root_of)
        while frontier:
            rows = self.session.execute(MEMBERS_OF, {"ids": frontier}).all()
            frontier = []
            for member, into in rows:
                if member not in root_of and into is not None:
                    root_of[member] = root_of[into]
                    frontier.append(member)
        out: dict[int, list[int]] = {}
        for member, root in sorted(root_of.items()):
            out.setdefault(root, []).append(member)
        return out

    def visible_ids(
        self, who: Principal, *, entity_type: str | None = None, limit: int | None = None
    ) -> list[int]:
        """Unmerged entities with at least one visible, non-rejected statement, by id."""
        # No join to EntityRow here: the EXISTS below must correlate with the outer entity,
        # else any visible statement anywhere would make every entity visible.
        seen = select(StatementRow.id).where(
            StatementRow.status != Status.REJECTED.value,
            visible_clause(StatementRow.visibility, StatementRow.owner_org_id, who),
        )
        # An entity is visible through its own statements or those of entities merged into it.
        stmt = select(EntityRow.id).where(EntityRow.merged_into_id.is_(None))
        own = exists(seen.where(StatementRow.entity_id == EntityRow.id))
        stmt = stmt.where(or_(own, EntityRow.id.in_(self._targets_with_visible(who))))
        if entity_type is not None:
            stmt = stmt.where(EntityRow.type == entity_type)
        stmt = stmt.order_by(EntityRow.id)
        if limit is not None:
            stmt = stmt.limit(limit)
        return list(self.session.scalars(stmt))

    def _targets_with_visible(self, who: Principal) -> list[int]:
        merged = select(EntityRow.id, EntityRow.merged_into_id).where(
            EntityRow.merged_into_id.is_not(None),
            exists(
                select(StatementRow.id).where(
                    StatementRow.entity_id == EntityRow.id,
                    StatementRow.status != Status.REJECTED.value,
                    visible_clause(StatementRow.visibility, StatementRow.owner_org_id, who),
                )
            ),
        )
        return sorted({self.canonical(i) for i, _ in self.session.execute(merged)})

    def captions(self, entity_ids: Iterable[int]) -> dict[int, str]:
        """Each existing entity's stored caption, read without the ORM."""
        wanted = sorted(set(entity_ids))
        out: dict[int, str] = {}
        for chunk in chunks(wanted, 500):
            rows = self.session.connection().execute(CAPTIONS, {"ids": list(chunk)})
            out.update({i: caption for i, caption in rows.all()})
        return out

    def rows(self, entity_ids: Sequence[int]) -> list[EntityRow]:
        """Entities by id, in id order."""
        stmt = select(EntityRow).where(EntityRow.id.in_(sorted(set(entity_ids))))
        return list(self.session.scalars(stmt.order_by(EntityRow.id)))

    def count(self, entity_type: str | None = None) -> int:
        """How many unmerged entities exist (optionally of one type)."""
        stmt = select(func.count()).select_from(EntityRow).where(EntityRow.merged_into_id.is_(None))
        if entity_type is not None:
            stmt = stmt.where(EntityRow.type == entity_type)
        return int(self.session.scalar(stmt) or 0)

    def delete_orphans(self, candidates: Iterable[int]) -> list[int]:
        """Delete candidate entities nothing refers to any more; return their ids."""
        ids = sorted(set(candidates))
        if not ids:
            return []
        used: set[int] = set()
        for column in (StatementRow.entity_id, StatementRow.object_entity_id):
            used.update(self.session.scalars(select(column).where(column.in_(ids))))
        for column in (MergeRow.winner_id, MergeRow.loser_id):
            used.update(self.session.scalars(select(column).where(column.in_(ids))))
        used.update(
            i
            for i in self.session.scalars(
                select(EntityRow.merged_into_id).where(EntityRow.merged_into_id.in_(ids))
            )
            if i is not None
        )
        orphans = [i for i in ids if i not in used]
        if orphans:
            self.session.execute(delete(EntityRow).where(EntityRow.id.in_(orphans)))
        return orphans
