"""PlanService: hierarchy, roll-up, overdue list, indicators, iCalendar feed."""

from __future__ import annotations

import datetime as dt

import pytest

from daphuong.domain.coordination import (
    Indicator,
    IndicatorValue,
    PlanItem,
    PlanLevel,
    PlanStatus,
)
from daphuong.domain.document import Visibility
from daphuong.errors import InvalidInput, NotFound, PermissionDenied
from daphuong.reports.ical import unfold
from daphuong.services.plans import PlanService
from daphuong.store.engine import Database
from tests.services.coordination_world import World, make_world


@pytest.fixture
def world(db: Database) -> World:
    return make_world(db)


@pytest.fixture
def plans(db: Database) -> PlanService:
    return PlanService(db)


def _item(level: PlanLevel, title: str, parent: object = None, **kw: object) -> PlanItem:
    return PlanItem(id=0, level=level, title=title, parent_id=parent, **kw)  # type: ignore[arg-type]


def _chain(world: World, plans: PlanService) -> dict[str, int]:
    who = world.editor_a
    shared: dict[str, object] = {"visibility": Visibility.SHARED}
    ct = plans.add(
        who, _item(PlanLevel.LEGAL_DOCUMENT, "Chỉ thị 25-CT/TW", reference="25-CT/TW", **shared)
    )
    scheme = plans.add(who, _item(PlanLevel.SCHEME, "Đề án đối ngoại đa phương", ct.id, **shared))
    year = plans.add(
        who, _item(PlanLevel.ANNUAL_PLAN, "Kế hoạch 2021", scheme.id, year=2021, **shared)
    )
    t1 = plans.add(
        who,
        _item(
            PlanLevel.TASK,
            "Tổ chức Diễn đàn",
            year.id,
            progress=50.0,
            weight=1.0,
            deadline=dt.date(2021, 6, 30),
            lead_org_id=world.org_a,
            supporting_org_ids=[world.org_b, world.org_c],
            **shared,
        ),
    )
    t2 = plans.add(
        who,
        _item(
            PlanLevel.TASK,
            "Báo cáo tổng kết",
            year.id,
            weight=3.0,
            status=PlanStatus.DONE,
            deadline=dt.date(2021, 12, 31),
            **shared,
        ),
    )
    return {"ct": ct.id, "scheme": scheme.id, "year": year.id, "t1": t1.id, "t2": t2.id}


def test_roll_up_is_the_weighted_mean_of_children(world: World, plans: PlanService) -> None:
    ids = _chain(world, plans)
    tree = plans.tree(world.editor_a, ids["ct"])
    # (50 × 1 + 100 × 3) / 4 = 87.5, carried up unchanged through single children.
    assert tree.rolled_progress == pytest.approx(87.5)
    assert tree.children[0].children[0].rolled_progress == pytest.approx(87.5)
    t1 = plans.get(world.editor_a, ids["t1"])
    assert t1.supporting_org_ids == sorted([world.org_b, world.org_c])


def test_cancelled_children_do_not_count(world: World, plans: PlanService) -> None:
    ids = _chain(world, plans)
    plans.update(world.editor_a, ids["t2"], status=PlanStatus.CANCELLED)
    assert plans.tree(world.editor_a, ids["year"]).rolled_progress == pytest.approx(50.0)


def test_hidden_children_never_count_in_a_partners_roll_up(
    world: World, plans: PlanService
) -> None:
    ids = _chain(world, plans)
    plans.add(
        world.editor_a, _item(PlanLevel.TASK, "Nội bộ", ids["year"], visibility=Visibility.INTERNAL)
    )
    assert plans.tree(world.editor_a, ids["year"]).rolled_progress == pytest.approx(350 / 5)
    assert plans.tree(world.coordinator, ids["year"]).rolled_progress == pytest.approx(87.5)
    with pytest.raises(NotFound):
        plans.tree(world.editor_b, ids["year"])


def test_levels_must_descend(world: World, plans: PlanService) -> None:
    ids = _chain(world, plans)
    with pytest.raises(InvalidInput, match="cannot sit under"):
        plans.add(world.editor_a, _item(PlanLevel.SCHEME, "Đề án con", ids["t1"]))


def test_progress_sets_status_and_is_bounded(world: World, plans: PlanService) -> None:
    ids = _chain(world, plans)
    assert plans.update(world.editor_a, ids["t1"], progress=100.0).status is PlanStatus.DONE
    with pytest.raises(InvalidInput):
        plans.update(world.editor_a, ids["t1"], progress=120.0)
    with pytest.raises(InvalidInput):
        plans.update(world.editor_a, ids["t1"], colour="đỏ")
    with pytest.raises(PermissionDenied):
        plans.update(world.viewer_a, ids["t1"], progress=10.0)


def test_overdue_lists_open_items_past_deadline(world: World, plans: PlanService) -> None:
    ids = _chain(world, plans)
    overdue = plans.overdue(world.editor_a, dt.date(2022, 1, 15))
    assert [i.id for i in overdue] == [ids["t1"]]  # t2 is done
    assert plans.overdue(world.editor_a, dt.date(2021, 6, 30)) == []


def test_indicators_keep_baseline_target_and_actual_per_period(
    world: World, plans: PlanService
) -> None:
    ids = _chain(world, plans)
    ind = plans.add_indicator(
        world.editor_a,
        Indicator(
            id=0, plan_item_id=ids["t1"], name="Số đoàn vào", unit="đoàn", baseline=10, target=25
        ),
    )
    plans.record_value(world.editor_a, ind.id, IndicatorValue("2021", 12))
    plans.record_value(world.editor_a, ind.id, IndicatorValue("2021", 14, "sửa số"))
    plans.record_value(world.editor_a, ind.id, IndicatorValue("2022", 20))
    [got] = plans.indicators(world.editor_a, [ids["t1"]])
    assert (got.baseline, got.target) == (10, 25)
    assert [(v.period, v.actual) for v in got.values] == [("2021", 14), ("2022", 20)]
    assert plans.indicators(world.editor_b, [ids["t1"]]) == []
    log = world.accounts.audit_log(world.admin, target_type="indicator")
    assert log[1].before == {"period": "2021", "actual": 12, "note": ""}


def test_ical_feed_lists_visible_deadlines(world: World, plans: PlanService) -> None:
    _chain(world, plans)
    text = plans.ical(world.editor_a)
    lines = unfold(text)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert "DTSTART;VALUE=DATE:20210630" in lines
    assert "SUMMARY:Hạn: Tổ chức Diễn đàn" in lines
    assert plans.ical(world.anonymous).count("BEGIN:VEVENT") == 0
