"""Activity pages: the filtered list, one activity, the create/edit form, and from-event."""

from __future__ import annotations

import dataclasses
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from daphuong.domain.access import Principal
from daphuong.domain.coordination import Activity, Area, Participant
from daphuong.domain.extraction import EVENT_KINDS, ExtractedEvent, Span
from daphuong.errors import InvalidInput, NotFound
from daphuong.services.activities import ActivityService
from daphuong.services.timeline import EventFacts, TimelineService
from daphuong.store.activities import ActivityFilter
from daphuong.web.csrf import verify_csrf
from daphuong.web.deps import get_principal
from daphuong.web.pages import coordination_forms as forms

router = APIRouter(include_in_schema=False)
AREAS = list(Area)


class ActivityForm(BaseModel):
    """The fields of the activity form, as the browser sends them."""

    kind: str = ""
    title: str = ""
    start_date: str = ""
    end_date: str = ""
    place: str = ""
    area: str = ""
    organizer_org_id: str = ""
    partner_org_ids: list[int] = Field(default_factory=list)
    organizer_names: str = ""
    mechanism: str = ""
    topics: str = ""
    participants: str = ""
    outcome: str = ""
    document_ids: str = ""
    visibility: str = "internal"
    owner_org_id: str = ""
    csrf_token: str = ""


class FromEventForm(BaseModel):
    """The one-click button beside an event found in a document."""

    document_id: int
    event_id: int
    anchor: str = ""
    csrf_token: str = ""


def participants_from(text: str) -> list[Participant]:
    """One participant a line: 'name | role | organization' (role and organization optional)."""
    out = []
    for line in forms.lines(text):
        name, role, org = [*(p.strip() for p in line.split("|")), "", ""][:3]
        out.append(Participant(name=name, role=role or "tham dự", org_name=org))
    return out


def activity_from_form(form: ActivityForm, activity_id: int = 0) -> Activity:
    """An Activity from the submitted fields (the service validates the rules)."""
    return Activity(
        id=activity_id,
        kind=form.kind,
        title=form.title.strip(),
        start_date=forms.optional_date(form.start_date, "start_date"),
        end_date=forms.optional_date(form.end_date, "end_date"),
        place=form.place.strip(),
        area=Area(form.area) if form.area else None,
        organizer_org_id=forms.optional_int(form.organizer_org_id, "organizer_org_id"),
        partner_org_ids=form.partner_org_ids,
        organizer_names=forms.lines(form.organizer_names),
        mechanism=form.mechanism.strip(),
        topics=[t.strip() for t in form.topics.split(",") if t.strip()],
        participants=participants_from(form.participants),
        outcome=form.outcome.strip(),
        document_ids=forms.int_list(form.document_ids, "document_ids"),
        visibility=forms.visibility(form.visibility),
        owner_org_id=forms.optional_int(form.owner_org_id, "owner_org_id"),
    )


def _form_page(request: Request, who: Principal, activity: Activity | None) -> Response:
    context = {
        "activity": activity,
        "kinds": EVENT_KINDS,
        "areas": AREAS,
        "orgs": forms.organizations(request),
        "visibilities": forms.VISIBILITIES,
        "is_admin": who.sees_everything,
    }
    return forms.page(request, "coordination/activity_form.html", context)


@router.get("/activities")
def activities_page(
    request: Request,
    year: str = Query(""),
    area: str = Query(""),
    kind: str = Query(""),
    who: Principal = Depends(get_principal),
) -> Response:
    """Activities the caller may see, filtered by year, area and kind."""
    if area and area not in {a.value for a in Area}:
        raise InvalidInput(f"unknown area {area!r}")
    flt = ActivityFilter(
        year=forms.optional_int(year, "year"), area=Area(area) if area else None, kind=kind or None
    )
    found = ActivityService(forms.database(request)).list(who, flt)
    context = {
        "activities": found,
        "filters": {"year": year, "area": area, "kind": kind},
        "kinds": EVENT_KINDS,
        "areas": AREAS,
        "org_names": {o.id: o.name for o in forms.organizations(request)},
        "can_write": forms.may_write(who),
    }
    return forms.page(request, "coordination/activities.html", context)


