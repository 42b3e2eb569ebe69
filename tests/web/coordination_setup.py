"""A web app over a small world of organizations and accounts, and clients signed in as each."""

from __future__ import annotations

from dataclasses import dataclass, field

from fastapi import FastAPI
from fastapi.testclient import TestClient

from daphuong.domain.access import Principal, Role
from daphuong.domain.accounts import OrgKind
from daphuong.services.accounts import AccountService
from daphuong.services.auth import AuthService
from daphuong.services.container import Services
from daphuong.web.app import create_app
from daphuong.web.auth import SESSION_COOKIE
from tests.services.coordination_world import FAST_HASHER, PASSWORD
from tests.web.html import csrf_from

ROOT = Principal.local_system("test")
# Org A owns the records; P is A's partner; B is A's neighbour (no link); C is the coordinator's.
ACCOUNTS = {
    "admin": ("", Role.ADMIN),
    "coordinator": ("C", Role.COORDINATOR),
    "editor_a": ("A", Role.EDITOR),
    "editor_b": ("B", Role.EDITOR),
    "viewer_b": ("B", Role.VIEWER),
    "viewer_p": ("P", Role.VIEWER),
}


@dataclass
class WebWorld:
    """The app, its auth service, organization ids by letter and principals by account name."""

    app: FastAPI
    auth: AuthService
    orgs: dict[str, int] = field(default_factory=dict)
    principals: dict[str, Principal] = field(default_factory=dict)

    def client(self, name: str | None) -> TestClient:
        """A browser signed in as `name` (None: anonymous)."""
        browser = TestClient(self.app)
        if name is not None:
            browser.cookies.set(SESSION_COOKIE, self.auth.login(name, PASSWORD).token)
        return browser


def make_web_world(services: Services) -> WebWorld:
    """Organizations A, B, C, P (A names P as partner) and one account per role."""
    auth = AuthService(services.db, services.settings.secret_key, hasher=FAST_HASHER)
    accounts = AccountService(services.db, auth)
    app = create_app(services)
    # The app builds its AuthService lazily; hand it the cheap hasher so logins stay fast.
    app.state.service_cache["auth"] = auth
    world = WebWorld(app, auth)
    names = {
        "A": ("Ban Đối ngoại Tỉnh ủy Quảng Ninh", OrgKind.LOCAL),
        "B": ("Sở Ngoại vụ tỉnh Lạng Sơn", OrgKind.LOCAL),
        "C": ("Bộ Ngoại giao", OrgKind.MINISTRY),
        "P": ("Liên hiệp các tổ chức hữu nghị Việt Nam", OrgKind.PEOPLES_ORG),
    }
    for letter, (name, kind) in names.items():
        world.orgs[letter] = accounts.add_org(ROOT, name, kind=kind).id
    accounts.set_partner(ROOT, world.orgs["A"], world.orgs["P"], on=True)
    for username, (letter, role) in ACCOUNTS.items():
        org = world.orgs[letter] if letter else None
        accounts.add_user(ROOT, username, PASSWORD, org_id=org, role=role)
        world.principals[username] = auth.principal_for_session(
            auth.login(username, PASSWORD).token
        )
    world.principals["anonymous"] = Principal.anonymous()
    return world


def csrf_for(browser: TestClient, path: str = "/") -> str:
    """Load a page (which sets the CSRF cookie) and return the token of its forms."""
    response = browser.get(path)
    assert response.status_code == 200, response.text[:300]
    return csrf_from(response)
