"""Organizations, partner links and users (admin work), and the audit log view."""

from __future__ import annotations

import json

from daphuong.domain.access import Principal, Role
from daphuong.domain.accounts import AuditEntry, Organization, OrgKind, User
from daphuong.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from daphuong.services.auth import AuthService, actor_name, require_admin, require_writer
from daphuong.store.accounts import AccountRepository, to_user
from daphuong.store.audit import AuditRepository
from daphuong.store.engine import Database


class AccountService:
    """Manages organizations and users; every change is audited."""

    def __init__(self, db: Database, auth: AuthService) -> None:
        self.db = db
        self.auth = auth

    def add_org(
        self,
        who: Principal,
        name: str,
        *,
        abbreviation: str | None = None,
        kind: OrgKind = OrgKind.OTHER,
        parent_id: int | None = None,
    ) -> Organization:
        """Register an organization or a unit of one (admin only)."""
        require_admin(who)
        name = name.strip()
        if not name:
            raise InvalidInput("an organization needs a name")
        with self.db.transaction() as session:
            repo = AccountRepository(session)
            if repo.org_by_name(name) is not None:
                raise Conflict(f"organization already exists: {name}")
            if parent_id is not None and repo.org_row(parent_id) is None:
                raise InvalidInput(f"no parent organization with id {parent_id}")
            row = repo.add_org(name, abbreviation=abbreviation, kind=kind, parent_id=parent_id)
            org = repo.org(row.id)
            assert org is not None  # just inserted
            AuditRepository(session).record(
                actor=actor_name(who),
                action="org.create",
                target_type="organization",
                target_id=row.id,
                after={"name": name, "abbreviation": abbreviation, "kind": kind.value},
            )
            return org

    def orgs(self) -> list[Organization]:
        """Every organization (names are public knowledge)."""
        with self.db.reader() as session:
            return AccountRepository(session).orgs()

    def org(self, org_id: int) -> Organization:
        """One organization."""
        with self.db.reader() as session:
            org = AccountRepository(session).org(org_id)
        if org is None:
            raise NotFound(f"no organization with id {org_id}")
        return org

    def set_partner(self, who: Principal, org_id: int, partner_org_id: int, *, on: bool) -> bool:
        """Let a partner organization see (or stop seeing) `org_id`'s shared records."""
        require_writer(who, org_id)
        if org_id == partner_org_id:
            raise InvalidInput("an organization cannot be its own partner")
        with self.db.transaction() as session:
            repo = AccountRepository(session)
            if repo.org_row(org_id) is None or repo.org_row(partner_org_id) is None:
                raise NotFound("no such organization")
            changed = (
                repo.add_partner(org_id, partner_org_id)
                if on
                else repo.remove_partner(org_id, partner_org_id)
            )
            if changed:
                AuditRepository(session).record(
                    actor=actor_name(who),
                    action="org.partner_add" if on else "org.partner_remove",
                    target_type="organization",
                    target_id=org_id,
                    before={"partner": partner_org_id, "on": not on},
                    after={"partner": partner_org_id, "on": on},
                )
            return changed

    def add_user(
        self,
        who: Principal,
        username: str,
        password: str,
        *,
        org_id: int | None,
        role: Role,
        display_name: str = "",
    ) -> User:
        """Create an account (admin only); non-admins must belong to an organization."""
        require_admin(who)
        username = username.strip()
        if not username or " " in username:
            raise InvalidInput("a username needs letters and no spaces")
        if role is not Role.ADMIN and org_id is None:
            raise InvalidInput(f"a {role.value} must belong to an organization")
        password_hash = self.auth.hash_password(password)
        with self.db.transaction() as session:
            repo = AccountRepository(session)
            if repo.user_by_name(username) is not None:
                raise Conflict(f"username already taken: {username}")
            if org_id is not None and repo.org_row(org_id) is None:
                raise InvalidInput(f"no organization with id {org_id}")
            row = repo.add_user(
                username,
                password_hash=password_hash,
                org_id=org_id,
                role=role,
                display=display_name or username,
            )
            AuditRepository(session).record(
                actor=actor_name(who),
                action="user.create",
                target_type="user",
                target_id=row.id,
                after={"username": username, "org_id": org_id, "role": role.value},
            )
            return to_user(row)

    def users(self, who: Principal, org_id: int | None = None) -> list[User]:
        """Accounts: admins see all; others see their own organization's."""
        if not who.sees_everything:
            if who.org_id is None:
                raise PermissionDenied("sign in to see accounts")
            org_id = who.org_id
        with self.db.reader() as session:
            return AccountRepository(session).users(org_id)

    def user_by_name(self, username: str) -> User:
        """One account by username."""
        with self.db.reader() as session:
            row = AccountRepository(session).user_by_name(username)
        if row is None:
            raise NotFound(f"no user named {username}")
        return to_user(row)

    def update_user(
        self,
        who: Principal,
        user_id: int,
        *,
        role: Role | None = None,
        active: bool | None = None,
        password: str | None = None,
    ) -> User:
        """Change role, active flag (admin) or password (admin or self); sessions end."""
        if role is not None or active is not None:
            require_admin(who)
        elif not (who.sees_everything or who.user_id == user_id):
            raise PermissionDenied("only the user or an administrator may do this")
        new_hash = None if password is None else self.auth.hash_password(password)
        with self.db.transaction() as session:
            repo = AccountRepository(session)
            row = repo.user_row(user_id)
            if row is None:
                raise NotFound(f"no user with id {user_id}")
            before = {"role": row.role, "active": row.active}
            if role is not None:
                row.role = role.value
            if active is not None:
                row.active = active
            if new_hash is not None:
                row.password_hash = new_hash
            repo.delete_sessions_of(user_id)
            AuditRepository(session).record(
                actor=actor_name(who),
                action="user.update",
                target_type="user",
                target_id=user_id,
                before=before,
                after={"role": row.role, "active": row.active, "password_changed": bool(new_hash)},
            )
            return to_user(row)

    def audit_log(
        self,
        who: Principal,
        *,
        target_type: str | None = None,
        target_id: str | None = None,
        limit: int = 100,
    ) -> list[AuditEntry]:
        """The audit log, most recent first (admin only)."""
        require_admin(who)
        with self.db.reader() as session:
            rows = AuditRepository(session).list(
                target_type=target_type, target_id=target_id, limit=limit
            )
            return [
                AuditEntry(
                    id=r.id,
                    at=r.at,
                    actor=r.actor,
                    action=r.action,
                    target_type=r.target_type,
                    target_id=r.target_id,
                    before=None if r.before_json is None else json.loads(r.before_json),
                    after=None if r.after_json is None else json.loads(r.after_json),
                    note=r.note,
                )
                for r in rows
            ]
