"""A small world of organizations and principals shared by the coordination tests."""

from __future__ import annotations

from dataclasses import dataclass

from argon2 import PasswordHasher

from daphuong.domain.access import Principal, Role
from daphuong.domain.accounts import OrgKind
from daphuong.services.accounts import AccountService
from daphuong.services.auth import AuthService
from daphuong.store.engine import Database

# Cheap parameters: tests check behaviour, not the cost of hashing.
FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
PASSWORD = "mật-khẩu-đủ-dài"


@dataclass
class World:
    """Three organizations (B names A as partner) and one principal per role."""

    auth: AuthService
    accounts: AccountService
    org_a: int
    org_b: int
    org_c: int
    admin: Principal
    coordinator: Principal
    editor_a: Principal
    viewer_a: Principal
    editor_b: Principal
    anonymous: Principal


def make_world(db: Database) -> World:
    """Create the organizations and accounts, and log each principal in."""
    auth = AuthService(db, "test-secret", hasher=FAST_HASHER)
    accounts = AccountService(db, auth)
    root = Principal.local_system("test")
    a = accounts.add_org(root, "Ban Đối ngoại Trung ương", abbreviation="BĐNTW", kind=OrgKind.PARTY)
    b = accounts.add_org(
        root,
        "Liên hiệp các tổ chức hữu nghị Việt Nam",
        abbreviation="VUFO",
        kind=OrgKind.PEOPLES_ORG,
    )
    c = accounts.add_org(root, "Bộ Ngoại giao", abbreviation="BNG", kind=OrgKind.MINISTRY)
    accounts.set_partner(root, b.id, a.id, on=True)
    people = {
        "admin": (None, Role.ADMIN),
        "coord": (c.id, Role.COORDINATOR),
        "editor_a": (a.id, Role.EDITOR),
        "viewer_a": (a.id, Role.VIEWER),
        "editor_b": (b.id, Role.EDITOR),
    }
    principals = {}
    for name, (org, role) in people.items():
        accounts.add_user(root, name, PASSWORD, org_id=org, role=role)
        principals[name] = auth.principal_for_session(auth.login(name, PASSWORD).token)
    return World(
        auth=auth,
        accounts=accounts,
        org_a=a.id,
        org_b=b.id,
        org_c=c.id,
        admin=principals["admin"],
        coordinator=principals["coord"],
        editor_a=principals["editor_a"],
        viewer_a=principals["viewer_a"],
        editor_b=principals["editor_b"],
        anonymous=Principal.anonymous(),
    )


def add_document(
    db: Database, key: str, *, visibility: str = "public", owner_org_id: int | None = None
) -> int:
    """Store a small document directly and return its id."""
    from daphuong.domain.document import Visibility
    from daphuong.store.documents import DocumentRepository, NewDocument

    text = f"Văn bản {key}: Ban Đối ngoại Trung ương tổ chức hội nghị."
    with db.transaction() as s:
        row = DocumentRepository(s).add(
            NewDocument(
                key=key,
                source=f"{key}.txt",
                content_hash=f"hash-{key}",
                media_type="text/plain",
                encoding="utf-8",
                title=key,
                outlet=None,
                url=None,
                published=None,
                original_text=text,
                normalized_text=text,
                offsets_json="[[0, 0]]",
                clutter=[],
                visibility=Visibility(visibility),
                owner_org_id=owner_org_id,
            )
        )
        return row.id
