"""The review queue and confirm/reject forms."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.html import csrf_from, parse


def _role_statement(client: TestClient) -> int:
    pending = client.get("/api/v1/statements", params={"prop": "role"}).json()
    statement_id: int = next(s["id"] for s in pending if s["value"] == "Thứ trưởng")
    return statement_id


def test_queue_lists_proposals_with_keyboard_script(
    admin_client: TestClient, sample_doc: int
) -> None:
    doc = parse(admin_client.get("/review?prop=role"))
    assert len(doc.xpath("//li[@class='review-item']")) == 2
    assert "/static/js/review.js" in doc.xpath("//script/@src")


def test_confirming_a_role_records_the_decision(admin_client: TestClient, sample_doc: int) -> None:
    statement = _role_statement(admin_client)
    token = csrf_from(admin_client.get("/review"))
    response = admin_client.post(
        f"/review/{statement}",
        data={"decision": "confirm", "csrf_token": token, "next": f"/documents/{sample_doc}"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"] == f"/documents/{sample_doc}"
    doc = parse(admin_client.get(f"/documents/{sample_doc}"))
    assert doc.xpath(f"//li[@id='fact-{statement}'][contains(@class,'fact-confirmed')]")
    assert statement not in [s["id"] for s in admin_client.get("/api/v1/statements").json()]


def test_redirect_never_leaves_the_site(admin_client: TestClient, sample_doc: int) -> None:
    statement = _role_statement(admin_client)
    token = csrf_from(admin_client.get("/review"))
    response = admin_client.post(
        f"/review/{statement}",
        data={"decision": "reject", "csrf_token": token, "next": "//evil.example"},
        follow_redirects=False,
    )
    assert response.headers["location"] == "/review"


def test_anonymous_cannot_decide(client: TestClient, sample_doc: int) -> None:
    statement = _role_statement(client)
    token = csrf_from(client.get("/upload"))  # the review page shows anonymous no forms
    response = client.post(
        f"/review/{statement}", data={"decision": "confirm", "csrf_token": token}
    )
    assert response.status_code == 403


def test_unknown_decision_is_invalid(admin_client: TestClient, sample_doc: int) -> None:
    token = csrf_from(admin_client.get("/review"))
    response = admin_client.post("/review/1", data={"decision": "maybe", "csrf_token": token})
    assert response.status_code == 400
