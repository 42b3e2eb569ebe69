"""The search page: results with highlighted snippets, facets, and entity quick-find."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from daphuong.domain.access import Principal
from daphuong.services.search import SearchService, parse_filters
from daphuong.web.deps import get_principal, get_search
from daphuong.web.page_cache import cached_page

router = APIRouter(include_in_schema=False)


@router.get("/search")
def search_page(
    request: Request,
    q: str = Query(""),
    filter: list[str] = Query([]),
    offset: int = Query(0, ge=0),
    who: Principal = Depends(get_principal),
    search: SearchService = Depends(get_search),
) -> Response:
    """Documents matching the query and filters; entities whose names match."""

    def context() -> dict[str, object]:
        out: dict[str, object] = {"q": q, "filters": filter, "result": None, "entities": []}
        if q.strip() or filter:
            filters = parse_filters(filter)
            out["result"] = search.search(q, who=who, filters=filters, limit=20, offset=offset)
            out["offset"] = offset
        if q.strip():
            out["entities"] = search.find_entities(q, who=who, limit=8)
        return out

    return cached_page(request, who, "search.html", context)
