"""Activity repository on both backends: round trips and visibility in SQL."""

from __future__ import annotations

import datetime as dt

from daphuong.domain.access import Principal, Role
from daphuong.domain.coordination import (
    Activity,
    Participant,
)
from daphuong.domain.document import Visibility
from daphuong.store.activities import ActivityFilter, ActivityRepository
from daphuong.store.engine import Database
from daphuong.store.models import OrganizationRow


def _orgs(db: Database) -> tuple[int, int]:
    with db.transaction() as s:
        a, b = OrganizationRow(name="A"), OrganizationRow(name="B")
        s.add_all([a, b])
        s.flush()
        return a.id, b.id


def test_activity_children_are_replaced_on_save(db: Database) -> None:
    a, b = _orgs(db)
    act = Activity(
        id=0,
        kind="chuyến thăm",
        title="Thăm Lào",
        start_date=dt.date(2021, 3, 1),
        partner_org_ids=[b, b],
        participants=[Participant("X", "trưởng đoàn")],
        topics=["hữu nghị"],
        owner_org_id=a,
    )
    with db.transaction() as s:
        new_id = ActivityRepository(s).save(act)
        act.id = new_id
        act.participants = [Participant("Y")]
        ActivityRepository(s).save(act)
    with db.reader() as s:
        got = ActivityRepository(s).get(new_id, Principal.local_system())
    assert got is not None
    assert got.partner_org_ids == [b]
    assert got.participants == [Participant("Y")]


def test_activity_list_applies_the_visibility_clause(db: Database) -> None:
    a, b = _orgs(db)
    with db.transaction() as s:
        repo = ActivityRepository(s)
        for vis in Visibility:
            repo.save(
                Activity(
                    id=0,
                    kind="lễ",
                    title=vis.value,
                    start_date=None,
                    visibility=vis,
                    owner_org_id=a,
                )
            )
    outsider = Principal(user_id=9, username="o", org_id=b, role=Role.EDITOR)
    partner = Principal(
        user_id=8, username="p", org_id=b, role=Role.VIEWER, partner_of=frozenset({a})
    )
    with db.reader() as s:
        repo = ActivityRepository(s)
        assert [x.title for x in repo.find(outsider)] == ["public"]
        assert {x.title for x in repo.find(partner)} == {"public", "shared"}
        assert len(repo.find(Principal.local_system(), ActivityFilter(org_id=a))) == 3
