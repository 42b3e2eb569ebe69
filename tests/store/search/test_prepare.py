"""What the index stores for a document: body tokens without clutter, facet values."""

from __future__ import annotations

import datetime as dt
import json
import pickle
from pathlib import Path

from daphuong.domain.document import Segment
from daphuong.domain.extraction import (
    EntityType,
    ExtractedEntity,
    ExtractedEvent,
    ExtractionResult,
)
from daphuong.store.search.prepare import (
    MAX_FACET_CHARS,
    FacetEntry,
    FtsText,
    IndexedDocument,
    body_tokens,
    facet_entries,
    fts_text,
    prepare_document,
)
from daphuong.store.search.sources import SourceDoc
from daphuong.text.analyze import Streams, name_key
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


def test_facet_entries_keep_first_label_and_cut_long_names() -> None:
    long_name = "Hội " + "rất " * 100 + "dài"
    extraction = ExtractionResult(
        doc="x",
        entities=[
            ExtractedEntity(EntityType.ORG, long_name),
            ExtractedEntity(EntityType.ORG, "Hội Nông Dân"),
            ExtractedEntity(EntityType.ORG, "HỘI NÔNG DÂN"),
        ],
    )
    for _ in range(2):  # a second call answers from the caches: the same entries
        entries = facet_entries(extraction, None, None)
        assert [(e.facet, e.key, e.label) for e in entries] == [
            ("type", "ORG", "ORG"),
            ("entity", name_key(long_name)[:MAX_FACET_CHARS], long_name[:MAX_FACET_CHARS]),
            ("entity", "hoi nong dan", "Hội Nông Dân"),
        ]


def test_a_prepared_document_survives_pickling() -> None:
    """Worker processes send prepared documents back pickled."""
    title, body = Streams(["tin", "moi"], ["tin", "mới"]), Streams(["hop", "tac"], ["hợp", "tác"])
    facets = [FacetEntry("outlet", "bao moi", "Báo Mới"), FacetEntry("year", "2024", "2024")]
    doc = IndexedDocument(7, "internal", 3, dt.datetime(2024, 5, 1), title, body, facets)
    back = pickle.loads(pickle.dumps(doc))
    assert back == doc
    assert isinstance(back.title, Streams)


def test_the_columns_of_a_document_are_its_streams_joined() -> None:
    title = Streams(["tin", "hoa"], ["tin", "hòa"])
    body = Streams(["hoa", "binh", "tin"], ["hoa", "bình", "tin"])
    doc = IndexedDocument(7, "public", None, None, title, body)
    assert fts_text(doc) == ("tin hoa", "hoa binh tin", "hòa bình")  # marked words, in order


def _source(text: str, title: str | None, clutter: list[tuple[int, int]]) -> SourceDoc:
    norm = normalize(text)
    return SourceDoc(
        id=5,
        title=title,
        outlet="Báo Mới",
        published=dt.datetime(2023, 1, 2),
        normalized_text=norm.text,
        offsets_json=json.dumps(norm.offsets.to_json()) if clutter else "",
        clutter_json=json.dumps([[s, e, "share"] for s, e in clutter]),
        visibility="public",
        owner_org_id=None,
    )


def test_a_packed_document_carries_the_columns_its_streams_make(shared_dir: Path) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(shared_dir.glob("**/*.txt"))]
    sources = [_source(t, t.split("\n", 1)[0], []) for t in texts]
    sources += [_source(t, None, [(10, 400), (900, 1000)]) for t in texts]  # clutter
    sources.append(_source("Hợp tác\r\nChia sẻ", "Tin Mới", [(9, 16)]))
    for source in sources:
        streams = prepare_document(source, None)
        doc = prepare_document(source, None, pack=True)
        assert doc.fts == fts_text(streams) and isinstance(doc.fts, FtsText)
        assert doc.title == doc.body == Streams([], [])
        assert doc.facets == streams.facets
        back = pickle.loads(pickle.dumps(doc))
        assert fts_text(back) == fts_text(streams)


def test_prepare_reads_plain_columns_like_a_row() -> None:
    text = "Hợp tác\r\nChia sẻ\r\nphát triển"
    norm = normalize(text)
    start = text.index("Chia")
    source = SourceDoc(
        id=5,
        title="Tin Mới",
        outlet="Báo Mới",
        published=dt.datetime(2023, 1, 2),
        normalized_text=norm.text,
        offsets_json=json.dumps(norm.offsets.to_json()),
        clutter_json=json.dumps([[start, start + 7, "share"]]),
        visibility="public",
        owner_org_id=None,
    )
    doc = prepare_document(source, None)
    assert doc.body.fold == ["hop", "tac", "phat", "trien"]
    assert doc.title == Streams(["tin", "moi"], ["tin", "mới"])
    assert [(f.facet, f.key) for f in doc.facets] == [("outlet", "bao moi"), ("year", "2023")]
