"""Turn a stored document version (and its extraction) into what the search index stores."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from daphuong.domain.document import Segment
from daphuong.domain.extraction import EntityType, ExtractionResult
from daphuong.store.models import DocumentRow
from daphuong.text.analyze import Streams, Token, name_key, token_streams, tokenize
from daphuong.text.normalize import OffsetsMap, normalize

# Entities offered as a filter/facet by name: who and which organisation a document is about.
NAMED_FACET_TYPES = frozenset({EntityType.PERSON, EntityType.ORG})
MAX_FACET_CHARS = 300
# The same names, outlets and event kinds recur in every batch: folding them each time cost
# a fifth of preparing a document.
_facet_key = lru_cache(maxsize=65536)(name_key)


@dataclass(frozen=True, slots=True)
class FacetEntry:
    """One facet value of a document: facet name, folded key and a display label."""

    facet: str
    key: str
    label: str


@dataclass(slots=True)
class IndexedDocument:
    """Everything the index keeps for one current document version."""

    doc_id: int
    visibility: str
    owner_org_id: int | None
    published: dt.datetime | None
    title: Streams = field(default_factory=lambda: Streams([], []))
    body: Streams = field(default_factory=lambda: Streams([], []))
    facets: list[FacetEntry] = field(default_factory=list)


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


def facet_entries(
    extraction: ExtractionResult | None, outlet: str | None, published: dt.datetime | None
) -> list[FacetEntry]:
    """Facet values of a document, one per (facet, key)."""
    found: list[FacetEntry | None] = []
    if outlet:
        found.append(_entry("outlet", _facet_key(outlet), outlet))
    if published is not None:
        found.append(_entry("year", str(published.year), str(published.year)))
    if extraction is not None:
        for ent in extraction.entities:
            found.append(_entry("type", ent.type.value, ent.type.value))
            if ent.type in NAMED_FACET_TYPES:
                found.append(_entry("entity", _facet_key(ent.text), ent.text))
        for event in extraction.events:
            found.append(_entry("event", _facet_key(event.kind), event.kind))
    unique: dict[tuple[str, str], FacetEntry] = {}
    for entry in found:
        if entry is not None:
            unique.setdefault((entry.facet, entry.key), entry)
    return list(unique.values())


def prepare_document(row: DocumentRow, extraction: ExtractionResult | None) -> IndexedDocument:
    """The index entry for a stored version: title and body tokens (no clutter) and facets."""
    clutter = [Segment(s, e, k) for s, e, k in json.loads(row.clutter_json or "[]")]
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
        title=token_streams(normalize(row.title).text if row.title else ""),
        body=body,
        facets=facet_entries(extraction, row.outlet, row.published),
    )
