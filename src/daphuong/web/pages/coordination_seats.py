"""Seat pages: seats by status with their lifecycle buttons, and the form for a new seat."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response
from pydantic import BaseModel

from daphuong.domain.access import Principal
from daphuong.domain.coordination import SEAT_TRANSITIONS, Seat, SeatKind, SeatStatus
from daphuong.services.seats import SeatService
from daphuong.web.csrf import verify_csrf
from daphuong.web.deps import get_principal
from daphuong.web.pages import coordination_forms as forms

router = APIRouter(include_in_schema=False)


class SeatForm(BaseModel):
    """The fields of a new seat."""

    body: str = ""
    kind: SeatKind = SeatKind.MEMBERSHIP
    status: SeatStatus = SeatStatus.INTENDED
    position: str = ""
    term_start: str = ""
    term_end: str = ""
    holder_org_id: str = ""
    obligations: str = ""
    visibility: str = "public"
    owner_org_id: str = ""
    csrf_token: str = ""


class TransitionForm(BaseModel):
    """A lifecycle button: the status to move to and, optionally, when."""

    status: SeatStatus
    on: str = ""
    csrf_token: str = ""


def by_status(seats: list[Seat]) -> list[tuple[SeatStatus, list[Seat]]]:
    """Seats grouped in lifecycle order, empty groups left out."""
    return [
        (s, [x for x in seats if x.status is s])
        for s in SeatStatus
        if any(x.status is s for x in seats)
    ]


@router.get("/seats")
def seats_page(request: Request, who: Principal = Depends(get_principal)) -> Response:
    """Seats the caller may see, by status, with the moves each may make next."""
    seats = SeatService(forms.database(request)).list(who)
    orgs = forms.organizations(request)
    context = {
        "groups": by_status(seats),
        "moves": {s: sorted(SEAT_TRANSITIONS[s], key=list(SeatStatus).index) for s in SeatStatus},
        "kinds": list(SeatKind),
        "statuses": list(SeatStatus),
        "orgs": orgs,
        "org_names": {o.id: o.name for o in orgs},
        "visibilities": forms.VISIBILITIES,
        "can_write": forms.may_write(who),
        "is_admin": who.sees_everything,
    }
    return forms.page(request, "coordination/seats.html", context)


@router.post("/seats")
def create_seat(
    request: Request, form: Annotated[SeatForm, Form()], who: Principal = Depends(get_principal)
) -> Response:
    """Record a seat at the status it stands at."""
    verify_csrf(request, form.csrf_token)
    seat = Seat(
        id=0,
        body=form.body.strip(),
        kind=form.kind,
        status=form.status,
        position=form.position.strip(),
        term_start=forms.optional_date(form.term_start, "term_start"),
        term_end=forms.optional_date(form.term_end, "term_end"),
        holder_org_id=forms.optional_int(form.holder_org_id, "holder_org_id"),
        obligations=form.obligations.strip(),
        visibility=forms.visibility(form.visibility),
        owner_org_id=forms.optional_int(form.owner_org_id, "owner_org_id"),
    )
    saved = SeatService(forms.database(request)).add(who, seat)
    return forms.see_other(f"/seats#seat-{saved.id}")


@router.post("/seats/{seat_id}/status")
def move_seat(
    request: Request,
    seat_id: int,
    form: Annotated[TransitionForm, Form()],
    who: Principal = Depends(get_principal),
) -> Response:
    """Move a seat along its lifecycle (other moves are refused with 409)."""
    verify_csrf(request, form.csrf_token)
    on = forms.optional_date(form.on, "on")
    SeatService(forms.database(request)).advance(who, seat_id, form.status, on=on)
    return forms.see_other(f"/seats#seat-{seat_id}")
