"""Merge repository: who merged which entity into which, and undoing it."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from daphuong.store.models.registry import EntityRow, MergeRow
from daphuong.store.registry.page_statements import HISTORY


class MergeRepository:
    """Records merges and reverses them inside the caller's session."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def merge(
        self, winner: EntityRow, loser: EntityRow, actor: str, statement_id: int | None = None
    ) -> MergeRow:
        """Point `loser` at `winner` and record the merge."""
        loser.merged_into_id = winner.id
        row = MergeRow(
            winner_id=winner.id, loser_id=loser.id, actor=actor, statement_id=statement_id
        )
        self.session.add(row)
        self.session.flush()
        return row

    def get(self, merge_id: int) -> MergeRow | None:
        """One merge by id."""
        return self.session.get(MergeRow, merge_id)

    def active_for_loser(self, loser_id: int) -> MergeRow | None:
        """The merge (not undone) that folded this entity into another."""
        stmt = select(MergeRow).where(MergeRow.loser_id == loser_id, MergeRow.undone_at.is_(None))
        return self.session.scalars(stmt.order_by(MergeRow.id.desc())).first()

    def undo(self, merge: MergeRow, loser: EntityRow, actor: str) -> None:
        """Restore the merged entity as its own entity."""
        loser.merged_into_id = None
        merge.undone_by = actor
        merge.undone_at = dt.datetime.now(dt.UTC)
        self.session.flush()

    def history(self, entity_ids: list[int]) -> list[MergeRow]:
        """Merges touching any of these entities, oldest first."""
        return list(self.session.scalars(HISTORY, {"ids": list(entity_ids)}))
