"""Activity pages: list with filters, detail, create/edit for editors, 'Tạo hoạt động' on events."""

from __future__ import annotations

import pytest

from daphuong.services.container import Services
from tests.web.coordination_setup import WebWorld, csrf_for, make_web_world
from tests.web.html import parse, texts


@pytest.fixture
def world(services: Services) -> WebWorld:
    """Accounts for every role over the web app."""
    return make_web_world(services)


def _create(world: WebWorld, account: str, **fields: str) -> int:
    browser = world.client(account)
    data = {"csrf_token": csrf_for(browser, "/activities/new"), "kind": "hội thảo"}
    data |= {"title": "Hội thảo hữu nghị Việt - Lào", "visibility": "internal", **fields}
    response = browser.post("/activities", data=data, follow_redirects=False)
    assert response.status_code == 303, response.text
    return int(response.headers["location"].rsplit("/", 1)[1])


def test_an_editor_records_an_activity_and_sees_it_listed(world: WebWorld) -> None:
    activity_id = _create(world, "editor_a", start_date="2021-05-19", place="Hạ Long")
    browser = world.client("editor_a")
    detail = parse(browser.get(f"/activities/{activity_id}"))
    assert texts(detail, "//h1") == ["Hội thảo hữu nghị Việt - Lào"]
    assert "Hạ Long" in texts(detail, "//dl[@class='meta']/dd")
    listing = parse(browser.get("/activities?year=2021&kind=hội thảo"))
    assert texts(listing, "//table[contains(@class,'activities')]//td/a") == [
        "Hội thảo hữu nghị Việt - Lào"
    ]
    other_kind = parse(browser.get("/activities?kind=hội nghị"))
    assert not other_kind.xpath("//table[contains(@class,'activities')]")


def test_the_list_hides_internal_activities_of_another_organization(world: WebWorld) -> None:
    _create(world, "editor_a", title="Chỉ nội bộ tỉnh A")
    assert "Chỉ nội bộ tỉnh A" in world.client("editor_a").get("/activities").text
    assert "Chỉ nội bộ tỉnh A" not in world.client("viewer_b").get("/activities").text


def test_editing_changes_the_activity_and_keeps_its_owner(world: WebWorld) -> None:
    activity_id = _create(world, "editor_a")
    browser = world.client("editor_a")
    token = csrf_for(browser, f"/activities/{activity_id}/edit")
    data = {"csrf_token": token, "kind": "hội thảo", "title": "Tên mới", "visibility": "shared"}
    response = browser.post(f"/activities/{activity_id}", data=data, follow_redirects=False)
    assert response.status_code == 303
    page = browser.get(f"/activities/{activity_id}").text
    assert "Tên mới" in page and "Ban Đối ngoại Tỉnh ủy Quảng Ninh" in page


@pytest.mark.parametrize("token", [None, "forged"])
def test_creating_without_a_valid_csrf_token_is_refused(world: WebWorld, token: str | None) -> None:
    browser = world.client("editor_a")
    csrf_for(browser, "/activities/new")
    data = {"kind": "hội thảo", "title": "Không được lưu"}
    if token:
        data["csrf_token"] = token
    assert browser.post("/activities", data=data).status_code == 403
    assert "Không được lưu" not in browser.get("/activities").text


def test_a_viewer_gets_no_form_and_cannot_post(world: WebWorld) -> None:
    browser = world.client("viewer_b")
    listing = parse(browser.get("/activities"))
    assert not listing.xpath("//a[@href='/activities/new']")
    assert browser.get("/activities/new").status_code == 404
    token = csrf_for(browser, "/activities")
    data = {"csrf_token": token, "kind": "hội thảo", "title": "Người xem"}
    assert browser.post("/activities", data=data).status_code == 403


def test_create_activity_button_turns_a_document_event_into_an_activity(
    world: WebWorld, sample_doc: int
) -> None:
    browser = world.client("editor_a")
    page = browser.get(f"/documents/{sample_doc}")
    doc = parse(page)
    forms = doc.xpath("//form[@action='/activities/from-event']")
    assert len(forms) == 1
    fields = {i.get("name"): i.get("value") for i in forms[0].xpath(".//input")}
    assert fields["document_id"] == str(sample_doc)
    response = browser.post("/activities/from-event", data=fields, follow_redirects=False)
    assert response.status_code == 303, response.text
    detail = parse(browser.get(response.headers["location"]))
    assert texts(detail, "//h1") == ["Hội nghị Ngoại giao lần thứ 31"]
    assert "Lê Hoài Trung — chủ trì" in texts(detail, "//ul[@class='participants']/li")
    assert "Bộ Ngoại giao" in texts(detail, "//dl[@class='meta']/dd")  # a registered organizer
    again = browser.post("/activities/from-event", data=fields, follow_redirects=False)
    assert again.status_code == 409


def test_the_create_activity_button_is_only_for_writers(world: WebWorld, sample_doc: int) -> None:
    for account in ("viewer_b", None):
        doc = parse(world.client(account).get(f"/documents/{sample_doc}"))
        assert not doc.xpath("//form[@action='/activities/from-event']")
