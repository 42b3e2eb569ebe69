"""Fixtures for web tests: services over a fresh SQLite database, a sample document, clients."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from daphuong.domain.access import Principal
from daphuong.pipeline.registry import registered
from daphuong.services.container import Services, default_hooks
from daphuong.services.hooks import DocumentHook
from daphuong.services.registry import RegistryHook
from daphuong.settings import Settings
from daphuong.store.engine import Database
from daphuong.web.app import create_app
from tests.web.gold import gold_pipeline

SAMPLE_KEY = "hoi-nghi"
SAMPLE_TEXT = (
    "Ngày 12/4/2022, tại Hà Nội, Bộ Ngoại giao tổ chức Hội nghị Ngoại giao lần thứ 31. "
    "Thứ trưởng Lê Hoài Trung chủ trì hội nghị. Ông Phan Anh Sơn, Viện trưởng "
    "Viện Nghiên cứu Quốc tế, phát biểu."
)
SAMPLE_GOLD: dict[str, Any] = {
    "doc": SAMPLE_KEY,
    "entities": [
        {"type": "DATE", "text": "12/4/2022", "value": "2022-04-12"},
        {"type": "LOCATION", "text": "Hà Nội"},
        {"type": "ORG", "text": "Bộ Ngoại giao"},
        {"type": "EVENT", "text": "Hội nghị Ngoại giao lần thứ 31"},
        {"type": "PERSON", "text": "Lê Hoài Trung"},
        {"type": "PERSON", "text": "Phan Anh Sơn"},
        {"type": "ORG", "text": "Viện Nghiên cứu Quốc tế"},
    ],
    "roles": [
        {"person": "Lê Hoài Trung", "title": "Thứ trưởng", "org": "Bộ Ngoại giao"},
        {"person": "Phan Anh Sơn", "title": "Viện trưởng", "org": "Viện Nghiên cứu Quốc tế"},
    ],
    "events": [
        {
            "kind": "hội nghị",
            "name": "Hội nghị Ngoại giao lần thứ 31",
            "date": "2022-04-12",
            "organizers": ["Bộ Ngoại giao"],
            "chairs": ["Lê Hoài Trung"],
        }
    ],
}


def web_hooks(db: Database) -> list[DocumentHook]:
    """The default hooks, plus the registry's if the container does not add it yet."""
    hooks = default_hooks(db)
    if not any(isinstance(h, RegistryHook) for h in hooks):
        hooks.insert(0, RegistryHook(index_hooks=[h for h in hooks if hasattr(h, "upsert_entity")]))  # type: ignore[misc]
    return hooks


def make_services(db: Database, golds: dict[str, dict[str, Any]]) -> Services:
    """Services whose "extract" stage is the real one when present, else the gold stand-in."""
    from daphuong.pipeline.runner import build_pipeline
    from daphuong.settings import DEFAULT_STAGES

    settings = Settings(database_url=db.url, secret_key="test-secret")
    if golds or "extract" not in registered():
        pipeline = gold_pipeline(golds)
    else:
        pipeline = build_pipeline(DEFAULT_STAGES)
    return Services(settings, db, pipeline, web_hooks(db))


@pytest.fixture
def services(sqlite_db: Database) -> Services:
    """Services over a migrated SQLite database; the sample text extracts as its gold record."""
    return make_services(sqlite_db, {SAMPLE_KEY: SAMPLE_GOLD})


@pytest.fixture
def client(services: Services) -> Iterator[TestClient]:
    """An anonymous visitor."""
    with TestClient(create_app(services)) as test_client:
        yield test_client


@pytest.fixture
def admin_client(services: Services) -> Iterator[TestClient]:
    """A visitor resolved as the local operator (may upload and review)."""
    app = create_app(services, resolve_principal=lambda _r: Principal.local_system("test"))
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def sample_doc(admin_client: TestClient) -> int:
    """The sample document, uploaded; its id."""
    files = [("files", (f"{SAMPLE_KEY}.txt", SAMPLE_TEXT.encode(), "text/plain"))]
    result = admin_client.post("/api/v1/documents", files=files).json()["results"][0]
    assert result["outcome"] == "ingested", result
    doc_id: int = result["document_id"]
    return doc_id
