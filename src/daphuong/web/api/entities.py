"""/api/v1/entities: list, quick-find, one entity's profile, and its relationship graph."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query

from daphuong.domain.access import Principal
from daphuong.services.entity_views import CITATION_LIMIT, MAX_LIMIT
from daphuong.services.graph import GraphService
from daphuong.services.profiles import ProfileService
from daphuong.services.search import SearchService
from daphuong.web.api.schemas import PROBLEMS
from daphuong.web.deps import get_graph, get_principal, get_profiles, get_search

router = APIRouter(prefix="/api/v1/entities", tags=["entities"], responses=PROBLEMS)

PROFILE_EXAMPLE = {
    "id": 7,
    "type": "PERSON",
    "caption": "Lê Hoài Trung",
    "names": [{"prop": "name", "value": "Lê Hoài Trung", "citations": []}],
    "roles": [
        {
            "title": "Thứ trưởng",
            "org": "Bộ Ngoại giao",
            "org_id": 3,
            "first_seen": "2022-04-12",
            "citations": [
                {"document_id": 1, "spans": [[96, 109]], "href": "/documents/1#span-96-109"}
            ],
        }
    ],
    "events": [],
    "people": [],
}


@router.get("", summary="List entities")
def list_entities(
    type: str | None = Query(None, description="PERSON, ORG, LOCATION, LEGAL_DOC or EVENT"),
    limit: int = Query(50, ge=1, le=200),
    who: Principal = Depends(get_principal),
    profiles: ProfileService = Depends(get_profiles),
) -> list[dict[str, Any]]:
    """Entities (id, type, caption) the caller may see."""
    return profiles.views.listing(who, entity_type=type, limit=limit)


@router.get("/find", summary="Quick-find entities by name")
def find_entities(
    q: str = Query(..., min_length=1, examples=["le hoai trung"]),
    type: str | None = Query(None),
    limit: int = Query(10, ge=1, le=50),
    who: Principal = Depends(get_principal),
    search: SearchService = Depends(get_search),
) -> list[dict[str, Any]]:
    """Entities whose names or aliases match as the user types (with or without diacritics)."""
    hits = search.find_entities(q, who=who, limit=limit, entity_type=type)
    return [
        {
            "id": h.entity_id,
            "type": h.entity_type,
            "name": h.name,
            "url": f"/entities/{h.entity_id}",
        }
        for h in hits
    ]


@router.get(
    "/{entity_id}",
    summary="One entity",
    responses={200: {"content": {"application/json": {"example": PROFILE_EXAMPLE}}}},
)
def get_entity(
    entity_id: int,
    limit: int = Query(
        CITATION_LIMIT,
        ge=1,
        le=MAX_LIMIT,
        description="citations per name or role, and events, shown; each list has a *_total",
    ),
    who: Principal = Depends(get_principal),
    profiles: ProfileService = Depends(get_profiles),
) -> dict[str, Any]:
    """Names, roles over time with sources, events, and for organizations their people."""
    return profiles.profile(entity_id, who, limit=limit)


@router.get("/{entity_id}/graph", summary="Relationship graph around an entity")
def entity_graph(
    entity_id: int,
    who: Principal = Depends(get_principal),
    graph: GraphService = Depends(get_graph),
) -> dict[str, object]:
    """Nodes and edges: shared events (co-organized, chaired) and roles."""
    return graph.around(entity_id, who).to_json()
