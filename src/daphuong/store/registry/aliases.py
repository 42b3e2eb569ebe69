"""Name and alias lookups: which entities are known under a surface form."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from daphuong.domain.access import Principal
from daphuong.store.access import visible_clause
from daphuong.store.models.registry import EntityRow, StatementRow
from daphuong.store.registry.keys import folded_name, name_key
from daphuong.store.registry.statements import NAME_PROPS, Status


class AliasRepository:
    """Finds entities by the names and aliases their statements give them."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def entities_named(
        self,
        names: Iterable[str],
        entity_type: str,
        *,
        folded: bool = False,
        document_key: str | None = None,
    ) -> set[int]:
        """Entity ids (merged or not) of one type with a non-rejected name or alias in `names`."""
        keys = sorted({(folded_name if folded else name_key)(n) for n in names} - {""})
        if not keys:
            return set()
        column = StatementRow.fold_key if folded else StatementRow.value_key
        stmt = (
            select(StatementRow.entity_id)
            .join(EntityRow, EntityRow.id == StatementRow.entity_id)
            .where(
                StatementRow.prop.in_(NAME_PROPS),
                column.in_(keys),
                StatementRow.status != Status.REJECTED.value,
                EntityRow.type == entity_type,
            )
        )
        if document_key is not None:
            stmt = stmt.where(StatementRow.document_key == document_key)
        return set(self.session.scalars(stmt))

    def visible_named(self, name: str, who: Principal) -> set[int]:
        """Entity ids of any type named `name` in statements `who` may see."""
        stmt = select(StatementRow.entity_id).where(
            StatementRow.prop.in_(NAME_PROPS),
            StatementRow.value_key == name_key(name),
            StatementRow.status != Status.REJECTED.value,
            visible_clause(StatementRow.visibility, StatementRow.owner_org_id, who),
        )
        found = set(self.session.scalars(stmt))
        if found:
            return found
        stmt = select(StatementRow.entity_id).where(
            StatementRow.prop.in_(NAME_PROPS),
            StatementRow.fold_key == folded_name(name),
            StatementRow.status != Status.REJECTED.value,
            visible_clause(StatementRow.visibility, StatementRow.owner_org_id, who),
        )
        return set(self.session.scalars(stmt))

    def pinned(self, document_key: str, entity_type: str) -> dict[str, int]:
        """Name keys a person confirmed for one document, mapped to their entity."""
        stmt = (
            select(StatementRow.value_key, StatementRow.entity_id)
            .join(EntityRow, EntityRow.id == StatementRow.entity_id)
            .where(
                StatementRow.document_key == document_key,
                StatementRow.prop.in_(NAME_PROPS),
                StatementRow.status == Status.CONFIRMED.value,
                EntityRow.type == entity_type,
            )
        )
        return {key: entity_id for key, entity_id in self.session.execute(stmt)}
