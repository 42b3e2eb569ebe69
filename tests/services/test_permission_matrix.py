"""Every role × every visibility through the services: documents, activities, plans, aid, seats."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest
from sqlalchemy import select

from daphuong.domain.access import Principal
from daphuong.domain.aid import AidRecord, TransactionType
from daphuong.domain.coordination import Activity, PlanItem, PlanLevel, Seat, SeatKind, SeatStatus
from daphuong.domain.document import Visibility
from daphuong.errors import NotFound, PermissionDenied
from daphuong.services.activities import ActivityService
from daphuong.services.aid import AidService
from daphuong.services.plans import PlanService
from daphuong.services.seats import SeatService
from daphuong.store.access import visible_clause
from daphuong.store.engine import Database
from daphuong.store.models import DocumentRow
from tests.services.coordination_world import World, add_document, make_world

# Records are owned by organization B, which names A as its partner. Expected sight per viewer:
#   admin: all; coordinator (org C): public + shared; editor_a / viewer_a (partners of B):
#   public + shared; editor_b (owner): all; anonymous: public only.
EXPECTED = {
    "admin": {"public", "shared", "internal"},
    "coordinator": {"public", "shared"},
    "editor_a": {"public", "shared"},
    "viewer_a": {"public", "shared"},
    "editor_b": {"public", "shared", "internal"},
    "anonymous": {"public"},
}
WRITERS = {"admin", "editor_b"}  # who may change B's records


def _seed(world: World, db: Database) -> None:
    owner = world.editor_b
    for vis in Visibility:
        add_document(db, f"doc-{vis.value}", visibility=vis.value, owner_org_id=world.org_b)
        ActivityService(db).create(
            owner, Activity(id=0, kind="hội thảo", title=vis.value, start_date=None, visibility=vis)
        )
        PlanService(db).add(
            owner, PlanItem(id=0, level=PlanLevel.TASK, title=vis.value, visibility=vis)
        )
        SeatService(db).add(
            owner,
            Seat(
                id=0,
                body=vis.value,
                kind=SeatKind.MEMBERSHIP,
                status=SeatStatus.SERVING,
                visibility=vis,
            ),
        )
        AidService(db).add(
            owner,
            AidRecord(
                id=0,
                ref=vis.value,
                activity_id="A",
                activity_title=vis.value,
                donor="D",
                recipient="R",
                transaction_type=TransactionType.DISBURSEMENT,
                amount=Decimal(1),
                currency="USD",
                date=dt.date(2021, 1, 1),
                visibility=vis,
            ),
        )


def _documents(db: Database, who: Principal) -> set[str]:
    with db.reader() as s:
        stmt = select(DocumentRow.key).where(
            visible_clause(DocumentRow.visibility, DocumentRow.owner_org_id, who)
        )
        return {k.removeprefix("doc-") for k in s.scalars(stmt)}


SEES: dict[str, Callable[[Database, Principal], set[str]]] = {
    "documents": _documents,
    "activities": lambda db, who: {a.title for a in ActivityService(db).list(who)},
    "plans": lambda db, who: {p.title for p in PlanService(db).items(who)},
    "seats": lambda db, who: {s.body for s in SeatService(db).list(who)},
    "aid": lambda db, who: {r.activity_title for r in AidService(db).records(who)},
}


@pytest.fixture
def world(db: Database) -> World:
    w = make_world(db)
    _seed(w, db)
    return w


def test_every_role_sees_exactly_what_the_rule_allows(world: World, db: Database) -> None:
    got = {(role, kind): SEES[kind](db, getattr(world, role)) for role in EXPECTED for kind in SEES}
    wrong = {key: seen for key, seen in got.items() if seen != EXPECTED[key[0]]}
    assert not wrong, wrong


def test_single_record_reads_follow_the_same_rule(world: World, db: Database) -> None:
    service = ActivityService(db)
    ids = {a.title: a.id for a in service.list(world.admin)}
    for role, allowed in EXPECTED.items():
        who = getattr(world, role)
        for vis, activity_id in ids.items():
            if vis in allowed:
                assert service.get(who, activity_id).title == vis
            else:
                with pytest.raises(NotFound):
                    service.get(who, activity_id)


def test_only_owner_editors_and_admins_change_records(world: World, db: Database) -> None:
    plans = PlanService(db)
    public_task = next(p for p in plans.items(world.admin) if p.title == "public")
    for role in EXPECTED:
        who = getattr(world, role)
        try:
            plans.update(who, public_task.id, progress=10.0)
            changed = True
        except (PermissionDenied, NotFound):
            changed = False
        assert changed is (role in WRITERS), role
