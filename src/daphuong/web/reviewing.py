"""Who may confirm or reject extracted facts from the web."""

from __future__ import annotations

from daphuong.domain.access import Principal, Role

REVIEW_ROLES = frozenset({Role.ADMIN, Role.COORDINATOR, Role.EDITOR})


def may_review(who: Principal) -> bool:
    """Editors and above (and the local operator) may decide on proposals."""
    return who.sees_everything or who.role in REVIEW_ROLES
