"""Build stored, indexed documents for the search backend tests."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

from sqlalchemy.orm import Session

from daphuong.domain.document import Segment, Visibility
from daphuong.domain.extraction import ExtractionResult
from daphuong.store.documents import DocumentRepository, NewDocument
from daphuong.store.search import SearchIndex
from daphuong.store.search.prepare import prepare_document
from daphuong.text.normalize import normalize


def add_doc(  # noqa: PLR0913  # a test builder: every field a test may vary
    session: Session,
    index: SearchIndex,
    text: str,
    *,
    title: str | None = None,
    outlet: str | None = None,
    published: dt.datetime | None = None,
    visibility: Visibility = Visibility.PUBLIC,
    owner_org_id: int | None = None,
    clutter: tuple[Segment, ...] = (),
    extraction: ExtractionResult | None = None,
) -> int:
    """Store one document version and index it; returns its id."""
    norm = normalize(text)
    digest = hashlib.sha256(text.encode()).hexdigest()
    row = DocumentRepository(session).add(
        NewDocument(
            key=f"d-{digest[:10]}",
            source=f"{digest[:10]}.txt",
            content_hash=digest,
            media_type="text/plain",
            encoding="utf-8",
            title=title,
            outlet=outlet,
            url=None,
            published=published,
            original_text=text,
            normalized_text=norm.text,
            offsets_json=json.dumps(norm.offsets.to_json()),
            clutter=list(clutter),
            visibility=visibility,
            owner_org_id=owner_org_id,
        )
    )
    index.index_document(session, prepare_document(row, extraction))
    return row.id
