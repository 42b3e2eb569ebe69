"""Plan pages: tree with roll-up, overdue list, item form, progress, indicators, iCalendar link."""

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


def _add(browser: TestClient, **fields: str) -> int:
    data = {"csrf_token": csrf_for(browser, "/plans/new"), "visibility": "shared", **fields}
    response = browser.post("/plans", data=data, follow_redirects=False)
    assert response.status_code == 303, response.text
    return int(response.headers["location"].rsplit("/", 1)[1])


def _progress_of(browser: TestClient, item_id: int) -> str:
    doc = parse(browser.get("/plans"))
    values = doc.xpath(f"//li[a[@href='/plans/{item_id}']]/span/progress/@value")
    assert values, f"item {item_id} not in the tree"
    return str(values[0])


def test_tree_rolls_progress_up_from_reported_tasks(world: WebWorld) -> None:
    browser = world.client("editor_a")
    root = _add(browser, level="annual_plan", title="Kế hoạch đối ngoại 2021", year="2021")
    done = _add(browser, level="task", title="Đón đoàn Lào", parent_id=str(root))
    _add(browser, level="task", title="Hội nghị tổng kết", parent_id=str(root), weight="3")
    token = csrf_for(browser, f"/plans/{done}")
    response = browser.post(
        f"/plans/{done}/progress", data={"csrf_token": token, "progress": "100"}
    )
    assert response.status_code == 200
    assert _progress_of(browser, done) == "100"
    assert _progress_of(browser, root) == "25"  # weights 1 and 3: (100·1 + 0·3) / 4
    item = parse(browser.get(f"/plans/{done}"))
    assert "Hoàn thành" in texts(item, "//dl[@class='meta']/dd")


def test_overdue_items_are_listed(world: WebWorld) -> None:
    browser = world.client("editor_a")
    _add(browser, level="task", title="Việc trễ hạn", deadline="2020-01-31")
    _add(browser, level="task", title="Việc còn hạn", deadline="2099-01-31")
    overdue = texts(parse(browser.get("/plans")), "//table[contains(@class,'overdue')]//td/a")
    assert overdue == ["Việc trễ hạn"]


def test_indicators_show_baseline_target_and_actual_per_period(world: WebWorld) -> None:
    browser = world.client("editor_a")
    item = _add(browser, level="task", title="Quảng bá hình ảnh")
    token = csrf_for(browser, f"/plans/{item}")
    data = {"csrf_token": token, "name": "Số đoàn đón", "unit": "đoàn", "baseline": "4"}
    browser.post(f"/plans/{item}/indicators", data=data | {"target": "10"})
    doc = parse(browser.get(f"/plans/{item}"))
    action = doc.xpath("//form[contains(@action,'/values')]/@action")[0]
    browser.post(
        action, data={"csrf_token": token, "item_id": str(item), "period": "2021", "actual": "7"}
    )
    row = texts(parse(browser.get(f"/plans/{item}")), "//table[contains(@class,'indicators')]//td")
    assert row[:3] == ["Số đoàn đón (đoàn)", "4", "10"]
    assert row[3].startswith("2021: 7")


def test_page_links_the_icalendar_feed(world: WebWorld) -> None:
    browser = world.client("viewer_b")
    links = parse(browser.get("/plans")).xpath("//a[@type='text/calendar']/@href")
    assert links == ["/api/v1/plans/deadlines.ics"]
    assert browser.get(links[0]).text.startswith("BEGIN:VCALENDAR")


def test_progress_without_csrf_is_refused(world: WebWorld) -> None:
    browser = world.client("editor_a")
    item = _add(browser, level="task", title="Nhiệm vụ")
    assert browser.post(f"/plans/{item}/progress", data={"progress": "50"}).status_code == 403
    assert _progress_of(browser, item) == "0"


def test_another_organization_cannot_report_progress(world: WebWorld) -> None:
    item = _add(world.client("editor_a"), level="task", title="Nhiệm vụ chia sẻ")
    other = world.client("coordinator")  # sees A's shared items, may not change them
    token = csrf_for(other, f"/plans/{item}")
    response = other.post(f"/plans/{item}/progress", data={"csrf_token": token, "progress": "90"})
    assert response.status_code == 403
