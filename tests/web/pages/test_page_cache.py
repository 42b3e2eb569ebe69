"""Pages served from the read cache: fresh after any write, never one caller's view for another."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import Request
from fastapi.testclient import TestClient

from daphuong.domain.access import Principal
from daphuong.domain.document import RawDocument, Visibility
from daphuong.services.container import Services
from daphuong.store.documents import DocumentRepository
from daphuong.web.app import create_app
from tests.web.conftest import SAMPLE_KEY, SAMPLE_TEXT
from tests.web.html import csrf_from, parse, texts

ADMIN = Principal.local_system("test")


@pytest.fixture
def shared_client(services: Services) -> Iterator[TestClient]:
    """One app (one cache) whose caller is the operator when the X-Test-Admin header is set."""

    def resolve(request: Request) -> Principal:
        return ADMIN if request.headers.get("x-test-admin") else Principal.anonymous()

    with TestClient(create_app(services, resolve_principal=resolve)) as client:
        yield client


def _internal_document(services: Services) -> int:
    raw = RawDocument(SAMPLE_TEXT, f"{SAMPLE_KEY}.txt", "text/plain", title="nội bộ")
    services.ingestion.store(raw, visibility=Visibility.INTERNAL)
    with services.db.reader() as session:
        row = DocumentRepository(session).by_key(SAMPLE_KEY)
        assert row is not None
        return row.id


def _public_document(client: TestClient) -> int:
    files = [("files", (f"{SAMPLE_KEY}.txt", SAMPLE_TEXT.encode(), "text/plain"))]
    response = client.post("/api/v1/documents", files=files, headers={"x-test-admin": "1"})
    result = response.json()["results"][0]
    assert result["outcome"] == "ingested", result
    doc_id: int = result["document_id"]
    return doc_id


def _person(client: TestClient) -> int:
    hits = client.get(
        "/api/v1/entities/find", params={"q": "Lê Hoài Trung"}, headers={"x-test-admin": "1"}
    ).json()
    entity_id: int = hits[0]["id"]
    return entity_id


def test_a_private_document_seen_by_the_operator_stays_hidden_from_anonymous(
    services: Services, shared_client: TestClient
) -> None:
    doc_id = _internal_document(services)
    person = _person(shared_client)
    admin = {"x-test-admin": "1"}
    assert shared_client.get(f"/documents/{doc_id}", headers=admin).status_code == 200
    assert shared_client.get(f"/entities/{person}", headers=admin).status_code == 200
    assert (
        shared_client.get("/search", params={"q": "Hoài Trung"}, headers=admin).status_code == 200
    )
    # The same URLs again, now cached for the operator's scope, asked anonymously.
    assert shared_client.get(f"/documents/{doc_id}").status_code == 404
    assert shared_client.get(f"/entities/{person}").status_code == 404
    found = parse(shared_client.get("/search", params={"q": "Hoài Trung"}))
    assert not found.xpath("//div[@class='hit']")


def test_a_review_decision_shows_on_the_next_page_view(
    admin_client: TestClient, sample_doc: int
) -> None:
    person = _person(admin_client)

    def roles() -> list[str]:
        page = parse(admin_client.get(f"/entities/{person}"))
        return texts(page, "//ol[@class='role-timeline']/li")

    assert any("Thứ trưởng" in r for r in roles())
    assert any("Thứ trưởng" in r for r in roles())  # served from the cache
    pending = admin_client.get("/api/v1/statements", params={"prop": "role"}).json()
    role = next(s for s in pending if s["entity_id"] == person and s["value"] == "Thứ trưởng")
    assert admin_client.post(f"/api/v1/statements/{role['id']}/reject").status_code == 200
    assert not any("Thứ trưởng" in r for r in roles())


def test_anonymous_visitors_share_one_rendered_page_without_a_token(
    shared_client: TestClient,
) -> None:
    doc_id = _public_document(shared_client)
    first = shared_client.get(f"/documents/{doc_id}")
    cache = shared_client.app.state.page_cache  # type: ignore[attr-defined]
    hits = cache.hits
    second = shared_client.get(f"/documents/{doc_id}")
    assert cache.hits == hits + 1
    assert second.text == first.text
    assert shared_client.get(f"/documents/{doc_id}?lang=en").text != first.text
    assert 'name="csrf_token"' not in first.text


def test_a_signed_in_caller_never_gets_the_anonymous_page(shared_client: TestClient) -> None:
    doc_id = _public_document(shared_client)
    person = _person(shared_client)
    for path in (f"/documents/{doc_id}", f"/entities/{person}"):
        assert "review-form" not in shared_client.get(path).text
        page = shared_client.get(path, headers={"x-test-admin": "1"})
        assert "review-form" in page.text
        assert csrf_from(page)


def test_an_anonymous_page_follows_a_review_decision(shared_client: TestClient) -> None:
    _public_document(shared_client)
    person = _person(shared_client)
    admin = {"x-test-admin": "1"}

    def roles() -> list[str]:
        return texts(parse(shared_client.get(f"/entities/{person}")), "//ol/li")

    assert any("Thứ trưởng" in r for r in roles())
    pending = shared_client.get("/api/v1/statements", params={"prop": "role"}, headers=admin).json()
    role = next(s for s in pending if s["entity_id"] == person and s["value"] == "Thứ trưởng")
    response = shared_client.post(f"/api/v1/statements/{role['id']}/reject", headers=admin)
    assert response.status_code == 200
    assert not any("Thứ trưởng" in r for r in roles())


def test_an_anonymous_page_seeds_the_csrf_cookie_without_signing_a_token(
    shared_client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc_id = _public_document(shared_client)

    def refuse(request: Request) -> str:
        raise AssertionError("a shared page carries no token: none may be signed for it")

    monkeypatch.setattr("daphuong.web.rendering.csrf_token", refuse)
    for _ in range(2):  # rendered, then shared from the cache: a new browser gets its cookie
        shared_client.cookies.clear()
        page = shared_client.get(f"/documents/{doc_id}")
        assert page.status_code == 200
        assert "csrf" in page.cookies
