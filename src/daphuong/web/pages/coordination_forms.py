"""What every coordination page shares: services, organization names, form field parsing."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import Request
from fastapi.responses import RedirectResponse, Response

from daphuong.domain.access import Principal, Role
from daphuong.domain.accounts import Organization
from daphuong.domain.coordination import Area
from daphuong.domain.document import Visibility
from daphuong.errors import InvalidInput
from daphuong.services.accounts import AccountService
from daphuong.store.engine import Database
from daphuong.web.auth import auth_service
from daphuong.web.deps import get_services
from daphuong.web.rendering import render

WRITER_ROLES = frozenset({Role.EDITOR, Role.COORDINATOR})
VISIBILITIES = [v.value for v in Visibility]
STYLESHEET = "/static/css/coordination.css"


def database(request: Request) -> Database:
    """The database the services work on."""
    return get_services(request).db


def accounts(request: Request) -> AccountService:
    """Organizations, users and the audit log."""
    return AccountService(database(request), auth_service(request))


def organizations(request: Request) -> list[Organization]:
    """Every organization, by name (names are public knowledge)."""
    return sorted(accounts(request).orgs(), key=lambda o: o.name)


def may_write(who: Principal) -> bool:
    """Whether the caller may create records for an organization (the service checks which)."""
    return who.sees_everything or (who.role in WRITER_ROLES and who.org_id is not None)


def see_other(path: str) -> RedirectResponse:
    """Post/redirect/get: after a change, show the page that lists it."""
    return RedirectResponse(path, status_code=303)


def optional_date(value: str, field: str) -> dt.date | None:
    """A date from an <input type=date> value, None when empty."""
    value = value.strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise InvalidInput(f"{field}: not a date: {value!r}") from exc


def optional_int(value: str, field: str) -> int | None:
    """An integer form field, None when empty."""
    value = value.strip()
    if not value:
        return None
    try:
        return int(value)
    except ValueError as exc:
        raise InvalidInput(f"{field}: not a number: {value!r}") from exc


def optional_float(value: str, field: str) -> float | None:
    """A decimal number form field (comma or point), None when empty."""
    value = value.strip().replace(",", ".")
    if not value:
        return None
    try:
        return float(value)
    except ValueError as exc:
        raise InvalidInput(f"{field}: not a number: {value!r}") from exc


def int_list(value: str, field: str) -> list[int]:
    """Ids separated by commas or spaces."""
    return [int(v) for v in value.replace(",", " ").split() if optional_int(v, field) is not None]


def lines(value: str) -> list[str]:
    """Non-empty lines of a textarea."""
    return [line.strip() for line in value.splitlines() if line.strip()]


def visibility(value: str) -> Visibility:
    """A visibility from a select (internal when missing: deny by default)."""
    try:
        return Visibility(value or Visibility.INTERNAL.value)
    except ValueError as exc:
        raise InvalidInput(f"unknown visibility {value!r}") from exc


def _(message: str) -> str:
    """Mark a message for the catalogues; templates translate it when they show it."""
    return message


# English message ids; Vietnamese in the catalogue (the report's headings, Area.label_vi).
AREA_LABELS = {
    Area.BILATERAL: _("Bilateral relations"),
    Area.MULTILATERAL: _("Multilateral relations"),
    Area.INTEGRATION: _("International integration"),
    Area.NGO_AID: _("Foreign NGO aid"),
    Area.ADVOCACY: _("Advocacy"),
    Area.EXTERNAL_INFO: _("External information"),
    Area.OVERSEAS_VIETNAMESE: _("Overseas Vietnamese"),
}
STATE_LABELS = {
    "public": _("Public"),
    "shared": _("Shared"),
    "internal": _("Internal"),
    "not_started": _("Not started"),
    "in_progress": _("In progress"),
    "done": _("Done"),
    "cancelled": _("Cancelled"),
    "intended": _("Intended"),
    "announced": _("Announced"),
    "elected": _("Elected"),
    "serving": _("Serving"),
    "ended": _("Ended"),
    "withdrawn": _("Withdrawn"),
    "not_elected": _("Not elected"),
    "membership": _("Membership"),
    "chairmanship": _("Chairmanship"),
    "elected_seat": _("Elected seat"),
    "candidacy": _("Candidacy"),
    "pledge": _("Pledge"),
    "commitment": _("Commitment"),
    "disbursement": _("Disbursement"),
    "legal_document": _("Directive"),
    "scheme": _("Scheme"),
    "programme": _("Programme"),
    "annual_plan": _("Annual plan"),
    "task": _("Task"),
    "admin": _("Administrator"),
    "coordinator": _("Coordinator"),
    "editor": _("Editor"),
    "viewer": _("Viewer"),
}


def page(request: Request, name: str, context: dict[str, Any]) -> Response:
    """Render a coordination template with the label tables."""
    return render(
        request, name, {"area_label": AREA_LABELS, "state_label": STATE_LABELS, **context}
    )
