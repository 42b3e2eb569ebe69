"""Account repository on both backends: orgs with partners, users, sessions, tokens."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy.exc import IntegrityError

from daphuong.domain.access import Role
from daphuong.domain.accounts import OrgKind
from daphuong.store.accounts import AccountRepository
from daphuong.store.engine import Database


def test_partner_links_are_directional(db: Database) -> None:
    with db.transaction() as s:
        repo = AccountRepository(s)
        a = repo.add_org("A", abbreviation="AA", kind=OrgKind.MINISTRY, parent_id=None)
        b = repo.add_org("B", abbreviation=None, kind=OrgKind.PEOPLES_ORG, parent_id=a.id)
        assert repo.add_partner(a.id, b.id)
        assert not repo.add_partner(a.id, b.id)
    with db.reader() as s:
        repo = AccountRepository(s)
        assert repo.partner_of(b.id) == frozenset({a.id})
        assert repo.partner_of(a.id) == frozenset()
        assert [o.name for o in repo.orgs()] == ["A", "B"]
        assert repo.org(b.id).parent_id == a.id  # type: ignore[union-attr]
        assert repo.org_by_name("AA").id == a.id  # type: ignore[union-attr]
    with db.transaction() as s:
        assert AccountRepository(s).remove_partner(a.id, b.id)
        assert not AccountRepository(s).remove_partner(a.id, b.id)


def test_usernames_are_unique(db: Database) -> None:
    with db.transaction() as s:
        AccountRepository(s).add_user(
            "u", password_hash="h", org_id=None, role=Role.ADMIN, display="U"
        )
    with pytest.raises(IntegrityError), db.transaction() as s:
        AccountRepository(s).add_user(
            "u", password_hash="h", org_id=None, role=Role.ADMIN, display="U"
        )


def test_sessions_and_tokens_are_found_by_hash(db: Database) -> None:
    expires = dt.datetime(2030, 1, 1, tzinfo=dt.UTC)
    with db.transaction() as s:
        repo = AccountRepository(s)
        user = repo.add_user("u", password_hash="h", org_id=None, role=Role.VIEWER, display="U")
        repo.add_session(user.id, "a" * 64, expires)
        repo.add_token(user.id, "script", "b" * 64)
    with db.transaction() as s:
        repo = AccountRepository(s)
        assert repo.session_by_hash("a" * 64).user_id == user.id  # type: ignore[union-attr]
        assert repo.token_by_hash("b" * 64).name == "script"  # type: ignore[union-attr]
        repo.delete_sessions_of(user.id)
    with db.reader() as s:
        assert AccountRepository(s).session_by_hash("a" * 64) is None
