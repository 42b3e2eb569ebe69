"""Principal resolution: API tokens and session cookies from the auth service."""

from __future__ import annotations

import lxml.html
from fastapi.testclient import TestClient

from daphuong.domain.access import Principal, Role
from daphuong.services.accounts import AccountService
from daphuong.services.auth import AuthService
from daphuong.services.container import Services

PASSWORD = "mat-khau-that-dai-2026"


def _admin_session(services: Services) -> str:
    auth = AuthService(services.db, "test-secret")
    AccountService(services.db, auth).add_user(
        Principal.local_system(), "quantri", PASSWORD, org_id=None, role=Role.ADMIN
    )
    return auth.login("quantri", PASSWORD).token


def test_session_cookie_resolves_the_signed_in_user(client: TestClient, services: Services) -> None:
    client.cookies.set("session", _admin_session(services))
    page = client.get("/upload")
    token = str(lxml.html.fromstring(page.text).xpath("string(//input[@name='csrf_token']/@value)"))
    response = client.post(
        "/api/v1/documents",
        files=[("files", ("a.txt", "Hà Nội".encode(), "text/plain"))],
        headers={"x-csrf-token": token},
    )
    assert response.status_code == 200, response.text
    assert "quantri" in client.get("/").text


def test_cookie_authenticated_api_write_needs_the_csrf_header(
    client: TestClient, services: Services
) -> None:
    client.cookies.set("session", _admin_session(services))
    response = client.post(
        "/api/v1/documents", files=[("files", ("a.txt", "Hà Nội".encode(), "text/plain"))]
    )
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]


def test_bad_bearer_token_is_refused_not_downgraded(client: TestClient) -> None:
    response = client.get("/api/v1/documents", headers={"authorization": "Bearer nope"})
    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"


def test_unknown_session_cookie_is_anonymous(client: TestClient) -> None:
    client.cookies.set("session", "stale")
    response = client.post("/api/v1/documents", files=[("files", ("a.txt", b"x", "text/plain"))])
    assert response.status_code == 403
