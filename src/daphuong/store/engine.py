"""Engine and session factory for SQLite (WAL, foreign keys) and PostgreSQL."""

from __future__ import annotations

import functools
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Concatenate, ParamSpec, Protocol, TypeVar

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

T = TypeVar("T")
P = ParamSpec("P")
# Tries for one unit of work: a deadlock victim usually goes through on the second.
_ATTEMPTS = 4
_RETRY_SQLSTATES = frozenset({"40P01", "40001"})  # deadlock_detected, serialization_failure
# Connections a SQLite engine keeps open: as many as the web server's thread pool (anyio's 40).
# The default pool kept 5 and closed the rest after each use, so under 20 clients about one
# request in 40 paid for a new connection: the schema parsed again and an empty page cache.
_SQLITE_POOL = 40


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


def make_engine(url: str, **kwargs: Any) -> Engine:
    """Create an engine with the right per-dialect settings."""
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    if url.startswith("sqlite"):
        if url.removeprefix("sqlite://").strip("/") not in ("", ":memory:"):
            kwargs.setdefault("pool_size", _SQLITE_POOL)
        engine = create_engine(url, connect_args={"check_same_thread": False}, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True, **kwargs)


class Database:
    """An engine plus a session factory; services open units of work from it."""

    def __init__(self, url: str, **engine_kwargs: Any) -> None:
        self.url = url
        self.engine = make_engine(url, **engine_kwargs)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        """'sqlite' or 'postgresql'."""
        return self.engine.dialect.name

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: commit on success, roll back on any error."""
        with self._sessions() as session, session.begin():
            yield session

    @contextmanager
    def reader(self) -> Iterator[Session]:
        """A session for reading; closing it rolls back without expiring loaded objects."""
        with self._sessions() as session:
            yield session

    def retrying(self, work: Callable[[], T]) -> T:
        """Run `work` (it opens its own transaction), again after a deadlock/serialization abort."""
        for attempt in range(1, _ATTEMPTS + 1):
            try:
                return work()
            except DBAPIError as exc:
                # Concurrent writers lock shared rows (the registry counts) in their own order;
                # PostgreSQL aborts one of them, and the same work then goes in whole.
                if attempt == _ATTEMPTS or not _transient(exc):
                    raise
                time.sleep(random.uniform(0, 0.05 * attempt))
        raise AssertionError("unreachable")

    def dispose(self) -> None:
        """Close all pooled connections."""
        self.engine.dispose()


def _transient(exc: DBAPIError) -> bool:
    """A deadlock or serialization failure: the transaction can be run again as it was."""
    return getattr(exc.orig, "sqlstate", None) in _RETRY_SQLSTATES


class _HasDatabase(Protocol):
    db: Database


H = TypeVar("H", bound=_HasDatabase)


def retried(method: Callable[Concatenate[H, P], T]) -> Callable[Concatenate[H, P], T]:
    """Decorate a service method that opens its own transaction: rerun it after a deadlock."""

    @functools.wraps(method)
    def run(self: H, /, *args: P.args, **kwargs: P.kwargs) -> T:
        return self.db.retrying(lambda: method(self, *args, **kwargs))

    return run
