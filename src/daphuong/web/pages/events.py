"""The events timeline by year and month, with filters."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from daphuong.domain.access import Principal
from daphuong.services.timeline import TimelineService
from daphuong.web.deps import get_principal, get_timeline
from daphuong.web.rendering import render

router = APIRouter(include_in_schema=False)


@router.get("/events")
def events_page(
    request: Request,
    party: int | None = Query(None),
    kind: str | None = Query(None),
    who: Principal = Depends(get_principal),
    timeline: TimelineService = Depends(get_timeline),
) -> Response:
    """Events grouped by year and month; filter by organization/mechanism and kind."""
    kind = kind or None
    data = timeline.timeline(who, party=party, kind=kind)
    return render(request, "events.html", {"t": data, "party": party, "kind": kind})
