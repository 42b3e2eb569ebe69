"""merge the registry, search and coordination branches into one head

Revision ID: 0005_merge
Revises: 0002_registry, 0003_search, 0004_coordination
Create Date: 2026-11-23
"""

from __future__ import annotations

revision = "0005_merge"
down_revision = ("0002_registry", "0003_search", "0004_coordination")
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Nothing to apply: this revision only joins the branches."""


def downgrade() -> None:
    """Nothing to revert."""
