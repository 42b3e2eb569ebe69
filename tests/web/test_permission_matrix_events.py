"""Every role × every visibility through the events timeline and the relationship graph.

Organization A owns three documents, one per visibility, each reporting a meeting of its own
chaired by a person of its own and organized by Bộ Ngoại giao (public knowledge).
"""

from __future__ import annotations

from typing import Any

import pytest

from daphuong.domain.document import RawDocument, Visibility
from daphuong.store.engine import Database
from tests.web.conftest import make_services
from tests.web.coordination_setup import WebWorld, make_web_world
from tests.web.html import parse

MEETINGS = {
    Visibility.PUBLIC: ("Hội nghị Côn Đảo", "Nguyễn Văn Công"),
    Visibility.SHARED: ("Hội nghị Lý Sơn", "Trần Thị Chia"),
    Visibility.INTERNAL: ("Hội nghị Bạch Long Vĩ", "Lê Văn Mật"),
}
EXPECTED = {
    "anonymous": {Visibility.PUBLIC},
    "viewer_b": {Visibility.PUBLIC},
    "editor_b": {Visibility.PUBLIC},
    "coordinator": {Visibility.PUBLIC, Visibility.SHARED},
    "viewer_p": {Visibility.PUBLIC, Visibility.SHARED},
    "admin": set(Visibility),
}


def _text(vis: Visibility) -> str:
    name, person = MEETINGS[vis]
    return f"Ngày 3/6/2021, Bộ Ngoại giao tổ chức {name} do ông {person} chủ trì."


def _gold(vis: Visibility) -> dict[str, Any]:
    name, person = MEETINGS[vis]
    return {
        "doc": f"hop-{vis.value}",
        "entities": [
            {"type": "DATE", "text": "3/6/2021", "value": "2021-06-03"},
            {"type": "ORG", "text": "Bộ Ngoại giao"},
            {"type": "EVENT", "text": name},
            {"type": "PERSON", "text": person},
        ],
        "roles": [],
        "events": [
            {
                "kind": "hội nghị",
                "name": name,
                "date": "2021-06-03",
                "organizers": ["Bộ Ngoại giao"],
                "chairs": [person],
            }
        ],
    }


@pytest.fixture
def world(db: Database) -> tuple[WebWorld, int]:
    """The three documents ingested for organization A; returns the ministry's entity id."""
    services = make_services(db, {f"hop-{v.value}": _gold(v) for v in Visibility})
    world = make_web_world(services)
    for vis in Visibility:
        raw = RawDocument(_text(vis), f"hop-{vis.value}.txt", "text/plain", title=vis.value)
        services.ingestion.store(raw, visibility=vis, owner_org_id=world.orgs["A"])
    found = world.client("admin").get("/api/v1/entities/find", params={"q": "Bộ Ngoại giao"})
    ministry = next(h["id"] for h in found.json() if h["name"] == "Bộ Ngoại giao")
    return world, ministry


def _client_for(world: WebWorld, account: str) -> Any:
    return world.client(None if account == "anonymous" else account)


@pytest.mark.parametrize("account", sorted(EXPECTED))
def test_events_timeline_shows_only_visible_meetings(
    world: tuple[WebWorld, int], account: str
) -> None:
    web, _ministry = world
    page = _client_for(web, account).get("/events")
    assert page.status_code == 200
    text = parse(page).text_content()
    shown = {v for v, (name, _) in MEETINGS.items() if name in text}
    assert shown == EXPECTED[account]


@pytest.mark.parametrize("account", sorted(EXPECTED))
def test_graph_around_the_organizer_shows_only_visible_people(
    world: tuple[WebWorld, int], account: str
) -> None:
    web, ministry = world
    response = _client_for(web, account).get(f"/api/v1/entities/{ministry}/graph")
    assert response.status_code == 200
    payload = str(response.json())
    shown = {v for v, (name, person) in MEETINGS.items() if person in payload or name in payload}
    assert shown == EXPECTED[account]
