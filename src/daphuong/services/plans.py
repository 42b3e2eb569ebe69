"""Plans: directive → scheme → programme → annual plan → tasks, with roll-up and deadlines."""

from __future__ import annotations

import dataclasses
import datetime as dt

from daphuong.domain.access import Principal
from daphuong.domain.coordination import (
    PLAN_LEVEL_ORDER,
    Indicator,
    IndicatorValue,
    PlanItem,
    PlanNode,
    PlanStatus,
)
from daphuong.errors import InvalidInput, NotFound
from daphuong.reports.ical import CalendarEntry, calendar
from daphuong.services.auth import actor_name, require_writer, snapshot
from daphuong.store.audit import AuditRepository
from daphuong.store.engine import Database
from daphuong.store.plans import PlanRepository


def own_progress(item: PlanItem) -> float:
    """A leaf's progress: 100 once done, else what was reported."""
    return 100.0 if item.status is PlanStatus.DONE else item.progress


def roll_up(item: PlanItem, children: list[PlanNode]) -> float:
    """The roll-up rule: weighted mean of the non-cancelled children, else the item's own."""
    counted = [c for c in children if c.item.status is not PlanStatus.CANCELLED]
    total_weight = sum(c.item.weight for c in counted)
    if not counted or total_weight <= 0:
        return own_progress(item)
    return sum(c.rolled_progress * c.item.weight for c in counted) / total_weight


def build_tree(items: list[PlanItem], root_id: int) -> PlanNode:
    """Nest visible items under `root_id` and roll progress up from the leaves."""
    by_parent: dict[int | None, list[PlanItem]] = {}
    for it in items:
        by_parent.setdefault(it.parent_id, []).append(it)
    index = {it.id: it for it in items}

    def node(item: PlanItem) -> PlanNode:
        children = [node(c) for c in by_parent.get(item.id, [])]
        return PlanNode(item=item, rolled_progress=roll_up(item, children), children=children)

    return node(index[root_id])


def validate_item(item: PlanItem, parent: PlanItem | None) -> None:
    """Refuse items that break the hierarchy or the progress range."""
    if not item.title.strip():
        raise InvalidInput("a plan item needs a title")
    if not 0 <= item.progress <= 100:
        raise InvalidInput("progress is a percentage between 0 and 100")
    if item.weight <= 0:
        raise InvalidInput("weight must be positive")
    if parent is not None and PLAN_LEVEL_ORDER.index(parent.level) >= PLAN_LEVEL_ORDER.index(
        item.level
    ):
        raise InvalidInput(f"a {item.level.value} cannot sit under a {parent.level.value}")


