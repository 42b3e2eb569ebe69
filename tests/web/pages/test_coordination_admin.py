"""Administration pages: admins only; users, organizations and partners, the audit log; CSRF."""

from __future__ import annotations

import pytest

from daphuong.services.container import Services
from tests.services.coordination_world import PASSWORD
from tests.web.coordination_setup import WebWorld, csrf_for, make_web_world
from tests.web.html import parse, texts

ADMIN_PAGES = ("/admin", "/admin/users", "/admin/organizations", "/admin/audit")


@pytest.fixture
def world(services: Services) -> WebWorld:
    """Accounts for every role over the web app."""
    return make_web_world(services)


@pytest.mark.parametrize("account", [None, "viewer_b", "editor_a", "coordinator"])
@pytest.mark.parametrize("path", ADMIN_PAGES)
def test_only_admins_open_administration_pages(
    world: WebWorld, account: str | None, path: str
) -> None:
    assert world.client(account).get(path).status_code == 403
    assert world.client("admin").get(path).status_code == 200


def test_admin_adds_a_user_who_can_then_sign_in(world: WebWorld) -> None:
    browser = world.client("admin")
    token = csrf_for(browser, "/admin/users")
    data = {"csrf_token": token, "username": "thanh", "password": PASSWORD, "role": "editor"}
    response = browser.post("/admin/users", data=data | {"org_id": str(world.orgs["B"])})
    assert response.status_code == 200
    assert "thanh" in texts(parse(response), "//table[contains(@class,'users')]//td[1]")
    assert world.auth.login("thanh", PASSWORD).token


def test_admin_switches_an_account_off(world: WebWorld) -> None:
    browser = world.client("admin")
    token = csrf_for(browser, "/admin/users")
    user_id = world.principals["viewer_b"].user_id
    response = browser.post(f"/admin/users/{user_id}", data={"csrf_token": token, "role": "viewer"})
    assert response.status_code == 200
    assert parse(response).xpath(f"//tr[@id='user-{user_id}'][@class='inactive']")


def test_admin_adds_an_organization_and_a_partner(world: WebWorld) -> None:
    browser = world.client("admin")
    token = csrf_for(browser, "/admin/organizations")
    browser.post(
        "/admin/organizations", data={"csrf_token": token, "name": "Hội hữu nghị Việt - Lào"}
    )
    page = browser.post(
        f"/admin/organizations/{world.orgs['B']}/partners",
        data={"csrf_token": token, "partner_id": str(world.orgs["C"]), "on": "true"},
    )
    doc = parse(page)
    assert "Hội hữu nghị Việt - Lào" in " ".join(
        texts(doc, "//table[contains(@class,'orgs')]//td[1]")
    )
    row = doc.xpath(f"//tr[@id='org-{world.orgs['B']}']//form[contains(@class,'partner')]")
    assert [" ".join(f.text_content().split()) for f in row] == ["Bộ Ngoại giao ×"]


def test_audit_log_lists_changes_and_filters_by_record(world: WebWorld) -> None:
    browser = world.client("admin")
    doc = parse(browser.get("/admin/audit?limit=500"))
    actions = texts(doc, "//table[contains(@class,'audit')]//td[3]")
    assert "user.create" in actions and "org.partner_add" in actions
    user_id = world.principals["viewer_b"].user_id
    one = parse(browser.get(f"/admin/audit?target_type=user&target_id={user_id}"))
    assert set(texts(one, "//table[contains(@class,'audit')]//td[4]/a")) == {f"user {user_id}"}


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("/admin/users", {"username": "x1", "password": PASSWORD, "role": "admin"}),
        ("/admin/organizations", {"name": "Tổ chức lạ"}),
    ],
)
def test_admin_forms_refuse_a_missing_csrf_token(
    world: WebWorld, path: str, data: dict[str, str]
) -> None:
    browser = world.client("admin")
    csrf_for(browser, path)
    assert browser.post(path, data=data).status_code == 403
    assert browser.post(path, data=data | {"csrf_token": "forged"}).status_code == 403
