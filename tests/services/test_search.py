"""Search service and index hook: ingest keeps the index in step; seeds behave as promised."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from daphuong.domain.access import Principal
from daphuong.domain.document import RawDocument
from daphuong.domain.extraction import EntityType, ExtractedEntity, ExtractionResult
from daphuong.errors import InvalidInput
from daphuong.pipeline.context import DocContext
from daphuong.pipeline.registry import StageSpec
from daphuong.pipeline.runner import Pipeline, build_pipeline
from daphuong.services.ingestion import IngestionService
from daphuong.services.search import SearchService, parse_filters, search_hook
from daphuong.store.documents import DocumentRepository
from daphuong.store.engine import Database

ADMIN = Principal.local_system()


class _Extract:
    """Stands in for the extractor: every capitalised 'Lê Hoài Trung' becomes a PERSON."""

    def __call__(self, ctx: DocContext) -> None:
        found = "Lê Hoài Trung" in ctx.raw.original_text
        entities = [ExtractedEntity(EntityType.PERSON, "Lê Hoài Trung")] if found else []
        ctx.extraction = ExtractionResult(doc=ctx.key, entities=entities)


def _ingestion(db: Database) -> IngestionService:
    pipeline = build_pipeline(["normalize", "clean"])
    return IngestionService(db, pipeline, [search_hook(db)])


def test_seeds_fold_query_finds_all_and_phrase_finds_one(db: Database, shared_dir: Path) -> None:
    summary = _ingestion(db).ingest([str(shared_dir / "seeds")])
    assert summary.ingested == 5
    service = SearchService(db)
    every = service.search("doi ngoai da phuong", who=ADMIN)
    assert every.total == 5
    phrase = service.search('"ngoại giao cây tre"', who=ADMIN)
    assert phrase.total == 1
    (hit,) = phrase.hits
    text = (shared_dir / "seeds" / f"{hit.key}.txt").read_text(encoding="utf-8")
    assert "ngoại giao cây tre" in text.lower()
    assert [hit.snippet.text[a:b] for a, b in hit.snippet.highlights] == ["Ngoại giao cây tre"]


def test_new_version_replaces_the_old_one_in_the_index(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "tin.txt"
    path.write_text("Hội nghị về hợp tác nghề cá.", encoding="utf-8")
    ingestion = _ingestion(db)
    ingestion.ingest([str(path)])
    path.write_text("Hội nghị về hợp tác giáo dục.", encoding="utf-8")
    ingestion.ingest([str(path)])
    service = SearchService(db)
    assert service.search("nghe ca", who=ADMIN).total == 0
    result = service.search("hop tac", who=ADMIN)
    assert result.total == 1
    with db.reader() as s:
        current = DocumentRepository(s).current_by_source(str(path))
    assert current is not None and result.hits[0].doc_id == current.id


def test_hook_facets_come_from_the_extraction_and_reextraction_replaces_them(
    db: Database,
) -> None:
    pipeline = build_pipeline(["normalize", "clean"])
    ingestion = IngestionService(db, pipeline, [search_hook(db)])
    ingestion.pipeline = _with_extract(pipeline)
    raw = RawDocument("Ông Lê Hoài Trung dự hội nghị.", "a.txt", "text/plain")
    ingestion.store(raw)
    service = SearchService(db)
    filters = parse_filters(["entity=le hoai trung"])
    assert service.search("hoi nghi", who=ADMIN, filters=filters).total == 1
    hook = search_hook(db)
    with db.transaction() as s:
        row = DocumentRepository(s).current_by_source("a.txt")
        assert row is not None
        hook.on_reextracted(s, row, ExtractionResult(doc=row.key))
    assert service.search("hoi nghi", who=ADMIN, filters=filters).total == 0
    with db.transaction() as s:
        hook.on_deleted(s, [row.id])
    assert service.search("hoi nghi", who=ADMIN).total == 0


def _with_extract(pipeline: Pipeline) -> Pipeline:
    spec = StageSpec("fake-extract", "0", ("raw",), ("extraction",), _Extract, "test stand-in")
    return Pipeline((*pipeline.specs, spec), (*pipeline.stages, _Extract()))


def test_reindex_keeps_facets(db: Database) -> None:
    ingestion = _ingestion(db)
    ingestion.pipeline = _with_extract(ingestion.pipeline)
    ingestion.store(RawDocument("Lê Hoài Trung phát biểu.", "b.txt", "text/plain"))
    service = SearchService(db)
    assert service.reindex() == 1
    filters = parse_filters(["entity=Lê Hoài Trung"])
    assert service.search("phat bieu", who=ADMIN, filters=filters).total == 1


def test_entity_hook_feeds_quick_find(db: Database) -> None:
    hook = search_hook(db)
    with db.transaction() as s:
        hook.upsert_entity(s, 7, "PERSON", ["Lê Hoài Trung"])
    (hit,) = SearchService(db).find_entities("le hoai", who=ADMIN)
    assert (hit.entity_id, hit.entity_type, hit.name) == (7, "PERSON", "Lê Hoài Trung")
    with db.transaction() as s:
        hook.delete_entity(s, 7)
    assert SearchService(db).find_entities("le hoai", who=ADMIN) == []


def test_quick_find_lists_the_exact_name_before_names_that_contain_it(db: Database) -> None:
    hook = search_hook(db)
    aliases = [
        "Hiệp hội các quốc gia Đông Nam Á",
        "ASEAN",
        "Association of Southeast Asian Nations",
    ]
    with db.transaction() as s:
        hook.upsert_entity(s, 1, "ORG", aliases)
        hook.upsert_entity(s, 2, "ORG", ["ASEAN Community"])
        hook.upsert_entity(s, 3, "EVENT", ["Diễn đàn Nhân dân ASEAN 2024"])
    hits = SearchService(db).find_entities("asean", who=ADMIN)
    assert [(h.entity_id, h.name) for h in hits] == [
        (1, "ASEAN"),
        (2, "ASEAN Community"),
        (3, "Diễn đàn Nhân dân ASEAN 2024"),
    ]


def test_parse_filters() -> None:
    filters = parse_filters(
        ["entity=Lê Hoài Trung", "type=person", "year=2024", "from=2024-01-02", "to=2025"]
    )
    assert filters.entities == ("le hoai trung",)
    assert filters.entity_types == ("PERSON",)
    assert filters.years == (2024,)
    assert (filters.date_from, filters.date_to) == (dt.date(2024, 1, 2), dt.date(2025, 12, 31))


@pytest.mark.parametrize(
    ("pair", "message"),
    [
        ("color=red", "KEY=VALUE"),
        ("entity", "KEY=VALUE"),
        ("type=planet", "expected one of"),
        ("year=24", "expected a year"),
        ("from=30/11/2024", "expected a date"),
    ],
)
def test_bad_filters_are_refused_clearly(pair: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        parse_filters([pair])


def test_empty_query_without_filters_and_bad_paging_are_refused(sqlite_db: Database) -> None:
    service = SearchService(sqlite_db)
    with pytest.raises(InvalidInput, match="empty query"):
        service.search("  ", who=ADMIN)
    with pytest.raises(InvalidInput, match="limit"):
        service.search("x", who=ADMIN, limit=0)
