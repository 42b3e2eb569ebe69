"""WHERE clauses for the caller's filters, on the search_docs table."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import ColumnElement, exists

from daphuong.domain.search import SearchFilters
from daphuong.store.search.tables import DOCS, FACETS


def _facet_in(facet: str, keys: Sequence[str]) -> ColumnElement[bool]:
    # An alias: the facet-count query has search_facets in its FROM list already.
    f = FACETS.alias("ff")
    return exists().where(f.c.doc_id == DOCS.c.doc_id, f.c.facet == facet, f.c.key.in_(keys))


def filter_clauses(filters: SearchFilters) -> list[ColumnElement[bool]]:
    """WHERE clauses on search_docs for the caller's filters (AND across keys, OR within)."""
    out: list[ColumnElement[bool]] = []
    by_facet = {
        "entity": filters.entities,
        "type": filters.entity_types,
        "event": filters.event_kinds,
        "outlet": filters.outlets,
        "year": tuple(str(y) for y in filters.years),
    }
    out.extend(_facet_in(facet, keys) for facet, keys in by_facet.items() if keys)
    if filters.date_from is not None:
        start = dt.datetime.combine(filters.date_from, dt.time(), tzinfo=dt.UTC)
        out.append(DOCS.c.published >= start)
    if filters.date_to is not None:
        end = dt.datetime.combine(filters.date_to + dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC)
        out.append(DOCS.c.published < end)
    return out
