"""AccountService: organizations, partners, users, audit log access."""

from __future__ import annotations

import pytest

from daphuong.domain.access import Principal, Role
from daphuong.domain.accounts import OrgKind
from daphuong.errors import Conflict, InvalidInput, PermissionDenied
from daphuong.store.engine import Database
from tests.services.coordination_world import PASSWORD, World, make_world


@pytest.fixture
def world(db: Database) -> World:
    return make_world(db)


def test_units_hang_under_their_parent(world: World) -> None:
    unit = world.accounts.add_org(
        world.admin, "Vụ Hợp tác đa phương", kind=OrgKind.UNIT, parent_id=world.org_a
    )
    assert world.accounts.org(unit.id).parent_id == world.org_a
    with pytest.raises(InvalidInput):
        world.accounts.add_org(world.admin, "Vụ X", parent_id=9999)


def test_only_admins_manage_orgs_and_users(world: World) -> None:
    with pytest.raises(PermissionDenied):
        world.accounts.add_org(world.coordinator, "Hội hữu nghị Việt - Lào")
    with pytest.raises(PermissionDenied):
        world.accounts.add_user(world.editor_a, "x", PASSWORD, org_id=world.org_a, role=Role.VIEWER)


def test_duplicate_names_conflict(world: World) -> None:
    with pytest.raises(Conflict):
        world.accounts.add_org(world.admin, "Bộ Ngoại giao")
    with pytest.raises(Conflict):
        world.accounts.add_user(
            world.admin, "viewer_a", PASSWORD, org_id=world.org_a, role=Role.VIEWER
        )


def test_non_admin_accounts_need_an_organization(world: World) -> None:
    with pytest.raises(InvalidInput):
        world.accounts.add_user(world.admin, "lonely", PASSWORD, org_id=None, role=Role.EDITOR)


def test_editor_names_partners_for_own_org_only(world: World) -> None:
    assert world.accounts.set_partner(world.editor_a, world.org_a, world.org_c, on=True)
    assert not world.accounts.set_partner(world.editor_a, world.org_a, world.org_c, on=True)
    assert world.accounts.org(world.org_a).partner_ids == [world.org_c]
    with pytest.raises(PermissionDenied):
        world.accounts.set_partner(world.editor_a, world.org_b, world.org_c, on=True)
    with pytest.raises(PermissionDenied):
        world.accounts.set_partner(world.viewer_a, world.org_a, world.org_b, on=True)


def test_partner_link_changes_what_the_partner_sees_at_next_login(world: World) -> None:
    world.accounts.set_partner(world.admin, world.org_b, world.org_a, on=False)
    token = world.auth.login("editor_a", PASSWORD).token
    assert world.auth.principal_for_session(token).partner_of == frozenset()


def test_users_list_is_limited_to_own_org_for_non_admins(world: World) -> None:
    names = {u.username for u in world.accounts.users(world.viewer_a)}
    assert names == {"editor_a", "viewer_a"}
    assert len(world.accounts.users(world.admin)) == 5
    with pytest.raises(PermissionDenied):
        world.accounts.users(Principal.anonymous())


def test_audit_log_records_who_what_before_after_and_is_admin_only(world: World) -> None:
    uid = world.viewer_a.user_id
    assert uid is not None
    world.accounts.update_user(world.admin, uid, role=Role.EDITOR)
    entry = world.accounts.audit_log(world.admin, target_type="user", target_id=str(uid))[0]
    assert (entry.actor, entry.action) == ("admin", "user.update")
    assert entry.before == {"role": "viewer", "active": True}
    assert entry.after["role"] == "editor"  # type: ignore[index]
    with pytest.raises(PermissionDenied):
        world.accounts.audit_log(world.coordinator)


def test_password_change_by_self_ends_sessions(world: World) -> None:
    token = world.auth.login("viewer_a", PASSWORD).token
    uid = world.viewer_a.user_id
    assert uid is not None
    world.accounts.update_user(world.viewer_a, uid, password="một-mật-khẩu-mới")
    assert world.auth.principal_for_session(token).username == "anonymous"
    assert world.auth.login("viewer_a", "một-mật-khẩu-mới").user_id == uid
    with pytest.raises(PermissionDenied):
        world.accounts.update_user(world.viewer_a, uid, role=Role.ADMIN)
