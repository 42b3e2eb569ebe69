"""ActivityService: records, write rights, visibility, extracted events to activities."""

from __future__ import annotations

import datetime as dt

import pytest

from daphuong.domain.coordination import Activity, Area, Participant
from daphuong.domain.document import Visibility
from daphuong.domain.extraction import ExtractedEvent, Span
from daphuong.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from daphuong.services.activities import ActivityService, parse_event_date
from daphuong.store.activities import ActivityFilter
from daphuong.store.engine import Database
from tests.services.coordination_world import World, add_document, make_world


@pytest.fixture
def world(db: Database) -> World:
    return make_world(db)


@pytest.fixture
def service(db: Database) -> ActivityService:
    return ActivityService(db)


def _activity(**kw: object) -> Activity:
    base: dict[str, object] = {
        "id": 0,
        "kind": "hội nghị",
        "title": "Hội nghị triển khai công tác đối ngoại nhân dân năm 2022",
        "start_date": dt.date(2022, 4, 12),
        "place": "Hà Nội",
        "area": Area.BILATERAL,
        "topics": ["đối ngoại nhân dân"],
        "participants": [Participant("Lê Hoài Trung", "chủ trì", "Ban Đối ngoại Trung ương")],
        "visibility": Visibility.SHARED,
    }
    base.update(kw)
    return Activity(**base)  # type: ignore[arg-type]


def test_create_round_trips_and_owner_defaults_to_caller_org(
    world: World, service: ActivityService
) -> None:
    made = service.create(world.editor_a, _activity(partner_org_ids=[world.org_b]))
    got = service.get(world.editor_a, made.id)
    assert got.owner_org_id == world.org_a
    assert got.participants == [Participant("Lê Hoài Trung", "chủ trì", "Ban Đối ngoại Trung ương")]
    assert got.partner_org_ids == [world.org_b]
    assert got.topics == ["đối ngoại nhân dân"]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"kind": "tiệc"}, "unknown activity kind"),
        ({"title": "  "}, "needs a title"),
        ({"end_date": dt.date(2022, 4, 1)}, "end before"),
    ],
)
def test_invalid_activities_are_refused(
    world: World, service: ActivityService, changes: dict[str, object], message: str
) -> None:
    with pytest.raises(InvalidInput, match=message):
        service.create(world.editor_a, _activity(**changes))


def test_viewers_and_other_orgs_cannot_write(world: World, service: ActivityService) -> None:
    with pytest.raises(PermissionDenied):
        service.create(world.viewer_a, _activity())
    made = service.create(world.editor_a, _activity())
    with pytest.raises(PermissionDenied):
        service.create(world.editor_b, _activity(owner_org_id=world.org_a))
    # editor_b sees A's shared activity? No: A did not name B as partner.
    with pytest.raises(NotFound):
        service.update(world.editor_b, _activity(id=made.id, owner_org_id=world.org_b))


def test_update_and_delete_are_audited(world: World, service: ActivityService) -> None:
    made = service.create(world.editor_a, _activity())
    service.update(world.editor_a, _activity(id=made.id, owner_org_id=world.org_a, outcome="Tốt"))
    service.delete(world.editor_a, made.id)
    log = world.accounts.audit_log(world.admin, target_type="activity", target_id=str(made.id))
    assert [e.action for e in log] == ["activity.delete", "activity.update", "activity.create"]
    assert log[1].before["outcome"] == ""  # type: ignore[index]
    assert log[1].after["outcome"] == "Tốt"  # type: ignore[index]
    with pytest.raises(NotFound):
        service.get(world.admin, made.id)


def test_list_filters_by_year_area_and_visibility(world: World, service: ActivityService) -> None:
    service.create(world.editor_a, _activity(visibility=Visibility.INTERNAL))
    service.create(world.editor_a, _activity(start_date=dt.date(2021, 5, 1), area=Area.ADVOCACY))
    assert len(service.list(world.editor_a, ActivityFilter(year=2022))) == 1
    assert len(service.list(world.editor_a, ActivityFilter(area=Area.ADVOCACY))) == 1
    assert len(service.list(world.coordinator)) == 1  # the shared one only
    assert service.list(world.anonymous) == []


def test_extracted_event_becomes_a_linked_activity(world: World, service: ActivityService) -> None:
    doc = add_document(world.auth.db, "seed-002", visibility="shared", owner_org_id=world.org_a)
    event = ExtractedEvent(
        kind="hội nghị",
        name="Hội nghị triển khai nhiệm vụ công tác đối ngoại nhân dân năm 2022",
        date="2022-04-12",
        organizers=["Ban Đối ngoại Trung ương", "Hội Hữu nghị Việt Nam - Cu Ba"],
        chairs=["Lê Hoài Trung", "Nguyễn Thị Hoàng Vân"],
        mentions=[Span(120, 190)],
    )
    act = service.from_extracted_event(world.editor_a, doc, event, area=Area.BILATERAL)
    assert act.start_date == dt.date(2022, 4, 12)
    assert act.organizer_org_id == world.org_a
    assert act.organizer_names == ["Hội Hữu nghị Việt Nam - Cu Ba"]
    assert [p.role for p in act.participants] == ["chủ trì", "chủ trì"]
    assert (act.document_ids, act.source_document_id) == ([doc], doc)
    assert act.visibility is Visibility.SHARED
    with pytest.raises(Conflict):
        service.from_extracted_event(world.editor_a, doc, event)


def test_event_from_a_hidden_document_is_not_found(world: World, service: ActivityService) -> None:
    doc = add_document(world.auth.db, "secret", visibility="internal", owner_org_id=world.org_b)
    with pytest.raises(NotFound):
        service.from_extracted_event(world.editor_a, doc, ExtractedEvent(kind="lễ"))


def test_activity_cannot_be_wider_than_its_document(world: World, service: ActivityService) -> None:
    doc = add_document(world.auth.db, "noi-bo", visibility="internal", owner_org_id=world.org_a)
    event = ExtractedEvent(kind="tọa đàm", date="--05-19")
    with pytest.raises(InvalidInput, match="cannot be wider"):
        service.from_extracted_event(world.editor_a, doc, event, visibility=Visibility.PUBLIC)
    act = service.from_extracted_event(world.editor_a, doc, event)
    assert act.start_date is None
    assert "--05-19" in act.outcome
    assert act.title == "Tọa đàm --05-19"


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2020-11-12", dt.date(2020, 11, 12)), ("--04-12", None), ("", None), ("2020-13-01", None)],
)
def test_parse_event_date(value: str, expected: dt.date | None) -> None:
    assert parse_event_date(value) == expected
