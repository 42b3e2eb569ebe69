"""Repository for versioned documents."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from daphuong.domain.access import Principal
from daphuong.domain.document import Segment, Visibility
from daphuong.domain.records import DocumentRecord
from daphuong.ingest.dateline import VIETNAM_TZ
from daphuong.store.access import visible_clause
from daphuong.store.models import DocumentRow


@dataclass(slots=True)
class NewDocument:
    """What the ingestion service hands over to store one document version."""

    key: str
    source: str
    content_hash: str
    media_type: str
    encoding: str
    title: str | None
    outlet: str | None
    url: str | None
    published: dt.datetime | None
    original_text: str
    normalized_text: str
    offsets_json: str
    clutter: list[Segment]
    visibility: Visibility = Visibility.PUBLIC
    owner_org_id: int | None = None


def local_time(value: dt.datetime | None) -> dt.datetime | None:
    """Publication times in Vietnam time: PostgreSQL returns UTC, SQLite the naive wall time."""
    if value is None:
        return None
    if value.tzinfo is None:
        return value.replace(tzinfo=VIETNAM_TZ)
    return value.astimezone(VIETNAM_TZ)


def to_record(row: DocumentRow) -> DocumentRecord:
    """Convert a row to the domain record."""
    return DocumentRecord(
        id=row.id,
        key=row.key,
        source=row.source,
        version=row.version,
        is_current=row.is_current,
        content_hash=row.content_hash,
        media_type=row.media_type,
        title=row.title,
        outlet=row.outlet,
        url=row.url,
        published=local_time(row.published),
        original_text=row.original_text,
        normalized_text=row.normalized_text,
        visibility=Visibility(row.visibility),
        owner_org_id=row.owner_org_id,
        ingested_at=row.ingested_at,
        clutter=[Segment(s, e, k) for s, e, k in json.loads(row.clutter_json)],
    )


class DocumentRepository:
    """Queries and writes on the documents table, inside the caller's session."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def current_by_source(self, source: str) -> DocumentRow | None:
        """The current version stored for a path or URL."""
        stmt = select(DocumentRow).where(DocumentRow.source == source, DocumentRow.is_current)
        return self.session.scalars(stmt).first()

    def by_hash(self, content_hash: str) -> DocumentRow | None:
        """Any stored version with exactly this content."""
        stmt = select(DocumentRow).where(DocumentRow.content_hash == content_hash).limit(1)
        return self.session.scalars(stmt).first()

    def get(self, doc_id: int) -> DocumentRow | None:
        """A document version by id."""
        return self.session.get(DocumentRow, doc_id)

    def by_key(self, key: str) -> DocumentRow | None:
        """The current version with this key."""
        stmt = select(DocumentRow).where(DocumentRow.key == key, DocumentRow.is_current)
        return self.session.scalars(stmt).first()

    def key_taken(self, key: str) -> bool:
        """Whether any document already uses this key."""
        stmt = select(func.count()).select_from(DocumentRow).where(DocumentRow.key == key)
        return bool(self.session.scalar(stmt))

    def add(self, new: NewDocument, *, supersedes: DocumentRow | None = None) -> DocumentRow:
        """Insert a version; a superseded version stays, marked not current."""
        version = 1
        if supersedes is not None:
            supersedes.is_current = False
            version = supersedes.version + 1
            self.session.flush()
        row = DocumentRow(
            key=new.key,
            source=new.source,
            version=version,
            is_current=True,
            supersedes_id=supersedes.id if supersedes else None,
            content_hash=new.content_hash,
            media_type=new.media_type,
            encoding=new.encoding,
            title=new.title,
            outlet=new.outlet,
            url=new.url,
            published=new.published,
            original_text=new.original_text,
            normalized_text=new.normalized_text,
            offsets_json=new.offsets_json,
            clutter_json=json.dumps([[s.start, s.end, s.kind] for s in new.clutter]),
            owner_org_id=new.owner_org_id,
            visibility=new.visibility.value,
        )
        self.session.add(row)
        self.session.flush()
        return row

    def versions(self, source: str) -> list[DocumentRow]:
        """Every stored version for a source, oldest first."""
        stmt = select(DocumentRow).where(DocumentRow.source == source).order_by(DocumentRow.version)
        return list(self.session.scalars(stmt))

    def current(
        self, limit: int = 100, offset: int = 0, *, who: Principal | None = None
    ) -> list[DocumentRow]:
        """Current documents, newest ingested first; only those `who` may see when given."""
        stmt = select(DocumentRow).where(DocumentRow.is_current)
        if who is not None:
            stmt = stmt.where(visible_clause(DocumentRow.visibility, DocumentRow.owner_org_id, who))
        stmt = (
            stmt.order_by(DocumentRow.ingested_at.desc(), DocumentRow.id.desc())
            .limit(limit)
            .offset(offset)
        )
        return list(self.session.scalars(stmt))

    def count_current(self, *, who: Principal | None = None) -> int:
        """How many current documents are stored (that `who` may see, when given)."""
        stmt = select(func.count()).select_from(DocumentRow).where(DocumentRow.is_current)
        if who is not None:
            stmt = stmt.where(visible_clause(DocumentRow.visibility, DocumentRow.owner_org_id, who))
        return int(self.session.scalar(stmt) or 0)
