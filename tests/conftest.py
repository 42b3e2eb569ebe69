"""Shared fixtures: a migrated database per test on SQLite and, with -m postgres, PostgreSQL."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from daphuong.store.engine import Database, make_engine
from daphuong.store.migrate import upgrade
from tests.pg_server import server_url

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

# Property tests assert behaviour, not speed: on a loaded 2-CPU machine (CI, or a benchmark beside
# the suite) Hypothesis's wall-clock deadline and too-slow health check fail tests at random.
settings.register_profile("daphuong", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("daphuong")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The ../shared folder with seeds and dev corpus (skip when absent)."""
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared is not beside the checkout")
    return SHARED


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite file copied for each test (migrating once is much faster)."""
    path = tmp_path_factory.mktemp("tmpl") / "template.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    engine.dispose()
    return path


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str]:
    """A migrated PostgreSQL template database (skips plainly when no server can be had)."""
    admin, reason = server_url()
    if admin is None:
        pytest.skip(f"PostgreSQL tests skipped: {reason}")
    name = f"daphuong_tmpl_{uuid.uuid4().hex[:8]}"
    admin_engine = create_engine(_psycopg(admin), isolation_level="AUTOCOMMIT")
    with admin_engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = str(make_url(_psycopg(admin)).set(database=name).render_as_string(hide_password=False))
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
        conn.execute(text("CREATE EXTENSION IF NOT EXISTS unaccent"))
    upgrade(engine)
    engine.dispose()
    yield url
    with admin_engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin_engine.dispose()


def _psycopg(url: str) -> str:
    return url.replace("postgresql://", "postgresql+psycopg://", 1)


@pytest.fixture
def sqlite_db(sqlite_template: Path, tmp_path: Path) -> Iterator[Database]:
    """A fresh migrated SQLite database."""
    path = tmp_path / "test.db"
    shutil.copy(sqlite_template, path)
    db = Database(f"sqlite:///{path}")
    yield db
    db.dispose()


@pytest.fixture
def pg_db(pg_template: str) -> Iterator[Database]:
    """A fresh migrated PostgreSQL database cloned from the template."""
    tmpl = make_url(pg_template)
    name = f"daphuong_t_{uuid.uuid4().hex[:10]}"
    admin = create_engine(tmpl.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{tmpl.database}"'))
    db = Database(tmpl.set(database=name).render_as_string(hide_password=False))
    yield db
    db.dispose()
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest) -> Database:
    """The same test on both backends."""
    fixture = "sqlite_db" if request.param == "sqlite" else "pg_db"
    database: Database = request.getfixturevalue(fixture)
    return database