class PlanService:
    """Use cases on plans; visibility and write rights are checked here."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, who: Principal, item: PlanItem) -> PlanItem:
        """Add a plan item under a parent the caller can see."""
        if item.owner_org_id is None and not who.sees_everything:
            item = dataclasses.replace(item, owner_org_id=who.org_id)
        require_writer(who, item.owner_org_id)
        with self.db.transaction() as session:
            repo = PlanRepository(session)
            parent = None
            if item.parent_id is not None:
                parent = repo.get(item.parent_id, who)
                if parent is None:
                    raise NotFound(f"no plan item {item.parent_id}")
            validate_item(item, parent)
            new_id = repo.save(dataclasses.replace(item, id=0))
            saved = repo.raw(new_id)
            AuditRepository(session).record(
                actor=actor_name(who),
                action="plan.create",
                target_type="plan_item",
                target_id=new_id,
                after=snapshot(saved),
            )
            assert saved is not None
            return saved

    def update(self, who: Principal, item_id: int, **changes: object) -> PlanItem:
        """Change fields of an item (progress, status, deadline…); status follows progress."""
        with self.db.transaction() as session:
            repo = PlanRepository(session)
            before = repo.get(item_id, who)
            if before is None:
                raise NotFound(f"no plan item {item_id}")
            require_writer(who, before.owner_org_id)
            try:
                after = dataclasses.replace(before, **changes)  # type: ignore[arg-type]
            except TypeError as exc:
                raise InvalidInput(str(exc)) from exc
            after = _status_from_progress(after, "status" in changes)
            parent = repo.raw(after.parent_id) if after.parent_id is not None else None
            validate_item(after, parent)
            require_writer(who, after.owner_org_id)
            repo.save(after)
            AuditRepository(session).record(
                actor=actor_name(who),
                action="plan.update",
                target_type="plan_item",
                target_id=item_id,
                before=snapshot(before),
                after=snapshot(after),
            )
            return after

    def get(self, who: Principal, item_id: int) -> PlanItem:
        """One item the caller may see."""
        with self.db.reader() as session:
            found = PlanRepository(session).get(item_id, who)
        if found is None:
            raise NotFound(f"no plan item {item_id}")
        return found

    def items(
        self, who: Principal, *, year: int | None = None, org_id: int | None = None
    ) -> list[PlanItem]:
        """Items the caller may see, optionally for a year or lead organization."""
        with self.db.reader() as session:
            return PlanRepository(session).find(who, year=year, org_id=org_id)

    def tree(self, who: Principal, root_id: int) -> PlanNode:
        """An item with its visible descendants and rolled-up progress (hidden ones never count)."""
        with self.db.reader() as session:
            items = PlanRepository(session).find(who)
        if root_id not in {i.id for i in items}:
            raise NotFound(f"no plan item {root_id}")
        return build_tree(items, root_id)

    def roots(self, who: Principal) -> list[PlanNode]:
        """Every visible top-level tree (an item whose parent is hidden counts as a root)."""
        with self.db.reader() as session:
            items = PlanRepository(session).find(who)
        ids = {i.id for i in items}
        return [build_tree(items, i.id) for i in items if i.parent_id not in ids]

    def overdue(self, who: Principal, today: dt.date | None = None) -> list[PlanItem]:
        """Open items past their deadline."""
        with self.db.reader() as session:
            return PlanRepository(session).overdue(who, today or dt.date.today())

    def add_indicator(self, who: Principal, indicator: Indicator) -> Indicator:
        """Attach an indicator (baseline, target) to an item the caller may write."""
        if not indicator.name.strip():
            raise InvalidInput("an indicator needs a name")
        with self.db.transaction() as session:
            repo = PlanRepository(session)
            item = repo.get(indicator.plan_item_id, who)
            if item is None:
                raise NotFound(f"no plan item {indicator.plan_item_id}")
            require_writer(who, item.owner_org_id)
            new_id = repo.add_indicator(indicator)
            saved = dataclasses.replace(indicator, id=new_id, values=[])
            AuditRepository(session).record(
                actor=actor_name(who),
                action="indicator.create",
                target_type="indicator",
                target_id=new_id,
                after=snapshot(saved),
            )
            return saved

    def record_value(self, who: Principal, indicator_id: int, value: IndicatorValue) -> None:
        """Record the actual value of an indicator for a period."""
        with self.db.transaction() as session:
            repo = PlanRepository(session)
            ind = repo.indicator_row(indicator_id)
            item = None if ind is None else repo.get(ind.plan_item_id, who)
            if item is None:
                raise NotFound(f"no indicator {indicator_id}")
            require_writer(who, item.owner_org_id)
            before = repo.set_value(indicator_id, value)
            AuditRepository(session).record(
                actor=actor_name(who),
                action="indicator.value",
                target_type="indicator",
                target_id=indicator_id,
                before=snapshot(before),
                after=snapshot(value),
            )

    def indicators(self, who: Principal, item_ids: list[int]) -> list[Indicator]:
        """Indicators of the items among `item_ids` the caller may see."""
        with self.db.reader() as session:
            repo = PlanRepository(session)
            visible = [i for i in item_ids if repo.get(i, who) is not None]
            return repo.indicators(visible)

    def ical(self, who: Principal, *, org_id: int | None = None) -> str:
        """An iCalendar feed of the deadlines the caller may see."""
        items = [i for i in self.items(who, org_id=org_id) if i.deadline is not None]
        entries = [
            CalendarEntry(
                uid=f"plan-{i.id}@daphuong",
                day=i.deadline,
                summary=f"Hạn: {i.title}",
                description=f"{i.reference} — {i.status.value}, {own_progress(i):.0f}%".strip(" —"),
                categories=(i.level.value,),
            )
            for i in items
            if i.deadline is not None and i.status is not PlanStatus.CANCELLED
        ]
        return calendar(entries, name="daphuong: hạn kế hoạch")


def _status_from_progress(item: PlanItem, status_given: bool) -> PlanItem:
    if status_given:
        return item
    if item.progress >= 100:
        return dataclasses.replace(item, status=PlanStatus.DONE)
    if item.progress > 0 and item.status is PlanStatus.NOT_STARTED:
        return dataclasses.replace(item, status=PlanStatus.IN_PROGRESS)
    return item
