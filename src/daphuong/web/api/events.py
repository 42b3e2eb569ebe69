"""/api/v1/events: events with kind, date, organizers and chairs, filterable."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query

from daphuong.domain.access import Principal
from daphuong.services.timeline import EventFacts, TimelineService
from daphuong.web.api.schemas import PROBLEMS
from daphuong.web.deps import get_principal, get_timeline

router = APIRouter(prefix="/api/v1/events", tags=["events"], responses=PROBLEMS)


def event_json(e: EventFacts) -> dict[str, Any]:
    """The JSON form of an event."""
    return {
        "id": e.id,
        "name": e.name,
        "kinds": e.kinds,
        "date": e.date,
        "organizers": [{"id": i, "name": n} for i, n in e.organizers],
        "chairs": [{"id": i, "name": n} for i, n in e.chairs],
        "sources": [f"/documents/{d}#{a}" for d, a in e.sources],
    }


@router.get("", summary="List events")
def list_events(
    party: int | None = Query(None, description="An organization, mechanism or person id"),
    kind: str | None = Query(None, examples=["hội nghị"]),
    limit: int = Query(50, ge=1, le=200),
    offset: int = Query(0, ge=0),
    who: Principal = Depends(get_principal),
    timeline: TimelineService = Depends(get_timeline),
) -> dict[str, Any]:
    """Events newest first, optionally only those a party organized or chaired, or of one kind."""
    found = timeline.events(who, party=party, kind=kind)
    items = [event_json(e) for e in found[offset : offset + limit]]
    return {"items": items, "total": len(found), "limit": limit, "offset": offset}
