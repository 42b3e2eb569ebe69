"""Entity pages: profile with roles on a timeline and sources, and the relationship graph."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from daphuong.domain.access import Principal
from daphuong.services.entity_views import CITATION_LIMIT, MAX_LIMIT
from daphuong.services.graph import GraphService
from daphuong.services.profiles import ProfileService
from daphuong.web.deps import get_graph, get_principal, get_profiles
from daphuong.web.page_cache import cached_page
from daphuong.web.rendering import render
from daphuong.web.reviewing import may_review

router = APIRouter(include_in_schema=False)


@router.get("/entities/{entity_id}")
def entity_page(
    request: Request,
    entity_id: int,
    limit: int = Query(CITATION_LIMIT, ge=1, le=MAX_LIMIT),
    who: Principal = Depends(get_principal),
    profiles: ProfileService = Depends(get_profiles),
) -> Response:
    """A person's roles over time, an organization's people and events, each with sources.

    Long lists show `limit` items with their total and a link to all of them (up to MAX_LIMIT).
    """
    return cached_page(
        request,
        who,
        "entity.html",
        lambda: {
            # The page shows no quoted text: reading each cited document for it is skipped.
            "e": profiles.profile(entity_id, who, limit=limit, quotes=False),
            "can_review": may_review(who),
            "all_limit": MAX_LIMIT,
        },
    )


@router.get("/entities/{entity_id}/graph")
def graph_page(
    request: Request,
    entity_id: int,
    who: Principal = Depends(get_principal),
    graph: GraphService = Depends(get_graph),
) -> Response:
    """The interactive graph (data from the JSON endpoint) and the same links as a list."""
    return render(request, "graph.html", {"g": graph.around(entity_id, who)})
