"""Alembic environment: migrations run on the engine handed in by store.migrate."""

from __future__ import annotations

from typing import Any

from alembic import context

from daphuong.store.models import Base

config = context.config
engine = config.attributes["engine"]


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    """Leave FTS5 virtual tables and their shadow tables (no ORM model) out of autogenerate."""
    return not (type_ == "table" and reflected and name is not None and "_fts" in name)


with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        include_object=include_object,
    )
    context.run_migrations()
