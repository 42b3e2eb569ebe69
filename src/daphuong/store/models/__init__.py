"""ORM models; importing this package registers every table on Base.metadata."""

from daphuong.store.models import (  # noqa: F401  # register tables
    accounts,
    aid,
    coordination,
    registry,  # register tables
    search,
)
from daphuong.store.models.audit import AuditRow
from daphuong.store.models.base import Base
from daphuong.store.models.documents import DocumentRow, OrganizationRow

__all__ = ["AuditRow", "Base", "DocumentRow", "OrganizationRow"]