@router.get("/activities/new")
def new_activity_page(request: Request, who: Principal = Depends(get_principal)) -> Response:
    """An empty activity form (editors, coordinators and admins)."""
    if not forms.may_write(who):
        raise NotFound("no such page for this account")
    return _form_page(request, who, None)


@router.post("/activities")
def create_activity(
    request: Request,
    form: Annotated[ActivityForm, Form()],
    who: Principal = Depends(get_principal),
) -> Response:
    """Record a new activity, then show it."""
    verify_csrf(request, form.csrf_token)
    saved = ActivityService(forms.database(request)).create(who, activity_from_form(form))
    return forms.see_other(f"/activities/{saved.id}")


def event_from_facts(facts: EventFacts, anchor: str) -> ExtractedEvent:
    """The extracted event as the registry keeps it, with the mention the button sat beside."""
    start, _, end = anchor.removeprefix("span-").partition("-")
    mentions = [Span(int(start), int(end))] if start.isdigit() and end.isdigit() else []
    return ExtractedEvent(
        kind=facts.kinds[0] if facts.kinds else "khác",
        name=facts.name,
        date=facts.date,
        organizers=[name for _, name in facts.organizers],
        chairs=[name for _, name in facts.chairs],
        mentions=mentions,
    )


@router.post("/activities/from-event")
def activity_from_event(
    request: Request,
    form: Annotated[FromEventForm, Form()],
    who: Principal = Depends(get_principal),
) -> Response:
    """Turn an event of a document into an activity (Tạo hoạt động), then open it."""
    verify_csrf(request, form.csrf_token)
    db = forms.database(request)
    found = [e for e in TimelineService(db).events(who) if e.id == form.event_id]
    if not found or form.document_id not in {doc for doc, _ in found[0].sources}:
        raise NotFound(f"no event {form.event_id} in document {form.document_id}")
    event = event_from_facts(found[0], form.anchor)
    saved = ActivityService(db).from_extracted_event(who, form.document_id, event)
    return forms.see_other(f"/activities/{saved.id}")


@router.get("/activities/{activity_id}")
def activity_page(
    request: Request, activity_id: int, who: Principal = Depends(get_principal)
) -> Response:
    """One activity with its organizers, participants and linked documents."""
    activity = ActivityService(forms.database(request)).get(who, activity_id)
    context = {
        "a": activity,
        "org_names": {o.id: o.name for o in forms.organizations(request)},
        "can_write": forms.may_write(who),
    }
    return forms.page(request, "coordination/activity.html", context)


@router.get("/activities/{activity_id}/edit")
def edit_activity_page(
    request: Request, activity_id: int, who: Principal = Depends(get_principal)
) -> Response:
    """The activity form filled in (the save is checked against write rights)."""
    activity = ActivityService(forms.database(request)).get(who, activity_id)
    if not forms.may_write(who):
        raise NotFound("no such page for this account")
    return _form_page(request, who, activity)


@router.post("/activities/{activity_id}")
def update_activity(
    request: Request,
    activity_id: int,
    form: Annotated[ActivityForm, Form()],
    who: Principal = Depends(get_principal),
) -> Response:
    """Save the edited activity; links the form does not show are kept."""
    verify_csrf(request, form.csrf_token)
    service = ActivityService(forms.database(request))
    before = service.get(who, activity_id)
    edited = activity_from_form(form, activity_id)
    if edited.owner_org_id is None:
        edited = dataclasses.replace(edited, owner_org_id=before.owner_org_id)
    edited = dataclasses.replace(edited, source_document_id=before.source_document_id)
    service.update(who, edited)
    return forms.see_other(f"/activities/{activity_id}")
