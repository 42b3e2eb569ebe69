"""SQLite search reads through the driver connection: row lookups and document counts."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

# SQLite's default page cache is 2 MB: the window's 1,000 content rows alone are 3-4 MB, so
# every row lookup went to the operating system (a read call per page).
CACHE_KIB = 65536
# Pages read through a memory map instead of a read call and a copy each: 2-8 % less CPU per
# search at 20k-100k documents (A/B in one process); at a million documents the window's
# rows are random reads across a 14 GB file. SQLite caps it at its build's limit (2 GB).
MMAP_BYTES = 1 << 31
# The oldest and newest sort keys (each subquery one index seek).
KEY_SPAN = "SELECT (SELECT min(sort_key) FROM search_docs), (SELECT max(sort_key) FROM search_docs)"


def read(session: Session, sql: str, params: Mapping[str, object]) -> list[Any]:
    """Rows of a read through the driver connection of the session's transaction.

    The search path's statements are fixed strings: sqlite3 keeps them prepared (statement
    cache), and SQLAlchemy's statement handling and row processing cost more than the reads
    (about 0.1 ms a statement and a Python call per row).
    """
    driver = session.connection().connection.driver_connection
    if not isinstance(driver, sqlite3.Connection):
        raise TypeError(f"expected a sqlite3 connection, got {type(driver).__name__}")
    return driver.execute(sql, params).fetchall()


def range_count(session: Session, low: int | None, high: int | None) -> int:
    """Indexed documents with low <= sort key < high (None: unbounded), entry by entry."""
    sql, params = "SELECT count(*) FROM search_docs WHERE 1", dict[str, object]()
    if low is not None:
        sql, params["lo"] = sql + " AND sort_key >= :lo", low
    if high is not None:
        sql, params["hi"] = sql + " AND sort_key < :hi", high
    return int(read(session, sql, params)[0][0])


def doc_count(session: Session, low: int | None, high: int | None) -> int:
    """Indexed documents with low <= sort key < high (None: unbounded), the cheaper way.

    A bare count(*) reads the B-tree's page counts, not its entries (0.005 against 2.4 ms at
    20,000 documents); a lower bound alone is counted from whichever end is nearer.
    """
    if high is not None:
        return range_count(session, low, high)
    everything = int(read(session, "SELECT count(*) FROM search_docs", {})[0][0])
    if low is None:
        return everything
    first, last = read(session, KEY_SPAN, {})[0]
    if first is None or low <= first:
        return everything
    if (low - first) * 2 < last - first:  # most documents are newer: count the older ones
        return everything - range_count(session, None, low)
    return range_count(session, low, None)


def tune(session: Session) -> None:
    """A larger page cache and a memory map, set once per pooled connection."""
    conn = session.connection()
    info = conn.connection.info
    if info.get("search_cache_kib") != CACHE_KIB:
        conn.exec_driver_sql(f"PRAGMA cache_size = -{CACHE_KIB}")
        conn.exec_driver_sql(f"PRAGMA mmap_size = {MMAP_BYTES}")
        info["search_cache_kib"] = CACHE_KIB
