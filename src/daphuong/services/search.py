"""Search use cases, and the hooks that keep the index in step with documents and entities."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from sqlalchemy.orm import Session

from daphuong.domain.access import Principal
from daphuong.domain.extraction import EntityType, ExtractionResult
from daphuong.domain.search import FILTER_KEYS, EntityHit, SearchFilters, SearchQuery, SearchResult
from daphuong.errors import InvalidInput
from daphuong.pipeline.context import DocContext
from daphuong.services.search_rebuild import BATCH, rebuild
from daphuong.store.engine import Database
from daphuong.store.models import DocumentRow
from daphuong.store.registry.entities import EntityRepository
from daphuong.store.registry.entity_facts import EntityFactsReader
from daphuong.store.search import SearchIndex, make_index
from daphuong.store.search.prepare import facet_entries, prepare_document
from daphuong.text.analyze import name_key
from daphuong.text.query import parse_query

MAX_LIMIT = 100
HIDDEN_HEADROOM = 5  # quick-find over-fetch, so hidden entities rarely crowd out visible ones
MAX_OFFSET = 10_000


def _date(key: str, value: str) -> dt.date:
    try:
        if len(value) == 4 and value.isdigit():
            return dt.date(int(value), 1, 1) if key == "from" else dt.date(int(value), 12, 31)
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(f"filter {key}={value!r}: expected a date like 2024-11-30") from None


def _year(value: str) -> int:
    if not (value.isdigit() and len(value) == 4):
        raise InvalidInput(f"filter year={value!r}: expected a year like 2024")
    return int(value)


def _entity_type(value: str) -> str:
    upper = value.strip().upper()
    if upper not in EntityType.__members__:
        known = ", ".join(t.value for t in EntityType)
        raise InvalidInput(f"filter type={value!r}: expected one of {known}")
    return upper


def parse_filters(pairs: Iterable[str]) -> SearchFilters:
    """Filters from KEY=VALUE strings (repeat a key for OR); clear errors for bad input."""
    values: dict[str, list[str]] = {k: [] for k in FILTER_KEYS}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key, value = key.strip().lower(), value.strip()
        if not sep or key not in values or not value:
            raise InvalidInput(
                f"bad filter {pair!r}: use KEY=VALUE with KEY one of {', '.join(FILTER_KEYS)}"
            )
        values[key].append(value)
    return SearchFilters(
        entities=tuple(name_key(v) for v in values["entity"]),
        entity_types=tuple(_entity_type(v) for v in values["type"]),
        event_kinds=tuple(name_key(v) for v in values["event"]),
        outlets=tuple(name_key(v) for v in values["outlet"]),
        years=tuple(_year(v) for v in values["year"]),
        date_from=_date("from", values["from"][-1]) if values["from"] else None,
        date_to=_date("to", values["to"][-1]) if values["to"] else None,
    )


def visible_entities(session: Session, entity_ids: Sequence[int], who: Principal) -> set[int]:
    """The entities (or their merged members) that are the subject of a statement `who` may
    see (not rejected)."""
    clusters = EntityRepository(session).clusters(entity_ids)
    root_of = {member: root for root, members in clusters.items() for member in members}
    return {root_of[i] for i in EntityFactsReader(session, who).subjects_among(list(root_of))}


class SearchService:
    """Document search with facets and entity quick-find, restricted to what the caller sees."""

    def __init__(self, db: Database, index: SearchIndex | None = None) -> None:
        self.db = db
        self.index = index or make_index(db.dialect)

    def search(
        self,
        text: str,
        *,
        who: Principal,
        filters: SearchFilters | None = None,
        limit: int = 10,
        offset: int = 0,
    ) -> SearchResult:
        """Ranked documents for a query; an empty query with filters browses newest first."""
        parsed = parse_query(text)
        filters = filters or SearchFilters()
        if parsed.is_empty and filters.is_empty:
            raise InvalidInput("empty query: type at least one word (or give a filter)")
        if not 1 <= limit <= MAX_LIMIT or not 0 <= offset <= MAX_OFFSET:
            raise InvalidInput(f"limit must be 1..{MAX_LIMIT} and offset 0..{MAX_OFFSET}")
        query = SearchQuery(parsed, filters, limit=limit, offset=offset)
        with self.db.reader() as session:
            return self.index.search(session, query, who)

    def find_entities(
        self, text: str, *, who: Principal, limit: int = 10, entity_type: str | None = None
    ) -> list[EntityHit]:
        """Quick-find: entities whose names or aliases match, among those `who` may see."""
        parsed = parse_query(text)
        if not 1 <= limit <= MAX_LIMIT:
            raise InvalidInput(f"limit must be 1..{MAX_LIMIT}")
        kind = _entity_type(entity_type) if entity_type else None
        with self.db.reader() as session:
            if who.sees_everything:
                return self.index.find_entities(session, parsed, limit=limit, entity_type=kind)
            # The name index knows no visibility: fetch extra, keep what the caller may see.
            hits = self.index.find_entities(
                session, parsed, limit=limit * HIDDEN_HEADROOM, entity_type=kind
            )
            shown = visible_entities(session, [h.entity_id for h in hits], who)
        return [h for h in hits if h.entity_id in shown][:limit]

    def reindex(self, batch: int = BATCH, workers: int = 0) -> int:
        """Rebuild the text index of every current document, keeping its facet values.

        Documents are prepared by `workers` processes (0: one per CPU; 1: in this one).
        """
        return rebuild(self.db, self.index, workers=workers, batch=batch)


class SearchIndexHook:
    """Keeps the index in step: new versions in, superseded and deleted ones out, entities."""

    def __init__(self, index: SearchIndex) -> None:
        self.index = index

    def on_stored(self, session: Session, row: DocumentRow, ctx: DocContext) -> None:
        """Index a new current version with facets from its extraction."""
        if row.is_current:
            self.index.index_document(session, prepare_document(row, ctx.extraction))

    def on_superseded(self, session: Session, old: DocumentRow) -> None:
        """Drop a version that is no longer current."""
        self.index.remove_documents(session, [old.id])

    def on_deleted(self, session: Session, doc_ids: Sequence[int]) -> None:
        """Drop deleted document versions."""
        self.index.remove_documents(session, doc_ids)

    def on_reextracted(
        self, session: Session, row: DocumentRow, extraction: ExtractionResult
    ) -> None:
        """Replace a document's entity and event facets after the extractor ran again."""
        if row.is_current:
            facets = facet_entries(extraction, row.outlet, row.published)
            self.index.replace_facets(session, row.id, facets)

    def upsert_entity(
        self, session: Session, entity_id: int, entity_type: str, names: list[str]
    ) -> None:
        """Index an entity's names and aliases for quick-find."""
        self.index.upsert_entity(session, entity_id, entity_type, names)

    def delete_entity(self, session: Session, entity_id: int) -> None:
        """Drop an entity from quick-find."""
        self.index.delete_entity(session, entity_id)


def search_hook(db: Database) -> SearchIndexHook:
    """The hook keeping this database's search index in step (registered in default_hooks)."""
    return SearchIndexHook(make_index(db.dialect))
