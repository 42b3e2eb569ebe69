"""index current documents by ingest time for listing pages

Revision ID: 0006_documents_listing
Revises: 0005_merge
Create Date: 2026-11-23
"""

from __future__ import annotations

from alembic import op

revision = "0006_documents_listing"
down_revision = "0005_merge"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the listing index."""
    op.create_index(
        "ix_documents_current_ingested", "documents", ["is_current", "ingested_at"], unique=False
    )


def downgrade() -> None:
    """Drop the listing index."""
    op.drop_index("ix_documents_current_ingested", table_name="documents")
