"""The search tables as Core Table objects (the backends write SQL against them)."""

from __future__ import annotations

from sqlalchemy import Table

from daphuong.store.models.search import (
    SearchDocRow,
    SearchEntityRow,
    SearchFacetRow,
    SearchFacetValueRow,
)

DOCS: Table = SearchDocRow.__table__  # type: ignore[assignment]  # declarative tables are Tables
FACETS: Table = SearchFacetRow.__table__  # type: ignore[assignment]
VALUES: Table = SearchFacetValueRow.__table__  # type: ignore[assignment]
ENTITIES: Table = SearchEntityRow.__table__  # type: ignore[assignment]
