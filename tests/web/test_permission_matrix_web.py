"""Every role × every visibility through pages, JSON API, search, entity pages and exports.

Organization A owns three documents, one per visibility, each with a word and a person of its
own. A names P as its partner; B is A's neighbour with no link. Expected sight:
anonymous, viewer_b, editor_b: public; coordinator and viewer_p: public + shared; admin: all.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from fastapi.testclient import TestClient

from daphuong.domain.document import RawDocument, Visibility
from daphuong.services.container import Services
from daphuong.services.export import ExportService
from daphuong.store.documents import DocumentRepository
from daphuong.store.engine import Database
from tests.web.conftest import make_services
from tests.web.coordination_setup import WebWorld, make_web_world
from tests.web.html import parse

COMMON = "hợp tác hữu nghị"  # in every document: search hits and facets count visible ones only
# The word, place and person of each document (shown nowhere else).
MARKS = {
    Visibility.PUBLIC: ("Côn Đảo", "Nguyễn Văn Công"),
    Visibility.SHARED: ("Lý Sơn", "Trần Thị Chia"),
    Visibility.INTERNAL: ("Bạch Long Vĩ", "Lê Văn Mật"),
}
EXPECTED = {
    "anonymous": {Visibility.PUBLIC},
    "viewer_b": {Visibility.PUBLIC},
    "editor_b": {Visibility.PUBLIC},
    "coordinator": {Visibility.PUBLIC, Visibility.SHARED},
    "viewer_p": {Visibility.PUBLIC, Visibility.SHARED},
    "admin": set(Visibility),
}


def _text(vis: Visibility) -> str:
    place, person = MARKS[vis]
    return (
        f"Ngày 3/6/2021, tại {place}, Bộ Ngoại giao tổ chức hội nghị về {COMMON}. "
        f"Ông {person} phát biểu."
    )


def _gold(vis: Visibility) -> dict[str, Any]:
    place, person = MARKS[vis]
    return {
        "doc": f"tai-lieu-{vis.value}",
        "entities": [
            {"type": "LOCATION", "text": place},
            {"type": "ORG", "text": "Bộ Ngoại giao"},
            {"type": "PERSON", "text": person},
        ],
        "roles": [],
        "events": [],
    }


@dataclass
class Matrix:
    """The world, each document's id and the entity id of each document's person."""

    world: WebWorld
    services: Services
    doc_ids: dict[Visibility, int]
    person_ids: dict[Visibility, int]

    def visible(self, account: str, ids: dict[Visibility, int]) -> set[Visibility]:
        """Which of `ids` the JSON API lets `account` open."""
        browser = self.world.client(account if account != "anonymous" else None)
        return {
            v for v, i in ids.items() if browser.get(f"/api/v1/documents/{i}").status_code == 200
        }


@pytest.fixture
def matrix(db: Database) -> Matrix:
    """Three documents of organization A, ingested with their visibility and owner."""
    services = make_services(db, {f"tai-lieu-{v.value}": _gold(v) for v in Visibility})
    world = make_web_world(services)
    doc_ids: dict[Visibility, int] = {}
    for vis in Visibility:
        raw = RawDocument(_text(vis), f"tai-lieu-{vis.value}.txt", "text/plain", title=vis.value)
        services.ingestion.store(raw, visibility=vis, owner_org_id=world.orgs["A"])
        with db.reader() as session:
            row = DocumentRepository(session).by_key(f"tai-lieu-{vis.value}")
            assert row is not None
            doc_ids[vis] = row.id
    admin = world.client("admin")
    person_ids = {}
    for vis, (_, person) in MARKS.items():
        found = admin.get("/api/v1/entities/find", params={"q": person}).json()
        person_ids[vis] = next(h["id"] for h in found if h["name"] == person)
    return Matrix(world, services, doc_ids, person_ids)


def _browser(matrix: Matrix, account: str) -> TestClient:
    return matrix.world.client(None if account == "anonymous" else account)


def test_document_pages_and_listing(matrix: Matrix) -> None:
    for account, expected in EXPECTED.items():
        browser = _browser(matrix, account)
        opened = {
            v
            for v, i in matrix.doc_ids.items()
            if browser.get(f"/documents/{i}").status_code == 200
        }
        assert opened == expected, account
        titles = set(parse(browser.get("/documents")).xpath("//table//td/a/text()"))
        assert titles == {v.value for v in expected}, account


def test_json_api_documents(matrix: Matrix) -> None:
    for account, expected in EXPECTED.items():
        assert matrix.visible(account, matrix.doc_ids) == expected, account
        listed = _browser(matrix, account).get("/api/v1/documents").json()
        keys = {d["key"] for d in listed["items"]}
        assert keys == {f"tai-lieu-{v.value}" for v in expected}, account
        assert listed["total"] == len(expected), f"{account}: the total counts hidden documents"


def test_search_results_and_facet_counts(matrix: Matrix) -> None:
    for account, expected in EXPECTED.items():
        browser = _browser(matrix, account)
        for vis, (place, _) in MARKS.items():
            hits = browser.get("/api/v1/search", params={"q": place}).json()
            assert (hits["total"] > 0) == (vis in expected), f"{account} searching {place}"
        common = browser.get("/api/v1/search", params={"q": COMMON}).json()
        assert common["total"] == len(expected), account
        for name, values in common["facets"].items():
            for value in values:
                assert value["count"] <= len(expected), f"{account}: facet {name} {value}"
            labels = {v["label"] for v in values}
            for vis, (place, person) in MARKS.items():
                if vis not in expected:
                    assert place not in labels and person not in labels, f"{account}: {name}"
        page = browser.get("/search", params={"q": COMMON}).text
        for vis, (place, person) in MARKS.items():
            if vis not in expected:
                assert place not in page and person not in page, f"{account}: search page"


def test_entity_pages_and_quick_find(matrix: Matrix) -> None:
    for account, expected in EXPECTED.items():
        browser = _browser(matrix, account)
        for vis, entity_id in matrix.person_ids.items():
            page = browser.get(f"/entities/{entity_id}").status_code
            api = browser.get(f"/api/v1/entities/{entity_id}").status_code
            assert (page == 200, api == 200) == (vis in expected,) * 2, f"{account}: {vis}"
            person = MARKS[vis][1]
            found = browser.get("/api/v1/entities/find", params={"q": person}).json()
            assert any(h["name"] == person for h in found) == (vis in expected), account
        org = browser.get("/api/v1/entities/find", params={"q": "Bộ Ngoại giao"}).json()
        if org:  # seen in every document; its page cites only the visible ones
            profile = browser.get(f"/api/v1/entities/{org[0]['id']}").json()
            cited = {c["document_id"] for n in profile["names"] for c in n["citations"]}
            assert cited <= {matrix.doc_ids[v] for v in expected}, account


def test_exports(matrix: Matrix) -> None:
    export = ExportService(matrix.services.db)
    for account, expected in EXPECTED.items():
        text = "\n".join(export.jsonl_lines(matrix.world.principals[account]))
        for vis, (place, person) in MARKS.items():
            assert (person in text) == (vis in expected), f"{account}: {person} in export"
            assert (place in text) == (vis in expected), f"{account}: {place} in export"


def test_neighbour_viewer_never_sees_the_internal_document(matrix: Matrix) -> None:
    """A viewer of B fails to see B's neighbour A's internal document by every route."""
    browser = _browser(matrix, "viewer_b")
    doc_id = matrix.doc_ids[Visibility.INTERNAL]
    place, person = MARKS[Visibility.INTERNAL]
    assert browser.get(f"/documents/{doc_id}").status_code == 404
    assert browser.get(f"/api/v1/documents/{doc_id}").status_code == 404
    assert browser.get("/api/v1/search", params={"q": place}).json()["total"] == 0
    facets = browser.get("/api/v1/search", params={"q": COMMON}).json()["facets"]
    assert all(v["count"] <= 1 for values in facets.values() for v in values)
    assert person not in "\n".join(
        ExportService(matrix.services.db).jsonl_lines(matrix.world.principals["viewer_b"])
    )
