"""Who is asking: principals, roles and the visibility rule every service applies."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from daphuong.domain.document import Visibility


class Role(StrEnum):
    """Account roles, from most to least powerful."""

    ADMIN = "admin"
    COORDINATOR = "coordinator"
    EDITOR = "editor"
    VIEWER = "viewer"


@dataclass(frozen=True, slots=True)
class Principal:
    """The caller of a service; deny by default (anonymous sees public records only)."""

    user_id: int | None = None
    username: str = "anonymous"
    org_id: int | None = None
    role: Role | None = None
    # Organizations that named this principal's organization as a partner for shared records.
    partner_of: frozenset[int] = field(default_factory=frozenset)
    system: bool = False

    @classmethod
    def anonymous(cls) -> Principal:
        """A caller with no account."""
        return cls()

    @classmethod
    def local_system(cls, name: str = "cli") -> Principal:
        """The local operator (CLI on the embedded database): sees and may do everything."""
        return cls(username=name, role=Role.ADMIN, system=True)

    @property
    def sees_everything(self) -> bool:
        """Admins and the local system see every record."""
        return self.system or self.role is Role.ADMIN

    @property
    def visibility_scope(self) -> tuple[object, ...]:
        """What can_see depends on: principals with equal scopes see exactly the same records."""
        if self.sees_everything:
            return ("all",)
        coordinator = self.role is Role.COORDINATOR
        partners = () if coordinator else tuple(sorted(self.partner_of))
        return ("some", self.org_id, coordinator, partners)

    def can_see(self, visibility: Visibility, owner_org_id: int | None) -> bool:
        """The one visibility rule (the store mirrors it in SQL)."""
        if visibility is Visibility.PUBLIC or self.sees_everything:
            return True
        if self.org_id is not None and owner_org_id == self.org_id:
            return True
        if visibility is Visibility.SHARED:
            if self.role is Role.COORDINATOR:
                return True
            return owner_org_id is not None and owner_org_id in self.partner_of
        return False
