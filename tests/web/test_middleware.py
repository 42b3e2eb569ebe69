"""Language choice: Vietnamese by default, ?lang= switches and sets a cookie."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.html import parse, texts


def test_vietnamese_is_the_default_language(client: TestClient) -> None:
    doc = parse(client.get("/documents"))
    assert doc.get("lang") == "vi"
    assert texts(doc, "//h1") == ["Tài liệu"]


def test_lang_query_switches_to_english_and_remembers_it(client: TestClient) -> None:
    response = client.get("/documents?lang=en")
    assert "lang=en" in response.headers["set-cookie"]
    assert texts(parse(response), "//h1") == ["Documents"]
    # The cookie now carries the choice without the query parameter.
    assert texts(parse(client.get("/documents")), "//h1") == ["Documents"]


def test_unknown_language_falls_back_to_vietnamese(client: TestClient) -> None:
    doc = parse(client.get("/documents?lang=fr"))
    assert doc.get("lang") == "vi"


def test_malformed_cookie_header_does_not_break_the_page(client: TestClient) -> None:
    response = client.get("/", headers={"cookie": 'lang="\\'})
    assert response.status_code == 200
