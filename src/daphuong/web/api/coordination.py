"""/api/v1 coordination: activities, plans (roll-up, overdue, iCalendar), seats, aid ledger."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from fastapi import APIRouter, Depends, Query, Request, Response

from daphuong.domain.access import Principal
from daphuong.domain.coordination import Area, PlanNode
from daphuong.domain.extraction import ExtractedEvent, Span
from daphuong.services.activities import ActivityService
from daphuong.services.aid import AidService
from daphuong.services.plans import PlanService
from daphuong.services.seats import SeatService
from daphuong.store.activities import ActivityFilter
from daphuong.store.aid import AidFilter
from daphuong.store.engine import Database
from daphuong.web.api.schemas import PROBLEMS
from daphuong.web.deps import get_principal, get_services

router = APIRouter(prefix="/api/v1", tags=["coordination"], responses=PROBLEMS)


def _db(request: Request) -> Database:
    return get_services(request).db


def _plain(obj: Any) -> Any:
    """A dataclass as JSON-ready data (dates and decimals as strings)."""
    return json.loads(json.dumps(dataclasses.asdict(obj), default=str, ensure_ascii=False))


def _node(node: PlanNode) -> dict[str, Any]:
    return {
        **_plain(node.item),
        "rolled_progress": round(node.rolled_progress, 2),
        "children": [_node(c) for c in node.children],
    }


@router.get("/activities", summary="List activities")
def list_activities(
    request: Request,
    year: int | None = Query(None, examples=[2021]),
    area: Area | None = Query(None),
    kind: str | None = Query(None, examples=["hội nghị"]),
    who: Principal = Depends(get_principal),
) -> dict[str, Any]:
    """Activities the caller may see, newest first."""
    found = ActivityService(_db(request)).list(who, ActivityFilter(year=year, area=area, kind=kind))
    return {"items": [_plain(a) for a in found]}


@router.post("/activities/from-event", summary="Turn an extracted event into an activity")
def activity_from_event(
    request: Request,
    payload: dict[str, Any],
    who: Principal = Depends(get_principal),
) -> dict[str, Any]:
    """Body: {document_id, event: {kind, name, date, organizers, chairs, mentions}, area?}."""
    ev = payload.get("event") or {}
    event = ExtractedEvent(
        kind=str(ev.get("kind", "khác")),
        name=str(ev.get("name", "")),
        date=str(ev.get("date", "")),
        organizers=[str(o) for o in ev.get("organizers", [])],
        chairs=[str(c) for c in ev.get("chairs", [])],
        mentions=[Span(int(a), int(b)) for a, b in ev.get("mentions", [])],
    )
    area = Area(payload["area"]) if payload.get("area") else None
    act = ActivityService(_db(request)).from_extracted_event(
        who, int(payload.get("document_id", 0)), event, area=area
    )
    result: dict[str, Any] = _plain(act)
    return result


@router.get("/plans", summary="Plan trees with rolled-up progress")
def plan_trees(request: Request, who: Principal = Depends(get_principal)) -> dict[str, Any]:
    """Every visible plan tree; a parent's progress is rolled up from its visible children."""
    return {"items": [_node(n) for n in PlanService(_db(request)).roots(who)]}


@router.get("/plans/overdue", summary="Open plan items past their deadline")
def plans_overdue(request: Request, who: Principal = Depends(get_principal)) -> dict[str, Any]:
    """Overdue items, oldest deadline first."""
    return {"items": [_plain(i) for i in PlanService(_db(request)).overdue(who)]}


@router.get("/plans/deadlines.ics", summary="iCalendar feed of deadlines")
def plans_ical(request: Request, who: Principal = Depends(get_principal)) -> Response:
    """RFC 5545 text; subscribe with an API token in calendar clients that send headers."""
    text = PlanService(_db(request)).ical(who)
    return Response(text.encode("utf-8"), media_type="text/calendar; charset=utf-8")


@router.get("/seats", summary="Seats in multilateral bodies")
def list_seats(
    request: Request,
    year: int | None = Query(None, examples=[2020]),
    who: Principal = Depends(get_principal),
) -> dict[str, Any]:
    """Memberships, chairmanships, elected seats and candidacies."""
    return {"items": [_plain(s) for s in SeatService(_db(request)).list(who, year=year)]}


@router.get("/aid/summary", summary="Aid totals per year")
def aid_summary(
    request: Request,
    year_from: int = Query(..., alias="from", examples=[2020]),
    year_to: int = Query(..., alias="to", examples=[2021]),
    who: Principal = Depends(get_principal),
) -> dict[str, Any]:
    """Disbursed, committed and pledged apart (pledges never summed), beside published figures."""
    summaries = AidService(_db(request)).year_summaries(who, year_from, year_to)
    return {"items": [_plain(s) for s in summaries]}


@router.get("/aid/ledger.csv", summary="The aid ledger as CSV")
def aid_csv(request: Request, who: Principal = Depends(get_principal)) -> Response:
    """Every visible transaction, one row each."""
    text = AidService(_db(request)).export_csv(who)
    return Response(text, media_type="text/csv; charset=utf-8")


@router.get("/aid/iati.xml", summary="The aid ledger as IATI 2.03 activity XML")
def aid_iati(
    request: Request,
    year_from: int | None = Query(None, alias="from"),
    year_to: int | None = Query(None, alias="to"),
    who: Principal = Depends(get_principal),
) -> Response:
    """Visible transactions grouped into IATI activities."""
    xml = AidService(_db(request)).export_iati(who, AidFilter(year_from=year_from, year_to=year_to))
    return Response(xml, media_type="application/xml")
