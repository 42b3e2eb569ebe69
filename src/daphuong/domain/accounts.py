"""Accounts: organizations with units and partners, users, sessions and API tokens."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from daphuong.domain.access import Role


class OrgKind(StrEnum):
    """What sort of body an organization is."""

    PARTY = "party"  # Ban Đối ngoại Trung ương and other Party bodies
    MINISTRY = "ministry"
    PEOPLES_ORG = "peoples_org"  # Liên hiệp các tổ chức hữu nghị, Hội hữu nghị…
    LOCAL = "local"  # provincial committees and departments
    UNIT = "unit"  # a department or section inside another organization
    FOREIGN_NGO = "foreign_ngo"
    INTERNATIONAL = "international"  # UN bodies, ASEAN, APPF…
    OTHER = "other"


@dataclass(slots=True)
class Organization:
    """An organization that owns records and may name partners for its shared records."""

    id: int
    name: str
    abbreviation: str | None = None
    kind: OrgKind = OrgKind.OTHER
    parent_id: int | None = None
    partner_ids: list[int] = field(default_factory=list)


@dataclass(slots=True)
class User:
    """A person with an account in one organization."""

    id: int
    username: str
    display_name: str
    org_id: int | None
    role: Role
    active: bool = True


@dataclass(frozen=True, slots=True)
class SessionToken:
    """A login session: the secret goes in the cookie, only its hash is stored."""

    token: str
    user_id: int
    expires_at: dt.datetime


@dataclass(frozen=True, slots=True)
class IssuedApiToken:
    """A newly created API token; the secret is shown once and never again."""

    id: int
    name: str
    token: str
    user_id: int


@dataclass(slots=True)
class ApiTokenInfo:
    """A stored API token without its secret."""

    id: int
    name: str
    user_id: int
    created_at: dt.datetime
    last_used_at: dt.datetime | None
    revoked: bool


@dataclass(slots=True)
class AuditEntry:
    """One change from the audit log, decoded."""

    id: int
    at: dt.datetime
    actor: str
    action: str
    target_type: str
    target_id: str
    before: object
    after: object
    note: str | None = None
