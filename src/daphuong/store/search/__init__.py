"""Full-text search backends behind one SearchIndex interface; the factory picks by dialect."""

from __future__ import annotations

from daphuong.errors import ConfigError
from daphuong.store.search.interface import SearchIndex


def make_index(dialect: str) -> SearchIndex:
    """The search backend for a database dialect ('sqlite' or 'postgresql')."""
    if dialect == "sqlite":
        from daphuong.store.search.sqlite_fts import SqliteSearchIndex

        return SqliteSearchIndex()
    if dialect == "postgresql":
        from daphuong.store.search.postgres import PostgresSearchIndex

        return PostgresSearchIndex()
    raise ConfigError(f"no search backend for database dialect {dialect!r}")


__all__ = ["SearchIndex", "make_index"]
