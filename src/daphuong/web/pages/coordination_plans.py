"""Plan pages: the tree with rolled-up progress, overdue items, one item with its indicators."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from daphuong.domain.access import Principal
from daphuong.domain.coordination import (
    Area,
    Indicator,
    IndicatorValue,
    PlanItem,
    PlanLevel,
    PlanStatus,
)
from daphuong.errors import InvalidInput, NotFound
from daphuong.services.plans import PlanService
from daphuong.web.csrf import verify_csrf
from daphuong.web.deps import get_principal
from daphuong.web.pages import coordination_forms as forms

router = APIRouter(include_in_schema=False)
ICAL_FEED = "/api/v1/plans/deadlines.ics"


class PlanItemForm(BaseModel):
    """The fields of a new plan item (task, annual plan, programme…)."""

    level: PlanLevel = PlanLevel.TASK
    title: str = ""
    parent_id: str = ""
    reference: str = ""
    area: str = ""
    year: str = ""
    lead_org_id: str = ""
    supporting_org_ids: list[int] = Field(default_factory=list)
    deadline: str = ""
    weight: str = "1"
    visibility: str = "internal"
    owner_org_id: str = ""
    csrf_token: str = ""


class ProgressForm(BaseModel):
    """A progress report: percentage and, optionally, a new status."""

    progress: str = ""
    status: str = ""
    csrf_token: str = ""


class IndicatorForm(BaseModel):
    """A new indicator with its baseline and target."""

    name: str = ""
    unit: str = ""
    baseline: str = ""
    target: str = ""
    csrf_token: str = ""


class ValueForm(BaseModel):
    """The actual value of an indicator for one period."""

    item_id: int
    period: str = ""
    actual: str = ""
    note: str = ""
    csrf_token: str = ""


def item_from_form(form: PlanItemForm) -> PlanItem:
    """A PlanItem from the submitted fields (the service checks levels and rights)."""
    return PlanItem(
        id=0,
        level=form.level,
        title=form.title.strip(),
        parent_id=forms.optional_int(form.parent_id, "parent_id"),
        reference=form.reference.strip(),
        area=Area(form.area) if form.area else None,
        year=forms.optional_int(form.year, "year"),
        lead_org_id=forms.optional_int(form.lead_org_id, "lead_org_id"),
        supporting_org_ids=form.supporting_org_ids,
        deadline=forms.optional_date(form.deadline, "deadline"),
        weight=forms.optional_float(form.weight, "weight") or 1.0,
        visibility=forms.visibility(form.visibility),
        owner_org_id=forms.optional_int(form.owner_org_id, "owner_org_id"),
    )


@router.get("/plans")
def plans_page(request: Request, who: Principal = Depends(get_principal)) -> Response:
    """Every visible plan tree with rolled-up progress, and what is overdue."""
    service = PlanService(forms.database(request))
    context = {
        "roots": service.roots(who),
        "overdue": service.overdue(who),
        "ical": ICAL_FEED,
        "org_names": {o.id: o.name for o in forms.organizations(request)},
        "can_write": forms.may_write(who),
    }
    return forms.page(request, "coordination/plans.html", context)


@router.get("/plans/new")
def new_item_page(
    request: Request, parent: str = Query(""), who: Principal = Depends(get_principal)
) -> Response:
    """The form for a plan item, under `parent` when given."""
    if not forms.may_write(who):
        raise NotFound("no such page for this account")
    parent_id = forms.optional_int(parent, "parent")
    parent_item = (
        None if parent_id is None else PlanService(forms.database(request)).get(who, parent_id)
    )
    context = {
        "parent": parent_item,
        "levels": list(PlanLevel),
        "areas": list(Area),
        "orgs": forms.organizations(request),
        "visibilities": forms.VISIBILITIES,
        "is_admin": who.sees_everything,
    }
    return forms.page(request, "coordination/plan_form.html", context)


@router.post("/plans")
def create_item(
    request: Request, form: Annotated[PlanItemForm, Form()], who: Principal = Depends(get_principal)
) -> Response:
    """Add the item, then show it."""
    verify_csrf(request, form.csrf_token)
    saved = PlanService(forms.database(request)).add(who, item_from_form(form))
    return forms.see_other(f"/plans/{saved.id}")


@router.get("/plans/{item_id}")
def item_page(request: Request, item_id: int, who: Principal = Depends(get_principal)) -> Response:
    """One item: rolled-up progress, visible children, indicators and their values."""
    service = PlanService(forms.database(request))
    node = service.tree(who, item_id)
    context = {
        "node": node,
        "item": node.item,
        "indicators": service.indicators(who, [item_id]),
        "statuses": list(PlanStatus),
        "org_names": {o.id: o.name for o in forms.organizations(request)},
        "can_write": forms.may_write(who),
    }
    return forms.page(request, "coordination/plan_item.html", context)


@router.post("/plans/{item_id}/progress")
def report_progress(
    request: Request,
    item_id: int,
    form: Annotated[ProgressForm, Form()],
    who: Principal = Depends(get_principal),
) -> Response:
    """Report progress (100% marks the item done) or set its status."""
    verify_csrf(request, form.csrf_token)
    changes: dict[str, object] = {}
    progress = forms.optional_float(form.progress, "progress")
    if progress is not None:
        changes["progress"] = progress
    if form.status:
        changes["status"] = PlanStatus(form.status)
    PlanService(forms.database(request)).update(who, item_id, **changes)
    return forms.see_other(f"/plans/{item_id}")


@router.post("/plans/{item_id}/indicators")
def add_indicator(
    request: Request,
    item_id: int,
    form: Annotated[IndicatorForm, Form()],
    who: Principal = Depends(get_principal),
) -> Response:
    """Attach an indicator with baseline and target to the item."""
    verify_csrf(request, form.csrf_token)
    indicator = Indicator(
        id=0,
        plan_item_id=item_id,
        name=form.name.strip(),
        unit=form.unit.strip(),
        baseline=forms.optional_float(form.baseline, "baseline"),
        target=forms.optional_float(form.target, "target"),
    )
    PlanService(forms.database(request)).add_indicator(who, indicator)
    return forms.see_other(f"/plans/{item_id}")


@router.post("/plans/indicators/{indicator_id}/values")
def record_value(
    request: Request,
    indicator_id: int,
    form: Annotated[ValueForm, Form()],
    who: Principal = Depends(get_principal),
) -> Response:
    """Record the actual value of an indicator for a period."""
    verify_csrf(request, form.csrf_token)
    actual = forms.optional_float(form.actual, "actual")
    if actual is None or not form.period.strip():
        raise InvalidInput("a value needs a period and a number")
    value = IndicatorValue(period=form.period.strip(), actual=actual, note=form.note.strip())
    PlanService(forms.database(request)).record_value(who, indicator_id, value)
    return forms.see_other(f"/plans/{form.item_id}")
