"""What the index stores for a document: body tokens without clutter, facet values."""

from __future__ import annotations

import datetime as dt

from daphuong.domain.document import Segment
from daphuong.domain.extraction import (
    EntityType,
    ExtractedEntity,
    ExtractedEvent,
    ExtractionResult,
)
from daphuong.store.search.prepare import body_tokens, facet_entries
from daphuong.text.normalize import normalize


def test_clutter_tokens_are_dropped_using_original_offsets() -> None:
    original = "Ngoa\u0323i giao\r\nChia sẻ\r\nNội dung"
    norm = normalize(original)
    start = original.index("Chia")
    tokens = body_tokens(norm.text, norm.offsets, [Segment(start, start + 7, "share")])
    assert [t.fold for t in tokens] == ["ngoai", "giao", "noi", "dung"]


def test_facet_entries_are_unique_and_folded() -> None:
    extraction = ExtractionResult(
        doc="x",
        entities=[
            ExtractedEntity(EntityType.PERSON, "Lê Hoài Trung"),
            ExtractedEntity(EntityType.PERSON, "LÊ HOÀI TRUNG"),
            ExtractedEntity(EntityType.DATE, "30/11"),
        ],
        events=[ExtractedEvent(kind="hội thảo")],
    )
    entries = facet_entries(extraction, "Vietpeace", dt.datetime(2024, 11, 30))
    assert {(e.facet, e.key) for e in entries} == {
        ("outlet", "vietpeace"),
        ("year", "2024"),
        ("type", "PERSON"),
        ("type", "DATE"),
        ("entity", "le hoai trung"),
        ("event", "hoi thao"),
    }
    assert len(entries) == 6
