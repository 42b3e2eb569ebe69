"""The catalogue: splitting text around highlights, listing and reading documents."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from daphuong.domain.access import Principal
from daphuong.domain.document import RawDocument, Visibility
from daphuong.errors import InvalidInput, NotFound
from daphuong.pipeline.runner import build_pipeline
from daphuong.services.catalog import CatalogService, Highlight, outermost, split_text
from daphuong.services.ingestion import IngestionService
from daphuong.store.engine import Database

TEXT = "Ông Vũ Anh Quang, Vụ trưởng Vụ Các Tổ chức quốc tế, Bộ Ngoại giao."


def test_marks_cover_exactly_the_highlighted_text() -> None:
    person = Highlight(4, 16, "PERSON")
    org = Highlight(28, 50, "ORG")
    pieces = split_text(TEXT, [org, person])
    marked = [(p.text, p.mark.type) for p in pieces if p.mark]
    assert marked == [("Vũ Anh Quang", "PERSON"), ("Vụ Các Tổ chức quốc tế", "ORG")]


def test_nested_span_becomes_an_anchor_inside_the_outer_mark() -> None:
    outer = Highlight(28, 65, "ORG")  # "Vụ Các … Bộ Ngoại giao"
    inner = Highlight(52, 65, "ORG")  # "Bộ Ngoại giao"
    pieces = split_text(TEXT, [inner, outer])
    assert [p.mark.anchor for p in pieces if p.mark] == ["span-28-65", "span-28-65"]
    assert [p.anchors for p in pieces if p.anchors] == [("span-52-65",)]


def test_out_of_range_highlights_are_ignored() -> None:
    assert outermost([Highlight(5, 500, "ORG"), Highlight(3, 3, "ORG")], len(TEXT)) == []


spans = st.lists(st.tuples(st.integers(0, 80), st.integers(1, 40)), max_size=12)


@given(st.text(max_size=80), spans)
def test_pieces_put_back_together_give_the_text(text: str, raw: list[tuple[int, int]]) -> None:
    highlights = [Highlight(s, s + n, "ORG") for s, n in raw]
    pieces = split_text(text, highlights)
    assert "".join(p.text for p in pieces) == text
    position = 0
    for piece in pieces:
        if piece.mark is not None:
            assert piece.mark.start <= position < piece.mark.end
        position += len(piece.text)


@given(st.text(min_size=1, max_size=60), spans)
def test_marks_never_overlap(text: str, raw: list[tuple[int, int]]) -> None:
    kept = outermost([Highlight(s, s + n, "ORG") for s, n in raw], len(text))
    for a, b in pairwise(kept):
        assert a.end <= b.start


def _store(db: Database, text: str, source: str, visibility: Visibility) -> None:
    service = IngestionService(db, build_pipeline(["normalize", "clean"]))
    service.store(RawDocument(text, source, "text/plain"), visibility=visibility)


def test_listing_hides_documents_the_caller_may_not_see(db: Database) -> None:
    _store(db, "Công khai.", "a.txt", Visibility.PUBLIC)
    _store(db, "Nội bộ.", "b.txt", Visibility.INTERNAL)
    catalog = CatalogService(db)
    anonymous = catalog.list_documents(Principal.anonymous())
    everything = catalog.list_documents(Principal.local_system())
    assert [d.key for d in anonymous.items] == ["a"]
    assert {d.key for d in everything.items} == {"a", "b"}


def test_reading_a_hidden_document_is_not_found(db: Database) -> None:
    _store(db, "Nội bộ.", "b.txt", Visibility.INTERNAL)
    catalog = CatalogService(db)
    doc_id = catalog.list_documents(Principal.local_system()).items[0].id
    with pytest.raises(NotFound):
        catalog.read(Principal.anonymous(), doc_id)
    assert catalog.read(Principal.local_system(), doc_id).document.original_text == "Nội bộ."


@pytest.mark.parametrize(("limit", "offset"), [(0, 0), (201, 0), (10, -1)])
def test_impossible_pages_are_refused(sqlite_db: Database, limit: int, offset: int) -> None:
    with pytest.raises(InvalidInput):
        CatalogService(sqlite_db).list_documents(Principal.anonymous(), limit=limit, offset=offset)
