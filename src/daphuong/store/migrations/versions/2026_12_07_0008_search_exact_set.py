"""search (SQLite): exact tokens as a stored, unindexed set; ascii tokenizer over the streams

Revision ID: 0008_search_exact_set
Revises: 0007_registry_perf
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from alembic import op
from sqlalchemy import text

revision = "0008_search_exact_set"
down_revision = "0007_registry_perf"
branch_labels = None
depends_on = None

# `exact` is stored, not indexed: indexing each document's marked words cost as much as its
# folded text, and the exact-diacritics level is read for the window's documents only.
# Streams arrive folded, lower-cased and split by daphuong.text.analyze, joined by spaces: the
# ascii tokenizer only splits on those spaces (non-ASCII characters are token characters),
# and costs less than unicode61 re-classifying every character.
NEW_TABLE = (
    "CREATE VIRTUAL TABLE search_fts_next USING fts5("
    "title_f, body_f, exact UNINDEXED, meta, columnsize=0, tokenize = 'ascii')"
)
OLD_TABLE = (
    "CREATE VIRTUAL TABLE search_fts_next USING fts5("
    "title_f, body_f, title_x, body_x, meta, columnsize=0, "
    "tokenize = 'unicode61 remove_diacritics 0')"
)
_BATCH = 1000


def _copy(
    select_sql: str, insert_sql: str, convert: Callable[[Sequence[Any]], dict[str, Any]]
) -> None:
    conn = op.get_bind()
    last = None
    while True:
        where = "" if last is None else f" WHERE rowid < {int(last)}"
        rows = conn.execute(text(f"{select_sql}{where} ORDER BY rowid DESC LIMIT {_BATCH}")).all()
        if not rows:
            return
        conn.execute(text(insert_sql), [convert(r) for r in rows])
        last = rows[-1][0]


def _swap() -> None:
    op.execute("DROP TABLE search_fts")
    op.execute("ALTER TABLE search_fts_next RENAME TO search_fts")


def upgrade() -> None:
    """Rebuild search_fts: the exact streams become the set of marked words of each document."""
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(NEW_TABLE)

    def convert(row: Sequence[Any]) -> dict[str, Any]:
        key, tf, bf, tx, bx, meta = row
        folded = {*(tf or "").split(), *(bf or "").split()}
        exact = {*(tx or "").split(), *(bx or "").split()} - folded
        return {"k": key, "tf": tf, "bf": bf, "x": " ".join(exact), "m": meta}

    _copy(
        "SELECT rowid, title_f, body_f, title_x, body_x, meta FROM search_fts",
        "INSERT INTO search_fts_next(rowid, title_f, body_f, exact, meta) "
        "VALUES (:k, :tf, :bf, :x, :m)",
        convert,
    )
    _swap()


def downgrade() -> None:
    """Back to positional exact columns, left empty: run SearchService.reindex() after."""
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(OLD_TABLE)
    op.execute(
        "INSERT INTO search_fts_next(rowid, title_f, body_f, title_x, body_x, meta) "
        "SELECT rowid, title_f, body_f, '', '', meta FROM search_fts"
    )
    _swap()
