"""registry statements: index what points at an entity by property; drop the visibility index

Revision ID: 0007_registry_perf
Revises: 0006_documents_listing
Create Date: 2026-11-23
"""

from __future__ import annotations

from alembic import op

revision = "0007_registry_perf"
down_revision = "0006_documents_listing"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """(object, prop) replaces the object index; the (visibility, owner) index misled SQLite."""
    op.create_index(
        "ix_registry_statements_object_prop",
        "registry_statements",
        ["object_entity_id", "prop"],
        unique=False,
    )
    op.drop_index("ix_registry_statements_object_entity_id", table_name="registry_statements")
    op.drop_index("ix_registry_statements_visibility_owner", table_name="registry_statements")


def downgrade() -> None:
    """Restore the 0002 indexes."""
    op.create_index(
        "ix_registry_statements_visibility_owner",
        "registry_statements",
        ["visibility", "owner_org_id"],
        unique=False,
    )
    op.create_index(
        "ix_registry_statements_object_entity_id",
        "registry_statements",
        ["object_entity_id"],
        unique=False,
    )
    op.drop_index("ix_registry_statements_object_prop", table_name="registry_statements")
