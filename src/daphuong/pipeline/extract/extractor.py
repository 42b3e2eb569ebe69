"""The extractor: recognize → entities → roles → events, in ANNOTATION.md's record shape."""

from __future__ import annotations

import bisect
import datetime as dt
import unicodedata
from collections.abc import Sequence
from dataclasses import replace

from daphuong.domain.document import Segment
from daphuong.domain.extraction import ExtractionResult, Mention, Span
from daphuong.pipeline.extract.entities import build_entities
from daphuong.pipeline.extract.events import find_events
from daphuong.pipeline.extract.recognize import recognize
from daphuong.pipeline.extract.roles import find_roles
from daphuong.pipeline.extract.tokens import tokenize
from daphuong.text.normalize import Normalized, OffsetsMap, normalize

VERSION = "1.0.0"


def extract(
    text: str,
    doc_id: str,
    *,
    published: dt.date | None = None,
    clutter: Sequence[Segment] = (),
) -> ExtractionResult:
    """Everything one document yields; spans point into `text` as given."""
    return extract_with(text, doc_id, None, published=published, clutter=clutter)


def extract_with(
    text: str,
    doc_id: str,
    mentions: Sequence[Mention] | None,
    *,
    published: dt.date | None = None,
    clutter: Sequence[Segment] = (),
) -> ExtractionResult:
    """Extract with given mentions (None: recognize them); used to score roles and events alone."""
    if not text.strip():
        return ExtractionResult(doc=doc_id)
    if unicodedata.is_normalized("NFC", text):
        return _compose(text, doc_id, mentions, published, clutter)
    norm = normalize(text)
    inner = _compose(
        norm.text,
        doc_id,
        None if mentions is None else [_mention_to_normalized(m, norm) for m in mentions],
        published,
        [_segment_to_normalized(s, norm.offsets) for s in clutter],
    )
    return _to_original(inner, norm.offsets)


def _compose(
    text: str,
    doc_id: str,
    mentions: Sequence[Mention] | None,
    published: dt.date | None,
    clutter: Sequence[Segment],
) -> ExtractionResult:
    found = list(mentions) if mentions is not None else recognize(text, published=published)
    tokens = tokenize(text)
    return ExtractionResult(
        doc=doc_id,
        entities=build_entities(found),
        roles=find_roles(text, tokens, found),
        events=find_events(text, tokens, found, published=published, clutter=clutter),
    )


def _to_normalized(offsets: OffsetsMap, pos: int) -> int:
    """The normalized offset whose original offset is the first at or after `pos`."""
    return bisect.bisect_left(range(offsets.norm_length + 1), pos, key=offsets.to_original)


def _segment_to_normalized(seg: Segment, offsets: OffsetsMap) -> Segment:
    return Segment(_to_normalized(offsets, seg.start), _to_normalized(offsets, seg.end), seg.kind)


def _mention_to_normalized(m: Mention, norm: Normalized) -> Mention:
    start, end = _to_normalized(norm.offsets, m.start), _to_normalized(norm.offsets, m.end)
    return replace(m, start=start, end=end, text=norm.text[start:end])


def _span(span: Span, offsets: OffsetsMap) -> Span:
    start, end = offsets.span_to_original(span.start, span.end)
    return Span(start, end)


def _to_original(result: ExtractionResult, offsets: OffsetsMap) -> ExtractionResult:
    """Map every span of a result computed on normalized text back to the original text."""
    for entity in result.entities:
        entity.mentions = [_span(s, offsets) for s in entity.mentions]
    for role in result.roles:
        role.mentions = [_span(s, offsets) for s in role.mentions]
    for event in result.events:
        event.mentions = [_span(s, offsets) for s in event.mentions]
    return result
