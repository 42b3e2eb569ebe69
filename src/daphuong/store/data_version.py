"""A token that changes whenever any connection, in any process, commits a write."""

from __future__ import annotations

import sqlite3
import threading

from sqlalchemy import Engine, text


class DataVersion:
    """Read before a read-only unit of work: equal tokens mean the same committed data.

    SQLite: `PRAGMA data_version` on a connection of our own that never writes, so every
    commit (this process or another) is "another connection's" and changes it.
    PostgreSQL: the current snapshot (xmin:xmax:in-progress xids); two equal snapshots see
    the same committed transactions, and any commit of a write changes it.
    None where neither applies (an in-memory SQLite database): callers must not cache then.
    """

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._lock = threading.Lock()
        self._sqlite: sqlite3.Connection | None = None
        self.supported = engine.dialect.name == "postgresql" or (
            engine.dialect.name == "sqlite" and _is_file(engine.url.database)
        )

    def current(self) -> str | None:
        """The token now, or None when this database cannot provide one."""
        if not self.supported:
            return None
        if self._engine.dialect.name == "sqlite":
            return self._sqlite_version()
        with self._engine.connect() as connection:
            return str(connection.scalar(text("SELECT pg_current_snapshot()::text")))

    def _sqlite_version(self) -> str:
        with self._lock:  # one connection shared by the server's threads
            if self._sqlite is None:
                path = str(self._engine.url.database)
                self._sqlite = sqlite3.connect(path, check_same_thread=False)
            (version,) = self._sqlite.execute("PRAGMA data_version").fetchone()
        return str(version)

    def close(self) -> None:
        """Close the SQLite connection (opened again on the next call)."""
        with self._lock:
            if self._sqlite is not None:
                self._sqlite.close()
                self._sqlite = None


def _is_file(database: str | None) -> bool:
    return bool(database) and database != ":memory:" and not str(database).startswith("file::")
