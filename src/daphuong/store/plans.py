"""Repository for plan items, their supporting organizations and indicators."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ColumnElement, delete, select
from sqlalchemy.orm import Session

from daphuong.domain.access import Principal
from daphuong.domain.coordination import (
    Area,
    Indicator,
    IndicatorValue,
    PlanItem,
    PlanLevel,
    PlanStatus,
)
from daphuong.domain.document import Visibility
from daphuong.store.access import visible_clause
from daphuong.store.models.coordination import (
    IndicatorRow,
    IndicatorValueRow,
    PlanItemRow,
    PlanSupportRow,
)

FIELDS: tuple[str, ...] = ("title", "parent_id", "reference", "year", "lead_org_id", "deadline")
FIELDS += ("progress", "weight", "owner_org_id")
OPEN_STATUSES = (PlanStatus.NOT_STARTED.value, PlanStatus.IN_PROGRESS.value)


def _to_item(row: PlanItemRow, supporters: list[int]) -> PlanItem:
    return PlanItem(
        id=row.id,
        level=PlanLevel(row.level),
        title=row.title,
        parent_id=row.parent_id,
        reference=row.reference,
        area=Area(row.area) if row.area else None,
        year=row.year,
        lead_org_id=row.lead_org_id,
        supporting_org_ids=sorted(supporters),
        deadline=row.deadline,
        status=PlanStatus(row.status),
        progress=row.progress,
        weight=row.weight,
        visibility=Visibility(row.visibility),
        owner_org_id=row.owner_org_id,
    )


class PlanRepository:
    """Queries and writes on plan tables, inside the caller's session."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def save(self, item: PlanItem) -> int:
        """Insert (id 0) or update a plan item and its supporters; returns the id."""
        row = self.session.get(PlanItemRow, item.id) if item.id else None
        if row is None:
            row = PlanItemRow()
            self.session.add(row)
        for name in FIELDS:
            setattr(row, name, getattr(item, name))
        row.level = item.level.value
        row.area = item.area.value if item.area else None
        row.status = item.status.value
        row.visibility = item.visibility.value
        self.session.flush()
        self.session.execute(delete(PlanSupportRow).where(PlanSupportRow.plan_item_id == row.id))
        for org_id in dict.fromkeys(item.supporting_org_ids):
            self.session.add(PlanSupportRow(plan_item_id=row.id, org_id=org_id))
        self.session.flush()
        return row.id

    def raw(self, item_id: int) -> PlanItem | None:
        """One plan item regardless of visibility (for checks inside services)."""
        row = self.session.get(PlanItemRow, item_id)
        return None if row is None else self._load([row])[0]

    def get(self, item_id: int, who: Principal) -> PlanItem | None:
        """One plan item if `who` may see it."""
        stmt = select(PlanItemRow).where(PlanItemRow.id == item_id, self._visible(who))
        row = self.session.scalars(stmt).first()
        return None if row is None else self._load([row])[0]

    @staticmethod
    def _visible(who: Principal) -> ColumnElement[bool]:
        return visible_clause(PlanItemRow.visibility, PlanItemRow.owner_org_id, who)

    def find(
        self,
        who: Principal,
        *,
        year: int | None = None,
        org_id: int | None = None,
        level: PlanLevel | None = None,
    ) -> list[PlanItem]:
        """Plan items `who` may see, in id order (parents before children)."""
        stmt = select(PlanItemRow).where(self._visible(who))
        if year is not None:
            stmt = stmt.where(PlanItemRow.year == year)
        if org_id is not None:
            stmt = stmt.where(PlanItemRow.lead_org_id == org_id)
        if level is not None:
            stmt = stmt.where(PlanItemRow.level == level.value)
        return self._load(list(self.session.scalars(stmt.order_by(PlanItemRow.id))))

    def overdue(self, who: Principal, today: dt.date) -> list[PlanItem]:
        """Open items past their deadline that `who` may see, oldest deadline first."""
        stmt = (
            select(PlanItemRow)
            .where(
                self._visible(who),
                PlanItemRow.deadline < today,
                PlanItemRow.status.in_(OPEN_STATUSES),
            )
            .order_by(PlanItemRow.deadline, PlanItemRow.id)
        )
        return self._load(list(self.session.scalars(stmt)))

    def _load(self, rows: list[PlanItemRow]) -> list[PlanItem]:
        ids = [r.id for r in rows]
        sup: dict[int, list[int]] = {}
        if ids:
            for s in self.session.scalars(
                select(PlanSupportRow).where(PlanSupportRow.plan_item_id.in_(ids))
            ):
                sup.setdefault(s.plan_item_id, []).append(s.org_id)
        return [_to_item(r, sup.get(r.id, [])) for r in rows]

    # indicators ----------------------------------------------------------
    def add_indicator(self, indicator: Indicator) -> int:
        """Insert an indicator; returns its id."""
        row = IndicatorRow(
            plan_item_id=indicator.plan_item_id,
            name=indicator.name,
            unit=indicator.unit,
            baseline=indicator.baseline,
            target=indicator.target,
        )
        self.session.add(row)
        self.session.flush()
        return row.id

    def indicator_row(self, indicator_id: int) -> IndicatorRow | None:
        """An indicator row by id."""
        return self.session.get(IndicatorRow, indicator_id)

    def set_value(self, indicator_id: int, value: IndicatorValue) -> IndicatorValue | None:
        """Record the actual for a period; returns the value it replaced, if any."""
        stmt = select(IndicatorValueRow).where(
            IndicatorValueRow.indicator_id == indicator_id,
            IndicatorValueRow.period == value.period,
        )
        row = self.session.scalars(stmt).first()
        before = None if row is None else IndicatorValue(row.period, row.actual, row.note)
        if row is None:
            row = IndicatorValueRow(indicator_id=indicator_id, period=value.period)
            self.session.add(row)
        row.actual = value.actual
        row.note = value.note
        self.session.flush()
        return before

    def indicators(self, item_ids: list[int]) -> list[Indicator]:
        """Indicators of these plan items with their values by period."""
        if not item_ids:
            return []
        rows = list(
            self.session.scalars(
                select(IndicatorRow)
                .where(IndicatorRow.plan_item_id.in_(item_ids))
                .order_by(IndicatorRow.id)
            )
        )
        values: dict[int, list[IndicatorValue]] = {}
        if rows:
            for v in self.session.scalars(
                select(IndicatorValueRow)
                .where(IndicatorValueRow.indicator_id.in_([r.id for r in rows]))
                .order_by(IndicatorValueRow.period)
            ):
                values.setdefault(v.indicator_id, []).append(
                    IndicatorValue(v.period, v.actual, v.note)
                )
        return [
            Indicator(
                id=r.id,
                plan_item_id=r.plan_item_id,
                name=r.name,
                unit=r.unit,
                baseline=r.baseline,
                target=r.target,
                values=values.get(r.id, []),
            )
            for r in rows
        ]
