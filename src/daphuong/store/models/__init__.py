"""ORM models; importing this package registers every table on Base.metadata."""

from daphuong.store.models import search  # noqa: F401  # register tables
from daphuong.store.models.audit import AuditRow
from daphuong.store.models.base import Base
from daphuong.store.models.documents import DocumentRow, OrganizationRow

__all__ = ["AuditRow", "Base", "DocumentRow", "OrganizationRow"]
