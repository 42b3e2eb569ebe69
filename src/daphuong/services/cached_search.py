"""Search and quick-find through the read cache: a repeated query costs a dictionary lookup."""

from __future__ import annotations

from daphuong.domain.access import Principal
from daphuong.domain.search import EntityHit, SearchFilters, SearchResult
from daphuong.services.read_cache import ReadCache
from daphuong.services.search import SearchService
from daphuong.store.engine import Database


class CachedSearchService(SearchService):
    """SearchService whose reads are kept per visibility scope until the next committed write."""

    def __init__(self, db: Database, cache: ReadCache) -> None:
        super().__init__(db)
        self.cache = cache

    def search(
        self,
        text: str,
        *,
        who: Principal,
        filters: SearchFilters | None = None,
        limit: int = 10,
        offset: int = 0,
    ) -> SearchResult:
        """SearchService.search, shared with later callers of the same scope: do not change it."""
        key = ("search", text, filters or SearchFilters(), limit, offset)
        return self.cache.get(
            key,
            who,
            lambda: super(CachedSearchService, self).search(
                text, who=who, filters=filters, limit=limit, offset=offset
            ),
        )

    def find_entities(
        self, text: str, *, who: Principal, limit: int = 10, entity_type: str | None = None
    ) -> list[EntityHit]:
        """SearchService.find_entities, shared like search()."""
        key = ("find_entities", text, limit, entity_type)
        return self.cache.get(
            key,
            who,
            lambda: super(CachedSearchService, self).find_entities(
                text, who=who, limit=limit, entity_type=entity_type
            ),
        )
