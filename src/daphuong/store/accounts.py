"""Repository for organizations, partner links, users, sessions and API tokens."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from daphuong.domain.access import Role
from daphuong.domain.accounts import ApiTokenInfo, Organization, OrgKind, User
from daphuong.store.models import OrganizationRow
from daphuong.store.models.accounts import ApiTokenRow, OrgPartnerRow, SessionRow, UserRow


def to_user(row: UserRow) -> User:
    """Convert a row to the domain user."""
    return User(
        id=row.id,
        username=row.username,
        display_name=row.display_name,
        org_id=row.org_id,
        role=Role(row.role),
        active=row.active,
    )


def to_token_info(row: ApiTokenRow) -> ApiTokenInfo:
    """Convert a row to token metadata (never the secret)."""
    return ApiTokenInfo(
        id=row.id,
        name=row.name,
        user_id=row.user_id,
        created_at=row.created_at,
        last_used_at=row.last_used_at,
        revoked=row.revoked,
    )


class AccountRepository:
    """Queries and writes on account tables, inside the caller's session."""

    def __init__(self, session: Session) -> None:
        self.session = session

    # organizations -------------------------------------------------------
    def add_org(
        self, name: str, *, abbreviation: str | None, kind: OrgKind, parent_id: int | None
    ) -> OrganizationRow:
        """Insert an organization."""
        row = OrganizationRow(
            name=name, abbreviation=abbreviation, kind=kind.value, parent_id=parent_id
        )
        self.session.add(row)
        self.session.flush()
        return row

    def org_row(self, org_id: int) -> OrganizationRow | None:
        """An organization row by id."""
        return self.session.get(OrganizationRow, org_id)

    def org_by_name(self, name: str) -> OrganizationRow | None:
        """An organization whose name or abbreviation is exactly `name`."""
        stmt = select(OrganizationRow).where(
            (OrganizationRow.name == name) | (OrganizationRow.abbreviation == name)
        )
        return self.session.scalars(stmt).first()

    def orgs(self) -> list[Organization]:
        """Every organization with its partner list, by name."""
        rows = self.session.scalars(select(OrganizationRow).order_by(OrganizationRow.name))
        partners: dict[int, list[int]] = {}
        for link in self.session.scalars(select(OrgPartnerRow).order_by(OrgPartnerRow.id)):
            partners.setdefault(link.org_id, []).append(link.partner_org_id)
        return [self._org(r, partners.get(r.id, [])) for r in rows]

    def org(self, org_id: int) -> Organization | None:
        """One organization with its partners."""
        row = self.org_row(org_id)
        if row is None:
            return None
        stmt = select(OrgPartnerRow.partner_org_id).where(OrgPartnerRow.org_id == org_id)
        return self._org(row, sorted(self.session.scalars(stmt)))

    @staticmethod
    def _org(row: OrganizationRow, partners: list[int]) -> Organization:
        return Organization(
            id=row.id,
            name=row.name,
            abbreviation=row.abbreviation,
            kind=OrgKind(row.kind),
            parent_id=row.parent_id,
            partner_ids=partners,
        )

    def add_partner(self, org_id: int, partner_org_id: int) -> bool:
        """Let `partner_org_id` see `org_id`'s shared records; False if already so."""
        stmt = select(OrgPartnerRow).where(
            OrgPartnerRow.org_id == org_id, OrgPartnerRow.partner_org_id == partner_org_id
        )
        if self.session.scalars(stmt).first() is not None:
            return False
        self.session.add(OrgPartnerRow(org_id=org_id, partner_org_id=partner_org_id))
        self.session.flush()
        return True

    def remove_partner(self, org_id: int, partner_org_id: int) -> bool:
        """Withdraw a partner link; False if there was none."""
        result = self.session.execute(
            delete(OrgPartnerRow).where(
                OrgPartnerRow.org_id == org_id, OrgPartnerRow.partner_org_id == partner_org_id
            )
        )
        return bool(getattr(result, "rowcount", 0))

    def partner_of(self, org_id: int) -> frozenset[int]:
        """Organizations that named `org_id` as their partner."""
        stmt = select(OrgPartnerRow.org_id).where(OrgPartnerRow.partner_org_id == org_id)
        return frozenset(self.session.scalars(stmt))

    # users -----------------------------------------------------------------
    def add_user(
        self, username: str, *, password_hash: str, org_id: int | None, role: Role, display: str
    ) -> UserRow:
        """Insert a user."""
        row = UserRow(
            username=username,
            password_hash=password_hash,
            org_id=org_id,
            role=role.value,
            display_name=display,
        )
        self.session.add(row)
        self.session.flush()
        return row

    def user_row(self, user_id: int) -> UserRow | None:
        """A user row by id."""
        return self.session.get(UserRow, user_id)

    def user_by_name(self, username: str) -> UserRow | None:
        """A user row by username."""
        return self.session.scalars(select(UserRow).where(UserRow.username == username)).first()

    def users(self, org_id: int | None = None) -> list[User]:
        """Users, optionally of one organization, by username."""
        stmt = select(UserRow).order_by(UserRow.username)
        if org_id is not None:
            stmt = stmt.where(UserRow.org_id == org_id)
        return [to_user(r) for r in self.session.scalars(stmt)]

    # sessions --------------------------------------------------------------
    def add_session(self, user_id: int, token_hash: str, expires_at: dt.datetime) -> SessionRow:
        """Store a session by the hash of its secret."""
        row = SessionRow(user_id=user_id, token_hash=token_hash, expires_at=expires_at)
        self.session.add(row)
        self.session.flush()
        return row

    def session_by_hash(self, token_hash: str) -> SessionRow | None:
        """A session by the hash of its secret."""
        stmt = select(SessionRow).where(SessionRow.token_hash == token_hash)
        return self.session.scalars(stmt).first()

    def delete_session(self, token_hash: str) -> None:
        """End a session."""
        self.session.execute(delete(SessionRow).where(SessionRow.token_hash == token_hash))

    def delete_sessions_of(self, user_id: int) -> None:
        """End every session of a user (password change, deactivation)."""
        self.session.execute(delete(SessionRow).where(SessionRow.user_id == user_id))

    # API tokens ------------------------------------------------------------
    def add_token(self, user_id: int, name: str, token_hash: str) -> ApiTokenRow:
        """Store an API token by the hash of its secret."""
        row = ApiTokenRow(user_id=user_id, name=name, token_hash=token_hash)
        self.session.add(row)
        self.session.flush()
        return row

    def token_by_hash(self, token_hash: str) -> ApiTokenRow | None:
        """An API token by the hash of its secret."""
        stmt = select(ApiTokenRow).where(ApiTokenRow.token_hash == token_hash)
        return self.session.scalars(stmt).first()

    def token_row(self, token_id: int) -> ApiTokenRow | None:
        """An API token row by id."""
        return self.session.get(ApiTokenRow, token_id)

    def tokens(self, user_id: int | None = None) -> list[ApiTokenInfo]:
        """API tokens (metadata only), optionally of one user."""
        stmt = select(ApiTokenRow).order_by(ApiTokenRow.id)
        if user_id is not None:
            stmt = stmt.where(ApiTokenRow.user_id == user_id)
        return [to_token_info(r) for r in self.session.scalars(stmt)]
