"""Database: retrying a unit of work that PostgreSQL aborted as a deadlock victim."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy.exc import DBAPIError

from daphuong.store.engine import Database, retried


class _Orig(Exception):
    """A driver error carrying a SQLSTATE, as psycopg's do."""

    def __init__(self, sqlstate: str) -> None:
        super().__init__(sqlstate)
        self.sqlstate = sqlstate


def _failing(states: list[str]) -> tuple[list[int], Callable[[], str]]:
    calls: list[int] = []

    def work() -> str:
        calls.append(1)
        if states:
            raise DBAPIError("INSERT", {}, _Orig(states.pop(0)))
        return "done"

    return calls, work


def test_retrying_reruns_work_after_a_deadlock(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'r.db'}")
    calls, work = _failing(["40P01", "40001"])
    assert db.retrying(work) == "done"
    assert len(calls) == 3


def test_retrying_raises_other_errors_at_once_and_gives_up_after_four(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'r.db'}")
    calls, work = _failing(["23505"])
    with pytest.raises(DBAPIError):
        db.retrying(work)
    assert len(calls) == 1
    calls, work = _failing(["40P01"] * 5)
    with pytest.raises(DBAPIError):
        db.retrying(work)
    assert len(calls) == 4


class _Service:
    """A service shape: a `db` attribute and methods that open their own transactions."""

    def __init__(self, db: Database, states: list[str]) -> None:
        self.db = db
        self.calls, self._work = _failing(states)

    @retried
    def act(self, suffix: str) -> str:
        return self._work() + suffix


def test_retried_method_reruns_through_its_services_database(tmp_path: Path) -> None:
    service = _Service(Database(f"sqlite:///{tmp_path / 'r.db'}"), ["40P01"])
    assert service.act("!") == "done!"
    assert len(service.calls) == 2
    assert _Service.act.__doc__ is None and _Service.act.__name__ == "act"


def test_a_sqlite_file_engine_keeps_its_connections_under_concurrent_readers(
    tmp_path: Path,
) -> None:
    import threading

    from sqlalchemy import event, text

    db = Database(f"sqlite:///{tmp_path / 'pool.db'}")
    opened: list[int] = []
    event.listen(db.engine, "connect", lambda *_a: opened.append(1))
    barrier = threading.Barrier(20)

    def read() -> None:
        with db.reader() as session:
            session.execute(text("SELECT 1"))  # checks a connection out for the session
            barrier.wait(timeout=10)  # all twenty hold one at once

    for _round in range(2):
        threads = [threading.Thread(target=read) for _ in range(20)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert len(opened) == 20  # the second round reused every one of them
    db.dispose()
