"""SQL form of the visibility rule in domain.access.Principal.can_see."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, and_, or_, true

from daphuong.domain.access import Principal, Role
from daphuong.domain.document import Visibility


def visible_clause(visibility: Any, owner_org_id: Any, who: Principal) -> ColumnElement[bool]:
    """A WHERE clause restricting rows to what `who` may see."""
    if who.sees_everything:
        return true()
    allowed: list[ColumnElement[bool]] = [visibility == Visibility.PUBLIC.value]
    if who.org_id is not None:
        allowed.append(owner_org_id == who.org_id)
    if who.role is Role.COORDINATOR:
        allowed.append(visibility == Visibility.SHARED.value)
    elif who.partner_of:
        allowed.append(
            and_(visibility == Visibility.SHARED.value, owner_org_id.in_(sorted(who.partner_of)))
        )
    return or_(*allowed)
