"""/api/v1/entities, /events, /statements and /search."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_quick_find_ignores_diacritics(client: TestClient, sample_doc: int) -> None:
    hits = client.get("/api/v1/entities/find", params={"q": "le hoai trung"}).json()
    assert hits[0]["name"] == "Lê Hoài Trung"
    assert hits[0]["url"] == f"/entities/{hits[0]['id']}"


def test_entity_roles_cite_their_document_span(client: TestClient, sample_doc: int) -> None:
    person = client.get("/api/v1/entities/find", params={"q": "Lê Hoài Trung"}).json()[0]["id"]
    body = client.get(f"/api/v1/entities/{person}").json()
    role = body["roles"][0]
    assert (role["title"], role["org"]) == ("Thứ trưởng", "Bộ Ngoại giao")
    cite = role["citations"][0]
    text = client.get(f"/api/v1/documents/{sample_doc}").json()["original_text"]
    start, end = cite["spans"][0]
    assert text[start:end] == "Lê Hoài Trung"
    assert cite["href"] == f"/documents/{sample_doc}#span-{start}-{end}"


def test_graph_links_a_chair_to_the_organizer(client: TestClient, sample_doc: int) -> None:
    person = client.get("/api/v1/entities/find", params={"q": "Lê Hoài Trung"}).json()[0]["id"]
    graph = client.get(f"/api/v1/entities/{person}/graph").json()
    labels = {n["id"]: n["label"] for n in graph["nodes"]}
    related = {(labels[e["target"]], e["relation"]) for e in graph["edges"]}
    assert related == {("Bộ Ngoại giao", "event"), ("Bộ Ngoại giao", "role")}


def test_events_api_pages_and_filters(client: TestClient, sample_doc: int) -> None:
    body = client.get("/api/v1/events").json()
    assert body["total"] == 1
    event = body["items"][0]
    assert event["date"] == "2022-04-12"
    assert [o["name"] for o in event["organizers"]] == ["Bộ Ngoại giao"]
    assert client.get("/api/v1/events", params={"kind": "lễ"}).json()["total"] == 0


def test_confirm_twice_is_a_conflict(admin_client: TestClient, sample_doc: int) -> None:
    statement = admin_client.get("/api/v1/statements", params={"prop": "role"}).json()[0]["id"]
    assert admin_client.post(f"/api/v1/statements/{statement}/confirm").status_code == 200
    again = admin_client.post(f"/api/v1/statements/{statement}/confirm")
    assert again.status_code == 409
    assert again.json()["code"] == "conflict"


def test_search_api_returns_facets_and_marked_snippets(client: TestClient, sample_doc: int) -> None:
    body = client.get("/api/v1/search", params={"q": "hội nghị"}).json()
    assert body["total"] == 1
    assert "<mark>" in body["hits"][0]["snippet_html"]
    assert isinstance(body["facets"], dict)
