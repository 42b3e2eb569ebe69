"""Authentication and authorization: passwords, sessions, CSRF, API tokens, write rules."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import hmac
import json
import secrets
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from daphuong.domain.access import Principal, Role
from daphuong.domain.accounts import IssuedApiToken, SessionToken
from daphuong.errors import InvalidInput, PermissionDenied
from daphuong.store.accounts import AccountRepository
from daphuong.store.audit import AuditRepository
from daphuong.store.engine import Database
from daphuong.store.models.accounts import UserRow

SESSION_TTL = dt.timedelta(hours=12)
MIN_PASSWORD_LENGTH = 10
API_TOKEN_PREFIX = "dp_"
WRITER_ROLES = (Role.EDITOR, Role.COORDINATOR)


def token_hash(secret: str) -> str:
    """SHA-256 of a secret: sessions and API tokens are stored only in this form."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def actor_name(who: Principal) -> str:
    """How a principal is named in the audit log."""
    return f"system:{who.username}" if who.system else who.username


def snapshot(obj: Any) -> Any:
    """A JSON-safe copy of a dataclass (dates and decimals as strings) for the audit log."""
    is_instance = dataclasses.is_dataclass(obj) and not isinstance(obj, type)
    data = dataclasses.asdict(obj) if is_instance else obj
    return json.loads(json.dumps(data, default=str, ensure_ascii=False))


def require_admin(who: Principal) -> None:
    """Only admins (and the local system) may go on."""
    if not who.sees_everything:
        raise PermissionDenied("this needs an administrator")


def can_write(who: Principal, owner_org_id: int | None) -> bool:
    """Admins write anything; editors and coordinators write their own organization's records."""
    if who.sees_everything:
        return True
    return who.role in WRITER_ROLES and who.org_id is not None and who.org_id == owner_org_id


def require_writer(who: Principal, owner_org_id: int | None) -> None:
    """Raise unless `who` may write records owned by `owner_org_id`."""
    if not can_write(who, owner_org_id):
        raise PermissionDenied(f"{who.username} may not change records of this organization")


def check_password_strength(password: str) -> None:
    """Refuse passwords too short to resist guessing."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput(f"password must have at least {MIN_PASSWORD_LENGTH} characters")


class AuthService:
    """Logs people in and turns a session cookie or API token into a Principal."""

    def __init__(
        self,
        db: Database,
        secret_key: str,
        *,
        hasher: PasswordHasher | None = None,
        session_ttl: dt.timedelta = SESSION_TTL,
    ) -> None:
        self.db = db
        self._secret = secret_key.encode("utf-8")
        self.hasher = hasher or PasswordHasher()
        self.session_ttl = session_ttl

    def hash_password(self, password: str) -> str:
        """An argon2id hash of a password."""
        check_password_strength(password)
        return self.hasher.hash(password)

    def login(self, username: str, password: str) -> SessionToken:
        """Check the password and open a session (the same error for any failure)."""
        with self.db.transaction() as session:
            repo = AccountRepository(session)
            row = repo.user_by_name(username)
            if row is None or not row.active or not self._verify(row, password):
                raise PermissionDenied("wrong username or password")
            token = secrets.token_urlsafe(32)
            expires = dt.datetime.now(dt.UTC) + self.session_ttl
            repo.add_session(row.id, token_hash(token), expires)
            AuditRepository(session).record(
                actor=row.username, action="auth.login", target_type="user", target_id=row.id
            )
            return SessionToken(token=token, user_id=row.id, expires_at=expires)

    def _verify(self, row: UserRow, password: str) -> bool:
        try:
            self.hasher.verify(row.password_hash, password)
        except (VerificationError, InvalidHashError):
            return False
        if self.hasher.check_needs_rehash(row.password_hash):
            row.password_hash = self.hasher.hash(password)
        return True

    def logout(self, token: str) -> None:
        """End a session (unknown tokens are ignored)."""
        with self.db.transaction() as session:
            AccountRepository(session).delete_session(token_hash(token))

    def principal_for_session(self, token: str | None) -> Principal:
        """The caller behind a session cookie; anonymous when missing, unknown or expired."""
        if not token:
            return Principal.anonymous()
        with self.db.reader() as session:
            repo = AccountRepository(session)
            row = repo.session_by_hash(token_hash(token))
            if row is None or _aware(row.expires_at) <= dt.datetime.now(dt.UTC):
                return Principal.anonymous()
            user = repo.user_row(row.user_id)
            if user is None or not user.active:
                return Principal.anonymous()
            return _principal(repo, user)

    def principal_for_api_token(self, token: str) -> Principal:
        """The caller behind an API token; a bad or revoked token is refused, not downgraded."""
        with self.db.transaction() as session:
            repo = AccountRepository(session)
            row = repo.token_by_hash(token_hash(token))
            user = None if row is None or row.revoked else repo.user_row(row.user_id)
            if row is None or user is None or not user.active:
                raise PermissionDenied("invalid or revoked API token")
            row.last_used_at = dt.datetime.now(dt.UTC)
            return _principal(repo, user)

    def csrf_token(self, session: str) -> str:
        """A CSRF token bound to a session (or pre-login browser) secret."""
        digest = hmac.new(self._secret, b"csrf|" + token_hash(session).encode(), "sha256")
        return digest.hexdigest()

    def verify_csrf(self, session: str, token: str | None) -> bool:
        """Whether a submitted CSRF token belongs to this session (constant-time compare)."""
        if not session or not token:
            return False
        return hmac.compare_digest(self.csrf_token(session), token)

    def create_api_token(self, who: Principal, user_id: int, name: str) -> IssuedApiToken:
        """Issue an API token for a user (the user or an admin); the secret is shown once."""
        if not (who.sees_everything or who.user_id == user_id):
            raise PermissionDenied("only the user or an administrator may create this token")
        if not name.strip():
            raise InvalidInput("an API token needs a name")
        secret = API_TOKEN_PREFIX + secrets.token_urlsafe(32)
        with self.db.transaction() as session:
            repo = AccountRepository(session)
            if repo.user_row(user_id) is None:
                raise InvalidInput(f"no user with id {user_id}")
            row = repo.add_token(user_id, name.strip(), token_hash(secret))
            AuditRepository(session).record(
                actor=actor_name(who),
                action="api_token.create",
                target_type="api_token",
                target_id=row.id,
                after={"user_id": user_id, "name": row.name},
            )
            return IssuedApiToken(id=row.id, name=row.name, token=secret, user_id=user_id)

    def revoke_api_token(self, who: Principal, token_id: int) -> None:
        """Revoke a token (its user or an admin)."""
        with self.db.transaction() as session:
            row = AccountRepository(session).token_row(token_id)
            if row is None or not (who.sees_everything or who.user_id == row.user_id):
                raise PermissionDenied("no such token of yours")
            row.revoked = True
            AuditRepository(session).record(
                actor=actor_name(who),
                action="api_token.revoke",
                target_type="api_token",
                target_id=token_id,
                before={"revoked": False},
                after={"revoked": True},
            )


def _aware(value: dt.datetime) -> dt.datetime:
    # SQLite hands back naive datetimes for timezone-aware columns; they were written in UTC.
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _principal(repo: AccountRepository, user: UserRow) -> Principal:
    partner_of = repo.partner_of(user.org_id) if user.org_id is not None else frozenset()
    return Principal(
        user_id=user.id,
        username=user.username,
        org_id=user.org_id,
        role=Role(user.role),
        partner_of=partner_of,
    )
