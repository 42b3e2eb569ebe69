"""Seat pages: seats grouped by status, lifecycle buttons, refused moves, CSRF."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from daphuong.services.container import Services
from tests.web.coordination_setup import WebWorld, csrf_for, make_web_world
from tests.web.html import parse, texts


@pytest.fixture
def world(services: Services) -> WebWorld:
    """Accounts for every role over the web app."""
    return make_web_world(services)


def _add_seat(browser: TestClient) -> tuple[int, str]:
    token = csrf_for(browser, "/seats")
    data = {"csrf_token": token, "body": "Hội đồng Nhân quyền", "kind": "candidacy"}
    response = browser.post("/seats", data=data | {"status": "intended"}, follow_redirects=False)
    assert response.status_code == 303, response.text
    return int(response.headers["location"].rsplit("-", 1)[1]), token


def test_seats_are_grouped_by_status_with_their_next_moves(world: WebWorld) -> None:
    browser = world.client("editor_a")
    seat_id, _ = _add_seat(browser)
    doc = parse(browser.get("/seats"))
    assert texts(doc, "//section[@class='seat-group']/h2") == ["Dự kiến (1)"]
    moves = doc.xpath(f"//tr[@id='seat-{seat_id}']//button[@name='status']/@value")
    assert moves == ["announced", "withdrawn"]


def test_a_button_moves_the_seat_along_its_lifecycle(world: WebWorld) -> None:
    browser = world.client("editor_a")
    seat_id, token = _add_seat(browser)
    data = {"csrf_token": token, "status": "announced"}
    assert browser.post(f"/seats/{seat_id}/status", data=data).status_code == 200
    headings = texts(parse(browser.get("/seats")), "//section[@class='seat-group']/h2")
    assert headings == ["Đã công bố (1)"]


def test_a_move_outside_the_lifecycle_is_refused(world: WebWorld) -> None:
    browser = world.client("editor_a")
    seat_id, token = _add_seat(browser)
    response = browser.post(
        f"/seats/{seat_id}/status", data={"csrf_token": token, "status": "serving"}
    )
    assert response.status_code == 409


def test_moves_need_a_csrf_token_and_a_writer(world: WebWorld) -> None:
    seat_id, _ = _add_seat(world.client("editor_a"))
    browser = world.client("editor_a")
    assert browser.post(f"/seats/{seat_id}/status", data={"status": "announced"}).status_code == 403
    viewer = world.client("viewer_b")
    assert not parse(viewer.get("/seats")).xpath("//form[contains(@action,'/status')]")
