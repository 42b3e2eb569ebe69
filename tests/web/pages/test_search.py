"""The search page: hits with marked snippets, facets, entity quick-find."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from daphuong.store.search import base
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


def test_an_estimated_total_is_shown_as_about(
    admin_client: TestClient, client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(base, "WINDOW", 2)  # more matches than the window: the total is estimated
    texts = [f"Bài {i}: Bộ Ngoại giao tổ chức hội nghị về ngoại giao đa phương." for i in range(3)]
    files = [("files", (f"bai-{i}.txt", t.encode(), "text/plain")) for i, t in enumerate(texts)]
    assert admin_client.post("/api/v1/documents", files=files).status_code == 200
    heading = parse(client.get("/search", params={"q": "ngoai giao"})).xpath(
        "//h2[@id='hits-heading']"
    )
    assert heading[0].text.startswith("khoảng ")
    api = client.get("/api/v1/search", params={"q": "ngoai giao"}).json()
    assert (api["total_estimated"], api["facets_estimated"]) == (True, True)
    exact = client.get("/api/v1/search", params={"q": "bai 1"}).json()
    assert (exact["total"], exact["total_estimated"]) == (1, False)
