"""CSRF: state-changing forms need the token rendered for this browser."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.html import csrf_from

FILE = ("files", ("a.txt", "Hà Nội, ngày 30/11.".encode(), "text/plain"))


def test_form_without_token_is_refused(admin_client: TestClient) -> None:
    admin_client.get("/upload")
    response = admin_client.post("/upload", files=[FILE])
    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"


def test_token_from_another_browser_is_refused(admin_client: TestClient) -> None:
    token = csrf_from(admin_client.get("/upload"))
    admin_client.cookies.clear()
    admin_client.get("/upload")  # a new browser gets a new seed
    response = admin_client.post("/upload", data={"csrf_token": token}, files=[FILE])
    assert response.status_code == 403


def test_tampered_token_is_refused(admin_client: TestClient) -> None:
    token = csrf_from(admin_client.get("/upload"))
    response = admin_client.post("/upload", data={"csrf_token": token + "x"}, files=[FILE])
    assert response.status_code == 403


def test_token_from_the_same_browser_is_accepted(admin_client: TestClient) -> None:
    token = csrf_from(admin_client.get("/upload"))
    response = admin_client.post("/upload", data={"csrf_token": token}, files=[FILE])
    assert response.status_code == 200
