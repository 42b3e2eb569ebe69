"""Plan repository on both backends: overdue items and indicator values."""

from __future__ import annotations

import datetime as dt

from daphuong.domain.access import Principal
from daphuong.domain.coordination import (
    Indicator,
    IndicatorValue,
    PlanItem,
    PlanLevel,
    PlanStatus,
)
from daphuong.store.engine import Database
from daphuong.store.models import OrganizationRow
from daphuong.store.plans import PlanRepository


def _orgs(db: Database) -> tuple[int, int]:
    with db.transaction() as s:
        a, b = OrganizationRow(name="A"), OrganizationRow(name="B")
        s.add_all([a, b])
        s.flush()
        return a.id, b.id


def test_plan_overdue_and_indicator_values(db: Database) -> None:
    a, _ = _orgs(db)
    with db.transaction() as s:
        repo = PlanRepository(s)
        root = repo.save(PlanItem(id=0, level=PlanLevel.PROGRAMME, title="CT", owner_org_id=a))
        for status in (PlanStatus.IN_PROGRESS, PlanStatus.DONE, PlanStatus.CANCELLED):
            repo.save(
                PlanItem(
                    id=0,
                    level=PlanLevel.TASK,
                    title=status.value,
                    parent_id=root,
                    deadline=dt.date(2021, 1, 1),
                    status=status,
                    owner_org_id=a,
                )
            )
        ind = repo.add_indicator(Indicator(id=0, plan_item_id=root, name="n", target=3))
        repo.set_value(ind, IndicatorValue("2021", 1))
    with db.reader() as s:
        repo = PlanRepository(s)
        who = Principal.local_system()
        assert [i.title for i in repo.overdue(who, dt.date(2022, 1, 1))] == ["in_progress"]
        assert repo.indicators([root])[0].values == [IndicatorValue("2021", 1.0)]
