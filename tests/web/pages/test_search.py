"""The search page: hits with marked snippets, facets, entity quick-find."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.html import parse


def test_search_without_diacritics_finds_and_marks_the_document(
    client: TestClient, sample_doc: int
) -> None:
    doc = parse(client.get("/search", params={"q": "ngoai giao"}))
    assert doc.xpath("//div[@class='hit']//a/@href") == [f"/documents/{sample_doc}"]
    assert doc.xpath("//p[@class='snippet']/mark")


def test_quick_find_lists_matching_entities(client: TestClient, sample_doc: int) -> None:
    doc = parse(client.get("/search", params={"q": "Lê Hoài Trung"}))
    assert "Lê Hoài Trung" in [a.text for a in doc.xpath("//ul[@class='entity-hits']//a")]


def test_empty_search_shows_only_the_form(client: TestClient) -> None:
    doc = parse(client.get("/search"))
    assert doc.xpath("//input[@id='search-q']")
    assert not doc.xpath("//div[@class='hit']")


def test_bad_filter_is_invalid_input(client: TestClient) -> None:
    assert client.get("/api/v1/search", params={"filter": "nonsense"}).status_code == 400
