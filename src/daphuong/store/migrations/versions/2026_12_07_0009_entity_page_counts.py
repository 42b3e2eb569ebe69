"""registry fact counts: per-entity statement counts kept by triggers, for entity pages

Revision ID: 0009_entity_page_counts
Revises: 0008_search_exact_set
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_entity_page_counts"
down_revision = "0008_search_exact_set"
branch_labels = None
depends_on = None

# The group a statement counts in; no object or owner is stored as 0 so the key has no NULL
# (NULLs never conflict in a unique key, and the upsert below relies on the conflict).
_KEY = ("entity_id", "object_id", "prop", "value", "origin", "visibility", "owner_org_id")
_OBJECT_INDEX = [
    "object_id", "prop", "entity_id", "value", "visibility", "owner_org_id", "n", "last_id"
]  # fmt: skip
_NEW = (
    "{r}.entity_id, coalesce({r}.object_entity_id, 0), {r}.prop, {r}.value, {r}.origin, "
    "{r}.visibility, coalesce({r}.owner_org_id, 0)"
)
# Rows of the counts table in the group of statement {r}.
_GROUP = (
    "entity_id = {r}.entity_id AND object_id = coalesce({r}.object_entity_id, 0) "
    "AND prop = {r}.prop AND value = {r}.value AND origin = {r}.origin "
    "AND visibility = {r}.visibility AND owner_org_id = coalesce({r}.owner_org_id, 0)"
)
# Live statements in the group of statement {r} (index-friendly: no function on columns).
_MEMBERS = (
    "s.entity_id = {r}.entity_id AND s.prop = {r}.prop AND s.value = {r}.value "
    "AND s.origin = {r}.origin AND s.visibility = {r}.visibility "
    "AND s.object_entity_id {same} {r}.object_entity_id "
    "AND s.owner_org_id {same} {r}.owner_org_id AND s.status <> 'rejected'"
)


def _add(r: str, low: str, high: str) -> str:
    """Count statement `r` in its group (first sighting creates the group)."""
    return (
        f"INSERT INTO registry_fact_counts ({', '.join(_KEY)}, n, first_id, last_id) "
        f"VALUES ({_NEW.format(r=r)}, 1, {r}.id, {r}.id) "
        f"ON CONFLICT ({', '.join(_KEY)}) DO UPDATE SET n = registry_fact_counts.n + 1, "
        f"first_id = {low}(registry_fact_counts.first_id, excluded.first_id), "
        f"last_id = {high}(registry_fact_counts.last_id, excluded.last_id);"
    )


def _remove(r: str, same: str) -> str:
    """Uncount statement `r`; re-read the group's first or last id only when it was `r`."""
    group = _GROUP.format(r=r)
    members = _MEMBERS.format(r=r, same=same)
    return (
        f"UPDATE registry_fact_counts SET n = n - 1 WHERE {group};\n"
        f"DELETE FROM registry_fact_counts WHERE {group} AND n <= 0;\n"
        "UPDATE registry_fact_counts SET "
        f"first_id = (SELECT min(s.id) FROM registry_statements s WHERE {members}), "
        f"last_id = (SELECT max(s.id) FROM registry_statements s WHERE {members}) "
        f"WHERE {group} AND (first_id = {r}.id OR last_id = {r}.id);"
    )


# Columns whose change moves a statement between groups or in or out of the counts.
_WATCHED = "status, entity_id, object_entity_id, prop, value, origin, visibility, owner_org_id"

_SQLITE = [
    "CREATE TRIGGER registry_fact_counts_insert AFTER INSERT ON registry_statements "
    f"WHEN new.status <> 'rejected' BEGIN {_add('new', 'min', 'max')} END",
    "CREATE TRIGGER registry_fact_counts_delete AFTER DELETE ON registry_statements "
    f"WHEN old.status <> 'rejected' BEGIN {_remove('old', 'IS')} END",
    f"CREATE TRIGGER registry_fact_counts_update_old AFTER UPDATE OF {_WATCHED} "
    "ON registry_statements WHEN old.status <> 'rejected' "
    f"BEGIN {_remove('old', 'IS')} END",
    f"CREATE TRIGGER registry_fact_counts_update_new AFTER UPDATE OF {_WATCHED} "
    "ON registry_statements WHEN new.status <> 'rejected' "
    f"BEGIN {_add('new', 'min', 'max')} END",
]

_POSTGRES = [
    "CREATE FUNCTION registry_fact_counts_apply() RETURNS trigger AS $$\nBEGIN\n"
    "IF TG_OP IN ('DELETE', 'UPDATE') AND OLD.status <> 'rejected' THEN\n"
    f"{_remove('OLD', 'IS NOT DISTINCT FROM')}\nEND IF;\n"
    "IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status <> 'rejected' THEN\n"
    f"{_add('NEW', 'least', 'greatest')}\nEND IF;\n"
    "RETURN NULL;\nEND;\n$$ LANGUAGE plpgsql",
    "CREATE TRIGGER registry_fact_counts_insert_delete AFTER INSERT OR DELETE "
    "ON registry_statements FOR EACH ROW EXECUTE FUNCTION registry_fact_counts_apply()",
    f"CREATE TRIGGER registry_fact_counts_update AFTER UPDATE OF {_WATCHED} "
    "ON registry_statements FOR EACH ROW EXECUTE FUNCTION registry_fact_counts_apply()",
]


def upgrade() -> None:
    """The counts table, filled from existing statements, then the triggers that keep it."""
    op.create_table(
        "registry_fact_counts",
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("object_id", sa.Integer(), nullable=False),
        sa.Column("prop", sa.String(length=40), nullable=False),
        sa.Column("value", sa.String(length=1000), nullable=False),
        sa.Column("origin", sa.String(length=16), nullable=False),
        sa.Column("visibility", sa.String(length=16), nullable=False),
        sa.Column("owner_org_id", sa.Integer(), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.Column("first_id", sa.Integer(), nullable=False),
        sa.Column("last_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(*_KEY, name=op.f("pk_registry_fact_counts")),
    )
    # Covering, in GROUP BY order: an organization's people are read from the index alone.
    op.create_index("ix_registry_fact_counts_object_prop", "registry_fact_counts", _OBJECT_INDEX)
    op.execute(
        f"INSERT INTO registry_fact_counts ({', '.join(_KEY)}, n, first_id, last_id) "
        f"SELECT {_NEW.format(r='s')}, count(*), min(s.id), max(s.id) "
        "FROM registry_statements s WHERE s.status <> 'rejected' "
        f"GROUP BY {_NEW.format(r='s')}"
    )
    sqlite = op.get_bind().dialect.name == "sqlite"
    for ddl in _SQLITE if sqlite else _POSTGRES:
        op.execute(ddl)


def downgrade() -> None:
    """Drop the triggers and the table."""
    if op.get_bind().dialect.name == "sqlite":
        for name in ("insert", "delete", "update_old", "update_new"):
            op.execute(f"DROP TRIGGER registry_fact_counts_{name}")
    else:
        for name in ("insert_delete", "update"):
            op.execute(f"DROP TRIGGER registry_fact_counts_{name} ON registry_statements")
        op.execute("DROP FUNCTION registry_fact_counts_apply()")
    op.drop_index("ix_registry_fact_counts_object_prop", table_name="registry_fact_counts")
    op.drop_table("registry_fact_counts")
