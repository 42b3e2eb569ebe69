"""Wire the application: database, pipeline, hooks and services from settings."""

from __future__ import annotations

from dataclasses import dataclass, field

from daphuong.pipeline.runner import Pipeline, build_pipeline
from daphuong.services.hooks import DocumentHook
from daphuong.services.ingestion import IngestionService
from daphuong.services.registry import RegistryHook
from daphuong.services.search import search_hook
from daphuong.settings import Settings
from daphuong.store.engine import Database
from daphuong.store.migrate import upgrade
from daphuong.store.search import make_index


@dataclass
class Services:
    """Everything an interface (CLI, web) needs, built once per process."""

    settings: Settings
    db: Database
    pipeline: Pipeline
    hooks: list[DocumentHook] = field(default_factory=list)

    @property
    def ingestion(self) -> IngestionService:
        """The ingestion use case."""
        return IngestionService(
            self.db, self.pipeline, self.hooks, max_file_bytes=self.settings.max_file_bytes
        )


def default_hooks(db: Database) -> list[DocumentHook]:
    """Hooks that keep derived data (statements, search index) in step with documents."""
    search = search_hook(db)
    return [RegistryHook(index_hooks=[search]), search]  # registry first: search sees entities


def build_services(settings: Settings, *, migrate: bool = True) -> Services:
    """Open the database (migrating it to head) and assemble the services."""
    db = Database(settings.resolved_database_url())
    if migrate:
        upgrade(db.engine)
        make_index(db.dialect).repair(db)  # e.g. a GIN index a killed `db reindex` dropped
    return Services(settings, db, build_pipeline(settings.pipeline), default_hooks(db))
