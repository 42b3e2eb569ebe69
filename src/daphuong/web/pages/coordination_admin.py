"""Administration pages (admins only): users, organizations with partners, the audit log."""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel

from daphuong.domain.access import Principal, Role
from daphuong.domain.accounts import OrgKind
from daphuong.services.auth import require_admin
from daphuong.web.csrf import verify_csrf
from daphuong.web.deps import get_principal
from daphuong.web.pages import coordination_forms as forms

router = APIRouter(include_in_schema=False)
AUDIT_LIMITS = (50, 100, 500)


class UserForm(BaseModel):
    """A new account (the password goes straight to the hasher, never to a log)."""

    username: str = ""
    display_name: str = ""
    password: str = ""
    org_id: str = ""
    role: Role = Role.VIEWER
    csrf_token: str = ""


class UserChangeForm(BaseModel):
    """Role and active flag of an account."""

    role: Role
    active: bool = False
    csrf_token: str = ""


class OrgForm(BaseModel):
    """A new organization or unit."""

    name: str = ""
    abbreviation: str = ""
    kind: OrgKind = OrgKind.OTHER
    parent_id: str = ""
    csrf_token: str = ""


class PartnerForm(BaseModel):
    """Add or remove a partner organization."""

    partner_id: int
    on: bool = True
    csrf_token: str = ""


def pretty_json(value: object) -> str:
    """A before/after snapshot as readable JSON (Vietnamese left as written)."""
    return json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True, default=str)


def admin(who: Principal = Depends(get_principal)) -> Principal:
    """The caller, who must be an administrator."""
    require_admin(who)
    return who


@router.get("/admin")
def admin_index(request: Request, who: Principal = Depends(admin)) -> Response:
    """Links to the administration pages."""
    return forms.page(request, "coordination/admin_index.html", {})


@router.get("/admin/users")
def users_page(request: Request, who: Principal = Depends(admin)) -> Response:
    """Every account with its organization and role, and the form for a new one."""
    orgs = forms.organizations(request)
    context = {
        "users": forms.accounts(request).users(who),
        "orgs": orgs,
        "org_names": {o.id: o.name for o in orgs},
        "roles": list(Role),
    }
    return forms.page(request, "coordination/admin_users.html", context)


@router.post("/admin/users")
def add_user(
    request: Request, form: Annotated[UserForm, Form()], who: Principal = Depends(admin)
) -> Response:
    """Create an account."""
    verify_csrf(request, form.csrf_token)
    forms.accounts(request).add_user(
        who,
        form.username,
        form.password,
        org_id=forms.optional_int(form.org_id, "org_id"),
        role=form.role,
        display_name=form.display_name.strip(),
    )
    return forms.see_other("/admin/users")


@router.post("/admin/users/{user_id}")
def change_user(
    request: Request,
    user_id: int,
    form: Annotated[UserChangeForm, Form()],
    who: Principal = Depends(admin),
) -> Response:
    """Change an account's role or switch it off (its sessions end)."""
    verify_csrf(request, form.csrf_token)
    forms.accounts(request).update_user(who, user_id, role=form.role, active=form.active)
    return forms.see_other(f"/admin/users#user-{user_id}")


@router.get("/admin/organizations")
def organizations_page(request: Request, who: Principal = Depends(admin)) -> Response:
    """Organizations with their units and partners."""
    orgs = forms.organizations(request)
    context = {"orgs": orgs, "org_names": {o.id: o.name for o in orgs}, "kinds": list(OrgKind)}
    return forms.page(request, "coordination/admin_orgs.html", context)


@router.post("/admin/organizations")
def add_organization(
    request: Request, form: Annotated[OrgForm, Form()], who: Principal = Depends(admin)
) -> Response:
    """Register an organization or a unit of one."""
    verify_csrf(request, form.csrf_token)
    forms.accounts(request).add_org(
        who,
        form.name,
        abbreviation=form.abbreviation.strip() or None,
        kind=form.kind,
        parent_id=forms.optional_int(form.parent_id, "parent_id"),
    )
    return forms.see_other("/admin/organizations")


@router.post("/admin/organizations/{org_id}/partners")
def set_partner(
    request: Request,
    org_id: int,
    form: Annotated[PartnerForm, Form()],
    who: Principal = Depends(admin),
) -> Response:
    """Let a partner see (or stop seeing) the organization's shared records."""
    verify_csrf(request, form.csrf_token)
    forms.accounts(request).set_partner(who, org_id, form.partner_id, on=form.on)
    return forms.see_other(f"/admin/organizations#org-{org_id}")


@router.get("/admin/audit")
def audit_page(
    request: Request,
    target_type: str = Query(""),
    target_id: str = Query(""),
    limit: int = Query(100),
    who: Principal = Depends(admin),
) -> Response:
    """The audit log, most recent first, optionally for one record."""
    limit = limit if limit in AUDIT_LIMITS else 100
    entries = forms.accounts(request).audit_log(
        who, target_type=target_type or None, target_id=target_id or None, limit=limit
    )
    context = {
        "entries": entries,
        "filters": {"target_type": target_type, "target_id": target_id, "limit": limit},
        "limits": AUDIT_LIMITS,
        "pretty": pretty_json,
    }
    return forms.page(request, "coordination/admin_audit.html", context)
