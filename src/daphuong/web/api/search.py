"""/api/v1/search: ranked documents with facets and highlighted snippets."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query

from daphuong.domain.access import Principal
from daphuong.domain.search import SearchResult
from daphuong.services.search import SearchService, parse_filters
from daphuong.web.api.schemas import PROBLEMS
from daphuong.web.deps import get_principal, get_search

router = APIRouter(prefix="/api/v1/search", tags=["search"], responses=PROBLEMS)


def result_json(result: SearchResult) -> dict[str, Any]:
    """The JSON form of a page of search results."""
    return {
        "total": result.total,
        "total_estimated": result.total_estimated,
        "facets_estimated": result.facets_estimated,
        "hits": [
            {
                "id": h.doc_id,
                "key": h.key,
                "title": h.title,
                "score": round(h.score, 4),
                "outlet": h.outlet,
                "published": h.published.isoformat() if h.published else None,
                "snippet": h.snippet.text,
                "snippet_html": h.snippet.to_html(),
                "url": f"/documents/{h.doc_id}",
            }
            for h in result.hits
        ],
        "facets": {
            name: [{"key": v.key, "label": v.label, "count": v.count} for v in values]
            for name, values in result.facets.items()
        },
    }


@router.get("", summary="Search documents")
def search_documents(
    q: str = Query("", examples=["hội nghị ngoại giao"]),
    filter: list[str] = Query(
        [], description="KEY=VALUE, repeatable: entity, type, event, outlet, year, from, to"
    ),
    limit: int = Query(10, ge=1, le=100),
    offset: int = Query(0, ge=0),
    who: Principal = Depends(get_principal),
    search: SearchService = Depends(get_search),
) -> dict[str, Any]:
    """Vietnamese-aware search (with or without diacritics), facets over all matches."""
    result = search.search(q, who=who, filters=parse_filters(filter), limit=limit, offset=offset)
    return result_json(result)
