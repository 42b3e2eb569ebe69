"""Sign-in and sign-out pages: cookies, CSRF, one generic error, no password in logs."""

from __future__ import annotations

import dataclasses
import logging

import pytest
from fastapi.testclient import TestClient
from httpx import Response

from daphuong.services.container import Services
from daphuong.web.auth import SESSION_COOKIE
from tests.services.coordination_world import PASSWORD
from tests.web.coordination_setup import WebWorld, csrf_for, make_web_world
from tests.web.html import parse, texts


@pytest.fixture
def world(services: Services) -> WebWorld:
    """Accounts for every role over the web app."""
    return make_web_world(services)


def _sign_in(browser: TestClient, username: str, password: str, next_path: str = "/") -> Response:
    token = csrf_for(browser, "/login")
    data = {"username": username, "password": password, "csrf_token": token, "next": next_path}
    return browser.post("/login", data=data, follow_redirects=False)


def test_login_page_has_labelled_fields_and_a_csrf_cookie(world: WebWorld) -> None:
    browser = world.client(None)
    response = browser.get("/login")
    doc = parse(response)
    assert doc.xpath("//label[@for='login-username']") and doc.xpath(
        "//input[@id='login-password']"
    )
    assert doc.xpath("//form[@action='/login']//input[@name='csrf_token']/@value")
    assert "csrf" in response.cookies


def test_good_credentials_set_an_httponly_lax_session_cookie(world: WebWorld) -> None:
    browser = world.client(None)
    response = _sign_in(browser, "editor_a", PASSWORD, "/plans")
    assert response.status_code == 303
    assert response.headers["location"] == "/plans"
    cookie = response.headers["set-cookie"].lower()
    assert "session=" in cookie and "httponly" in cookie and "samesite=lax" in cookie
    assert "secure" not in cookie.split("session=", 1)[1].split(",")[0]
    assert "editor_a" in browser.get("/").text


def test_secure_cookies_setting_marks_the_session_cookie_secure(services: Services) -> None:
    settings = services.settings.model_copy(update={"secure_cookies": True})
    world = make_web_world(dataclasses.replace(services, settings=settings))
    # Secure cookies only travel over HTTPS, so this browser speaks HTTPS.
    response = _sign_in(TestClient(world.app, base_url="https://testserver"), "viewer_b", PASSWORD)
    session_cookie = [
        c for c in response.headers.get_list("set-cookie") if c.startswith("session=")
    ]
    assert session_cookie and "secure" in session_cookie[0].lower()


def test_wrong_password_and_unknown_user_get_the_same_generic_answer(world: WebWorld) -> None:
    wrong = _sign_in(world.client(None), "editor_a", "not-the-password-123")
    unknown = _sign_in(world.client(None), "nobody", "not-the-password-123")
    for response in (wrong, unknown):
        assert response.status_code == 401
        assert SESSION_COOKIE not in response.cookies
        assert texts(parse(response), "//*[@role='alert']") == ["Sai tên đăng nhập hoặc mật khẩu."]
        assert "not-the-password-123" not in response.text


def test_passwords_never_reach_the_logs(world: WebWorld, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    _sign_in(world.client(None), "editor_a", "wrong-secret-value-42")
    _sign_in(world.client(None), "editor_a", PASSWORD)
    assert caplog.records, "a failed sign-in is logged"
    assert all("wrong-secret-value-42" not in r.getMessage() for r in caplog.records)
    assert all(PASSWORD not in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize("token", [None, "forged-token"])
def test_login_without_a_valid_csrf_token_is_refused(world: WebWorld, token: str | None) -> None:
    browser = world.client(None)
    csrf_for(browser, "/login")
    data = {"username": "editor_a", "password": PASSWORD}
    if token is not None:
        data["csrf_token"] = token
    response = browser.post("/login", data=data, follow_redirects=False)
    assert response.status_code == 403
    assert SESSION_COOKIE not in response.cookies


def test_next_cannot_leave_the_site(world: WebWorld) -> None:
    response = _sign_in(world.client(None), "editor_a", PASSWORD, "//evil.example/x")
    assert response.headers["location"] == "/"


def test_logout_ends_the_session_on_the_server(world: WebWorld) -> None:
    browser = world.client("editor_a")
    old_session = browser.cookies[SESSION_COOKIE]
    token = csrf_for(browser, "/")
    response = browser.post("/logout", data={"csrf_token": token}, follow_redirects=False)
    assert response.status_code == 303
    assert world.auth.principal_for_session(old_session).user_id is None
    assert "editor_a" not in browser.get("/").text


def test_logout_without_csrf_keeps_the_session(world: WebWorld) -> None:
    browser = world.client("editor_a")
    csrf_for(browser, "/")
    response = browser.post("/logout", data={}, follow_redirects=False)
    assert response.status_code == 403
    assert world.auth.principal_for_session(browser.cookies[SESSION_COOKIE]).username == "editor_a"


def test_header_shows_who_is_signed_in_with_a_logout_button(world: WebWorld) -> None:
    doc = parse(world.client("viewer_b").get("/"))
    assert texts(doc, "//header//*[@class='account-name']") == ["Người dùng: viewer_b"]
    assert doc.xpath("//header//form[@action='/logout']//button")
    anonymous = parse(world.client(None).get("/"))
    assert anonymous.xpath("//header//a[starts-with(@href, '/login')]")
    assert not anonymous.xpath("//form[@action='/logout']")


@pytest.mark.parametrize(
    ("account", "expected"),
    [
        (None, set()),
        ("viewer_b", {"/activities", "/plans", "/seats", "/aid", "/reports/annual"}),
        ("admin", {"/activities", "/plans", "/seats", "/aid", "/reports/annual", "/admin"}),
    ],
)
def test_navigation_offers_coordination_pages_to_those_who_may_use_them(
    world: WebWorld, account: str | None, expected: set[str]
) -> None:
    doc = parse(world.client(account).get("/"))
    links = set(doc.xpath("//ul[@class='nav']//a/@href"))
    coordination = {"/activities", "/plans", "/seats", "/aid", "/reports/annual", "/admin"}
    assert links & coordination == expected
    assert "/search" in links
