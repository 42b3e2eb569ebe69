"""AuthService: passwords, sessions, CSRF, API tokens and the write rule."""

from __future__ import annotations

import datetime as dt

import pytest

from daphuong.domain.access import Principal, Role
from daphuong.errors import InvalidInput, PermissionDenied
from daphuong.services.auth import AuthService, can_write, token_hash
from daphuong.store.accounts import AccountRepository
from daphuong.store.engine import Database
from tests.services.coordination_world import FAST_HASHER, PASSWORD, World, make_world


@pytest.fixture
def world(db: Database) -> World:
    return make_world(db)


def test_login_gives_a_principal_with_org_role_and_partners(world: World) -> None:
    p = world.editor_a
    assert (p.username, p.role, p.org_id) == ("editor_a", Role.EDITOR, world.org_a)
    # B named A as partner, so A's people may see B's shared records.
    assert p.partner_of == frozenset({world.org_b})
    assert world.editor_b.partner_of == frozenset()


@pytest.mark.parametrize(("user", "password"), [("editor_a", "sai-mat-khau-roi"), ("ai", PASSWORD)])
def test_login_refuses_wrong_password_or_unknown_user_alike(
    world: World, user: str, password: str
) -> None:
    with pytest.raises(PermissionDenied, match="wrong username or password"):
        world.auth.login(user, password)


def test_session_secret_is_stored_only_hashed(world: World, db: Database) -> None:
    token = world.auth.login("viewer_a", PASSWORD).token
    with db.reader() as s:
        repo = AccountRepository(s)
        assert repo.session_by_hash(token) is None
        assert repo.session_by_hash(token_hash(token)) is not None


def test_unknown_expired_or_logged_out_session_is_anonymous(world: World, db: Database) -> None:
    assert world.auth.principal_for_session("nope") == Principal.anonymous()
    assert world.auth.principal_for_session(None) == Principal.anonymous()
    short = AuthService(db, "test-secret", hasher=FAST_HASHER, session_ttl=dt.timedelta(0))
    expired = short.login("viewer_a", PASSWORD).token
    assert short.principal_for_session(expired) == Principal.anonymous()
    live = world.auth.login("viewer_a", PASSWORD).token
    assert world.auth.principal_for_session(live).username == "viewer_a"
    world.auth.logout(live)
    assert world.auth.principal_for_session(live) == Principal.anonymous()


def test_deactivated_user_loses_sessions_and_cannot_log_in(world: World) -> None:
    token = world.auth.login("editor_b", PASSWORD).token
    uid = world.editor_b.user_id
    assert uid is not None
    world.accounts.update_user(world.admin, uid, active=False)
    assert world.auth.principal_for_session(token) == Principal.anonymous()
    with pytest.raises(PermissionDenied):
        world.auth.login("editor_b", PASSWORD)


def test_csrf_token_is_bound_to_the_session_and_the_secret(world: World, db: Database) -> None:
    tok = world.auth.csrf_token("session-1")
    assert world.auth.verify_csrf("session-1", tok)
    assert not world.auth.verify_csrf("session-2", tok)
    assert not world.auth.verify_csrf("session-1", None)
    assert not world.auth.verify_csrf("session-1", tok[:-1] + ("0" if tok[-1] != "0" else "1"))
    other = AuthService(db, "another-secret", hasher=FAST_HASHER)
    assert not other.verify_csrf("session-1", tok)


def test_api_token_is_shown_once_and_resolves_until_revoked(world: World, db: Database) -> None:
    uid = world.editor_a.user_id
    assert uid is not None
    issued = world.auth.create_api_token(world.editor_a, uid, "nhập số liệu")
    assert issued.token.startswith("dp_")
    assert world.auth.principal_for_api_token(issued.token).username == "editor_a"
    with db.reader() as s:
        info = AccountRepository(s).tokens(uid)
    assert [t.name for t in info] == ["nhập số liệu"]
    assert info[0].last_used_at is not None
    world.auth.revoke_api_token(world.editor_a, issued.id)
    with pytest.raises(PermissionDenied):
        world.auth.principal_for_api_token(issued.token)


def test_api_token_for_someone_else_needs_an_admin(world: World) -> None:
    uid = world.viewer_a.user_id
    assert uid is not None
    with pytest.raises(PermissionDenied):
        world.auth.create_api_token(world.editor_a, uid, "x")
    assert world.auth.create_api_token(world.admin, uid, "x").user_id == uid


def test_short_passwords_are_refused(world: World) -> None:
    with pytest.raises(InvalidInput):
        world.auth.hash_password("ngắn")


@pytest.mark.parametrize(
    ("role", "same_org", "expected"),
    [
        (Role.ADMIN, False, True),
        (Role.COORDINATOR, True, True),
        (Role.COORDINATOR, False, False),
        (Role.EDITOR, True, True),
        (Role.EDITOR, False, False),
        (Role.VIEWER, True, False),
    ],
)
def test_write_rule(role: Role, same_org: bool, expected: bool) -> None:
    who = Principal(user_id=1, username="u", org_id=1, role=role)
    assert can_write(who, 1 if same_org else 2) is expected
    assert can_write(Principal.anonymous(), None) is False
