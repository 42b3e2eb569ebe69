"""Run Alembic migrations programmatically (the scripts ship inside the package)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, inspect

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def alembic_config(engine: Engine) -> Config:
    """An Alembic config bound to this engine's connection."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    return cfg


def upgrade(engine: Engine, revision: str = "heads") -> None:
    """Bring the schema up to `revision` (all branch heads by default)."""
    command.upgrade(alembic_config(engine), revision)


def downgrade(engine: Engine, revision: str) -> None:
    """Take the schema down to `revision` ('base' drops everything)."""
    command.downgrade(alembic_config(engine), revision)


def current_tables(engine: Engine) -> set[str]:
    """Names of the tables present in the database."""
    return set(inspect(engine).get_table_names())
