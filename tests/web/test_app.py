"""The app shell: security headers, static files, OpenAPI and navigation."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.html import parse


def test_pages_send_a_strict_content_security_policy(client: TestClient) -> None:
    response = client.get("/")
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp
    assert "style-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert response.headers["x-content-type-options"] == "nosniff"


def test_pages_have_no_inline_scripts_or_styles(client: TestClient) -> None:
    doc = parse(client.get("/"))
    assert all(s.get("src") for s in doc.xpath("//script")), "inline <script> found"
    assert not doc.xpath("//style"), "<style> element found"
    assert not doc.xpath("//*[@style]"), "style attribute found"


def test_vendored_scripts_are_served_with_their_licences(client: TestClient) -> None:
    for name in ("htmx/htmx.min.js", "cytoscape/cytoscape.min.js"):
        assert client.get(f"/static/vendor/{name}").status_code == 200
    for name in ("htmx/LICENSE", "cytoscape/LICENSE"):
        assert "Permission" in client.get(f"/static/vendor/{name}").text


def test_openapi_lists_the_api_with_examples(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    assert "/api/v1/documents" in spec["paths"]
    assert not any(p.startswith("/documents") for p in spec["paths"]), "pages leaked into OpenAPI"
    document = spec["components"]["schemas"]["DocumentOut"]
    assert document["examples"][0]["key"]


def test_navigation_marks_the_current_page(client: TestClient) -> None:
    doc = parse(client.get("/documents"))
    current = doc.xpath("//nav//a[@aria-current='page']/@href")
    assert current == ["/documents"]


def test_every_page_offers_a_skip_link_to_main(client: TestClient) -> None:
    doc = parse(client.get("/"))
    assert doc.xpath("//a[@class='skip-link']/@href") == ["#main"]
    assert doc.xpath("//main/@id") == ["main"]
