"""Read current document versions for an index rebuild: only the columns preparing them needs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import NamedTuple

from sqlalchemy import case, select
from sqlalchemy.orm import Session

from daphuong.store.models import DocumentRow


class SourceDoc(NamedTuple):
    """A stored version's columns that preparing reads, as plain values (sent to workers)."""

    id: int
    title: str | None
    outlet: str | None
    published: dt.datetime | None
    normalized_text: str
    offsets_json: str  # "" where the version has no clutter: only clutter needs the offsets
    clutter_json: str
    visibility: str
    owner_org_id: int | None


_COLUMNS = (
    DocumentRow.id,
    DocumentRow.title,
    DocumentRow.outlet,
    DocumentRow.published,
    DocumentRow.normalized_text,
    # The offsets map can be longer than the text; it is read only to place clutter.
    case((DocumentRow.clutter_json == "[]", ""), else_=DocumentRow.offsets_json),
    DocumentRow.clutter_json,
    DocumentRow.visibility,
    DocumentRow.owner_org_id,
)


def current_sources(session: Session, *, after: int, limit: int) -> list[SourceDoc]:
    """Up to `limit` current versions with id > after, by id (keyset paging stays linear)."""
    stmt = (
        select(*_COLUMNS)
        .where(DocumentRow.is_current, DocumentRow.id > after)
        .order_by(DocumentRow.id)
        .limit(limit)
    )
    return [SourceDoc(*row) for row in session.execute(stmt).all()]


def still_current(session: Session, doc_ids: Sequence[int]) -> set[int]:
    """Those of these versions that are still current (not superseded or deleted since)."""
    if not doc_ids:
        return set()
    stmt = select(DocumentRow.id).where(DocumentRow.id.in_(doc_ids), DocumentRow.is_current)
    return set(session.scalars(stmt).all())
