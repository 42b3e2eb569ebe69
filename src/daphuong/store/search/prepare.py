"""Turn a stored document version (and its extraction) into what the search index stores."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple, Protocol

from daphuong.domain.document import Segment
from daphuong.domain.extraction import EntityType, ExtractionResult
from daphuong.text.analyze import (
    FoldedText,
    Streams,
    Token,
    folded_text,
    marked_keys,
    name_key,
    token_streams,
    tokenize,
)
from daphuong.text.normalize import OffsetsMap, normalize

# Entities offered as a filter/facet by name: who and which organisation a document is about.
NAMED_FACET_TYPES = frozenset({EntityType.PERSON, EntityType.ORG})
MAX_FACET_CHARS = 300


class StoredVersion(Protocol):
    """The columns of a stored document version that preparing it reads (a DocumentRow has them)."""

    @property
    def id(self) -> int: ...
    @property
    def title(self) -> str | None: ...
    @property
    def outlet(self) -> str | None: ...
    @property
    def published(self) -> dt.datetime | None: ...
    @property
    def normalized_text(self) -> str: ...
    @property
    def offsets_json(self) -> str: ...
    @property
    def clutter_json(self) -> str: ...
    @property
    def visibility(self) -> str: ...
    @property
    def owner_org_id(self) -> int | None: ...


@dataclass(frozen=True, slots=True)
class FacetEntry:
    """One facet value of a document: facet name, folded key and a display label."""

    facet: str
    key: str
    label: str


class FtsText(NamedTuple):
    """A document's text columns as SQLite's FTS5 table stores them."""

    title: str  # folded title keys, space-separated
    body: str  # folded body keys, space-separated
    exact: str  # the distinct marked words, in order of first occurrence


@dataclass(slots=True)
class IndexedDocument:
    """Everything the index keeps for one current document version.

    `fts`, when set, holds the SQLite columns made ahead (`prepare_document(pack=True)`, in
    the rebuild's worker processes) and the streams are empty: only SQLite takes such a one.
    """

    doc_id: int
    visibility: str
    owner_org_id: int | None
    published: dt.datetime | None
    title: Streams = field(default_factory=lambda: Streams([], []))
    body: Streams = field(default_factory=lambda: Streams([], []))
    facets: list[FacetEntry] = field(default_factory=list)
    fts: FtsText | None = None


def fts_text(doc: IndexedDocument) -> FtsText:
    """The SQLite text columns of a document: made ahead, or joined from its streams now."""
    if doc.fts is not None:
        return doc.fts
    title, body = doc.title, doc.body
    return FtsText(
        " ".join(title.fold), " ".join(body.fold), _exact(marked_keys(title), marked_keys(body))
    )


def _exact(title: dict[str, None], body: dict[str, None]) -> str:
    """The exact column: the distinct marked words, title's first, in order of occurrence.

    A tone key is no folded key of the document exactly when it differs from its own
    token's (text.analyze.folded_text), so these are the tone keys less the folded ones.
    """
    marked = title | body
    marked.pop("", None)
    return " ".join(marked)


def _fts_columns(title: FoldedText, body: FoldedText) -> FtsText:
    return FtsText(title.folded, body.folded, _exact(title.marked, body.marked))


def _packed_body(normalized: str, offsets_json: str, clutter: Sequence[Segment]) -> FoldedText:
    if not clutter:
        return folded_text(normalized)
    offsets = OffsetsMap.from_json(json.loads(offsets_json))
    streams = body_streams(normalized, offsets, clutter)
    return FoldedText(" ".join(streams.fold), marked_keys(streams))


def body_tokens(normalized: str, offsets: OffsetsMap, clutter: Iterable[Segment]) -> list[Token]:
    """Tokens of the normalized text whose original position is outside every clutter segment."""
    tokens = tokenize(normalized)
    spans = sorted((s.start, s.end) for s in clutter)
    if not spans:
        return tokens
    kept: list[Token] = []
    i = 0
    for tok in tokens:
        start = offsets.to_original(tok.start)
        while i < len(spans) and spans[i][1] <= start:
            i += 1
        if i < len(spans) and spans[i][0] <= start < spans[i][1]:
            continue
        kept.append(tok)
    return kept


def body_streams(normalized: str, offsets: OffsetsMap, clutter: Sequence[Segment]) -> Streams:
    """Index keys of the body; the offset-free fast path when there is no clutter."""
    if not clutter:
        return token_streams(normalized)
    tokens = body_tokens(normalized, offsets, clutter)
    return Streams([t.fold for t in tokens], [t.tone for t in tokens])


def _entry(facet: str, key: str, label: str) -> FacetEntry | None:
    key = key[:MAX_FACET_CHARS]
    return FacetEntry(facet, key, label[:MAX_FACET_CHARS]) if key else None


# The same names, outlets, years and event kinds recur in every batch: folding them and
# building their entries each time cost a fifth of preparing a document.
@lru_cache(maxsize=65536)
def _named(facet: str, text: str) -> FacetEntry | None:
    return _entry(facet, name_key(text), text)


@lru_cache(maxsize=256)
def _year(year: int) -> FacetEntry | None:
    return _entry("year", str(year), str(year))


@lru_cache(maxsize=65536)
def _of_entity(kind: EntityType, text: str) -> tuple[FacetEntry | None, ...]:
    typed = _entry("type", kind.value, kind.value)
    return (typed, _named("entity", text)) if kind in NAMED_FACET_TYPES else (typed,)


def facet_entries(
    extraction: ExtractionResult | None, outlet: str | None, published: dt.datetime | None
) -> list[FacetEntry]:
    """Facet values of a document, one per (facet, key)."""
    found: list[FacetEntry | None] = []
    if outlet:
        found.append(_named("outlet", outlet))
    if published is not None:
        found.append(_year(published.year))
    if extraction is not None:
        for ent in extraction.entities:
            found.extend(_of_entity(ent.type, ent.text))
        found.extend(_named("event", event.kind) for event in extraction.events)
    unique: dict[tuple[str, str], FacetEntry] = {}
    for entry in found:
        if entry is not None:
            unique.setdefault((entry.facet, entry.key), entry)
    return list(unique.values())


def prepare_document(
    row: StoredVersion, extraction: ExtractionResult | None, *, pack: bool = False
) -> IndexedDocument:
    """The index entry for a stored version: title and body tokens (no clutter) and facets.

    With `pack`, SQLite's text columns are made instead of the token lists (the rebuild's
    workers: three strings pickle cheaper than four lists, and one folded and one marked
    lookup a token cost less than both streams, their join and the exact set's difference).
    """
    clutter = [Segment(s, e, k) for s, e, k in json.loads(row.clutter_json or "[]")]
    title = normalize(row.title).text if row.title else ""
    if pack:
        return IndexedDocument(
            doc_id=row.id,
            visibility=row.visibility,
            owner_org_id=row.owner_org_id,
            published=row.published,
            facets=facet_entries(extraction, row.outlet, row.published),
            fts=_fts_columns(
                folded_text(title), _packed_body(row.normalized_text, row.offsets_json, clutter)
            ),
        )
    # Offsets only place clutter; most documents have none, and the map can be long.
    body = (
        body_streams(
            row.normalized_text, OffsetsMap.from_json(json.loads(row.offsets_json)), clutter
        )
        if clutter
        else token_streams(row.normalized_text)
    )
    return IndexedDocument(
        doc_id=row.id,
        visibility=row.visibility,
        owner_org_id=row.owner_org_id,
        published=row.published,
        title=token_streams(title),
        body=body,
        facets=facet_entries(extraction, row.outlet, row.published),
    )
