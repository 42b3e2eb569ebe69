"""Errors: problem+json with stable codes for the API, an HTML page for browsers."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.html import parse


def test_missing_document_is_problem_json_with_code(client: TestClient) -> None:
    response = client.get("/api/v1/documents/12345")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["code"] == "not_found"
    assert body["status"] == 404
    assert body["instance"] == "/api/v1/documents/12345"


def test_bad_parameter_is_invalid_input_naming_the_field(client: TestClient) -> None:
    body = client.get("/api/v1/documents?limit=500").json()
    assert body["code"] == "invalid_input"
    assert body["errors"][0]["loc"] == ["query", "limit"]


def test_unknown_api_route_is_not_found(client: TestClient) -> None:
    body = client.get("/api/v1/nothing-here").json()
    assert body["code"] == "not_found"


def test_wrong_method_has_a_stable_code(client: TestClient) -> None:
    body = client.delete("/api/v1/documents").json()
    assert body["code"] == "method_not_allowed"


def test_browsers_get_an_html_error_page(client: TestClient) -> None:
    response = client.get("/documents/999", headers={"accept": "text/html"})
    assert response.status_code == 404
    doc = parse(response)
    assert doc.xpath("//p[@class='error-detail']/@data-code") == ["not_found"]
