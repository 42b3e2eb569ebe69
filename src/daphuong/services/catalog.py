"""Documents for reading: listings, and one document with its entity spans highlighted."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Generic, TypeVar

from sqlalchemy.orm import Session

from daphuong.domain.access import Principal
from daphuong.domain.records import DocumentRecord
from daphuong.errors import InvalidInput, NotFound
from daphuong.services.read_cache import ReadCache
from daphuong.store.documents import DocumentRepository, to_record
from daphuong.store.engine import Database

MAX_PAGE_SIZE = 200
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Highlight:
    """A typed span of the original text to mark, linked to the fact it supports."""

    start: int
    end: int
    type: str
    label: str = ""
    entity_id: int | None = None
    statement_id: int | None = None

    @property
    def anchor(self) -> str:
        """The fragment id every fact links to: span-START-END."""
        return f"span-{self.start}-{self.end}"


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of text to render: plain, a marked entity, or an empty anchor before text."""

    text: str
    mark: Highlight | None = None
    anchors: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """One row of a document listing."""

    id: int
    key: str
    title: str
    outlet: str | None
    published: dt.datetime | None
    ingested_at: dt.datetime
    version: int
    visibility: str


@dataclass(slots=True)
class Fact:
    """A role, event or other statement shown beside the text, with its confidence."""

    id: int
    kind: str
    summary: str
    confidence: float
    review_state: str
    anchor: str | None = None
    entity_id: int | None = None


@dataclass(slots=True)
class DocumentView:
    """A document ready to read: metadata, text pieces with marks, and its facts."""

    document: DocumentRecord
    pieces: list[Piece]
    highlights: list[Highlight]
    facts: list[Fact] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of results with the total, for paging links."""

    items: list[T]
    total: int
    limit: int
    offset: int

    @property
    def has_next(self) -> bool:
        """Whether another page follows."""
        return self.offset + len(self.items) < self.total


# Where highlights and facts come from: the registry's statements for a document.
HighlightSource = Callable[[Session, int], tuple[list[Highlight], list[Fact]]]


def no_highlights(_session: Session, _doc_id: int) -> tuple[list[Highlight], list[Fact]]:
    """A source with nothing to show (before the registry has statements)."""
    return [], []


def check_paging(limit: int, offset: int) -> None:
    """Refuse page sizes and offsets no page could have."""
    if not 1 <= limit <= MAX_PAGE_SIZE:
        raise InvalidInput(f"limit must be between 1 and {MAX_PAGE_SIZE}")
    if offset < 0:
        raise InvalidInput("offset must not be negative")


def summarize(record: DocumentRecord) -> DocumentSummary:
    """The listing form of a document record."""
    return DocumentSummary(
        id=record.id,
        key=record.key,
        title=record.title or record.key,
        outlet=record.outlet,
        published=record.published,
        ingested_at=record.ingested_at,
        version=record.version,
        visibility=record.visibility.value,
    )


def outermost(highlights: Iterable[Highlight], length: int) -> list[Highlight]:
    """Non-overlapping marks, longest first where spans nest or overlap."""
    ordered = sorted(
        (h for h in highlights if 0 <= h.start < h.end <= length),
        key=lambda h: (h.start, -h.end),
    )
    kept: list[Highlight] = []
    for h in ordered:
        if kept and h.start < kept[-1].end:
            continue
        kept.append(h)
    return kept


def split_text(text: str, highlights: Sequence[Highlight]) -> list[Piece]:
    """Cut the text into plain and marked pieces; nested spans become anchors."""
    marks = outermost(highlights, len(text))
    mark_ids = {m.anchor for m in marks}
    anchors_at: dict[int, list[str]] = {}
    for h in highlights:
        if h.anchor not in mark_ids and 0 <= h.start <= len(text):
            bucket = anchors_at.setdefault(h.start, [])
            if h.anchor not in bucket:
                bucket.append(h.anchor)
    cuts = sorted({0, len(text), *anchors_at, *(m.start for m in marks), *(m.end for m in marks)})
    by_start = {m.start: m for m in marks}
    pieces: list[Piece] = []
    open_mark: Highlight | None = None
    for a, b in pairwise(cuts):
        if a in by_start:
            open_mark = by_start[a]
        if open_mark is not None and a >= open_mark.end:
            open_mark = None
        pieces.append(Piece(text[a:b], open_mark, tuple(anchors_at.get(a, ()))))
    return pieces


class CatalogService:
    """Read-side use cases for documents, filtered by what the caller may see."""

    def __init__(
        self,
        db: Database,
        highlight_source: HighlightSource = no_highlights,
        cache: ReadCache | None = None,
    ) -> None:
        self.db = db
        self.highlight_source = highlight_source
        self.cache = cache

    def list_documents(
        self, who: Principal, *, limit: int = 20, offset: int = 0
    ) -> Page[DocumentSummary]:
        """Current documents, newest ingested first."""
        check_paging(limit, offset)
        with self.db.reader() as session:
            repo = DocumentRepository(session)
            # Filtered in SQL: the total and the pages count only what the caller may see.
            rows = repo.current(limit=limit, offset=offset, who=who)
            total = repo.count_current(who=who)
            items = [summarize(to_record(r)) for r in rows]
        return Page(items, total, limit, offset)

    def get_record(self, who: Principal, doc_id: int) -> DocumentRecord:
        """One document version, or NotFound when absent or not visible."""
        with self.db.reader() as session:
            row = DocumentRepository(session).get(doc_id)
            if row is None:
                raise NotFound(f"document {doc_id} not found")
            record = to_record(row)
        if not who.can_see(record.visibility, record.owner_org_id):
            raise NotFound(f"document {doc_id} not found")
        return record

    def read(self, who: Principal, doc_id: int) -> DocumentView:
        """A document with its entity spans highlighted and its facts listed.

        With a cache, the view is shared with later callers of the same scope: do not change it.
        """
        if self.cache is None:
            return self._read(who, doc_id)
        return self.cache.get(("document", doc_id), who, lambda: self._read(who, doc_id))

    def _read(self, who: Principal, doc_id: int) -> DocumentView:
        with self.db.reader() as session:  # one session: the page's reads see one snapshot
            row = DocumentRepository(session).get(doc_id)
            record = to_record(row) if row is not None else None
            if record is None or not who.can_see(record.visibility, record.owner_org_id):
                raise NotFound(f"document {doc_id} not found")
            highlights, facts = self.highlight_source(session, doc_id)
        pieces = split_text(record.original_text, highlights)
        return DocumentView(record, pieces, highlights, facts)
