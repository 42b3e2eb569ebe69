"""`daphuong serve`: several uvicorn workers get the same settings and a migrated schema."""

from __future__ import annotations

import gc
import os
from pathlib import Path
from typing import Any

import pytest
import typer
import uvicorn
from fastapi.testclient import TestClient

from daphuong.cli import serve
from daphuong.settings import Settings, get_settings
from daphuong.store.engine import Database
from daphuong.store.migrate import current_tables


@pytest.fixture(autouse=True)
def private_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """serve_app writes DAPHUONG_* variables for its workers: keep them out of other tests."""
    monkeypatch.setattr(os, "environ", os.environ.copy())


def test_settings_travel_to_workers_through_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings(
        database_url=f"sqlite:///{tmp_path / 'x.db'}",
        data_dir=tmp_path,
        pipeline=("normalize", "clean"),
        secret_key="s3cret",
        log_level="INFO",
    )
    for name, value in serve.settings_environment(settings).items():
        monkeypatch.setenv(name, value)
    assert Settings() == settings


def test_several_workers_are_started_from_an_import_string_after_migrating(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[Any, dict[str, Any]]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append((app, kw)))
    url = f"sqlite:///{tmp_path / 'w.db'}"
    monkeypatch.setenv("DAPHUONG_DATABASE_URL", "sqlite:///elsewhere.db")
    serve.serve_app("127.0.0.1", 8123, settings=Settings(database_url=url), workers=3)
    [(app, kw)] = calls
    assert app == "daphuong.cli.serve:worker_app"
    assert (kw["workers"], kw["factory"], kw["port"]) == (3, True, 8123)
    assert "registry_statements" in current_tables(Database(url).engine)
    get_settings.cache_clear()
    try:
        assert get_settings().database_url == url  # what a worker process will read
        with TestClient(serve.worker_app()) as client:
            assert client.get("/api/v1/documents").json()["total"] == 0
    finally:
        get_settings.cache_clear()


def test_a_worker_app_is_frozen_out_of_the_cyclic_collector(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'f.db'}"
    Database(url).engine.dispose()
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: None)
    serve.serve_app("127.0.0.1", 8123, settings=Settings(database_url=url), workers=2)
    get_settings.cache_clear()
    gc.unfreeze()
    try:
        app = serve.worker_app()
        tracked = {id(obj) for obj in gc.get_objects()}  # the permanent generation is not listed
        assert gc.get_freeze_count() > 0
        assert id(app) not in tracked and id(app.state.services) not in tracked
        frozen = gc.get_freeze_count()
        gc.collect()
        assert gc.get_freeze_count() == frozen  # a full collection neither walks nor frees them
    finally:
        gc.unfreeze()
        get_settings.cache_clear()


def test_local_admin_workers_use_their_own_factory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[Any] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append(app))
    monkeypatch.setenv("DAPHUONG_DATABASE_URL", "sqlite:///elsewhere.db")
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'w.db'}")
    serve.serve_app("127.0.0.1", 8123, settings=settings, local_admin=True, workers=2)
    assert calls == ["daphuong.cli.serve:local_admin_worker_app"]


def test_zero_workers_and_remote_local_admin_are_refused() -> None:
    with pytest.raises(typer.BadParameter):
        serve.serve_app("127.0.0.1", 8123, settings=Settings(), workers=0)
    with pytest.raises(typer.BadParameter):
        serve.serve_app("0.0.0.0", 8123, settings=Settings(), local_admin=True)
