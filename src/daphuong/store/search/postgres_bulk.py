"""PostgreSQL full rebuilds: the text index's GIN index dropped while rows go in, built after.

Inserting a vector into a GIN index adds one entry per distinct lexeme (hundreds a
document) to the pending list, which every few hundred documents is merged into the tree;
building the index once over all rows sorts the same entries in memory instead. Only for a
full rebuild: while the index is gone, a search scans every vector.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, inspect, text

from daphuong.store.engine import Database

TEXT_INDEX = "ix_search_docs_vector"  # as created by the 0003_search migration
# Memory for building the GIN index: entries sorted in memory, fewer merges on disk.
BUILD_MEMORY = "256MB"


def drop_text_index(conn: Connection) -> None:
    """Drop the vector GIN index (waits for searches in progress: it locks the table)."""
    conn.execute(text(f"DROP INDEX IF EXISTS {TEXT_INDEX}"))


def create_text_index(conn: Connection) -> None:
    """Build the vector GIN index over every row, then refresh the planner's statistics."""
    conn.execute(text(f"SET maintenance_work_mem = '{BUILD_MEMORY}'"))
    conn.execute(text(f"CREATE INDEX IF NOT EXISTS {TEXT_INDEX} ON search_docs USING gin (vector)"))
    conn.execute(text("RESET maintenance_work_mem"))
    conn.execute(text("ANALYZE search_docs"))


def restore_text_index(db: Database) -> bool:
    """Build the GIN index if it is missing (a full rebuild killed before its end); True if built.

    Run at start-up: until then every search scans every vector. A rebuild running in
    another process meanwhile only gets slower (its own rebuild of the index is IF NOT EXISTS).
    """
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        present = conn.execute(
            text("SELECT count(*) FROM pg_indexes WHERE indexname = :n"), {"n": TEXT_INDEX}
        ).scalar()
        if present or "search_docs" not in inspect(conn).get_table_names():
            return False
        create_text_index(conn)
        return True


@contextmanager
def without_text_index(db: Database) -> Iterator[None]:
    """Drop the GIN index for the duration; build it again even when the rebuild fails."""
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        drop_text_index(conn)
    try:
        yield
    finally:
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            create_text_index(conn)
