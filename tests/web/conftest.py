"""Fixtures for web tests: services over a fresh SQLite database and TestClients."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from daphuong.domain.access import Principal
from daphuong.pipeline.registry import registered
from daphuong.pipeline.runner import build_pipeline
from daphuong.services.container import Services, default_hooks
from daphuong.settings import DEFAULT_STAGES, Settings
from daphuong.store.engine import Database
from daphuong.web.app import create_app


def available_stages() -> tuple[str, ...]:
    """The default chain, less stages not registered in this build."""
    known = registered()
    return tuple(s for s in DEFAULT_STAGES if s in known)


@pytest.fixture
def services(sqlite_db: Database) -> Services:
    """Services over a migrated SQLite database with the default pipeline."""
    settings = Settings(database_url=sqlite_db.url, secret_key="test-secret")
    return Services(
        settings, sqlite_db, build_pipeline(available_stages()), default_hooks(sqlite_db)
    )


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
