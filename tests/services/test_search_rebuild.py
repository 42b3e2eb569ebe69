"""Index rebuild: worker processes give the same index as one process, in order, bounded."""

from __future__ import annotations

import datetime as dt
import multiprocessing
from collections.abc import Iterator, Sequence

import pytest
from sqlalchemy import text

from daphuong.domain.access import Principal, Role
from daphuong.domain.document import Segment, Visibility
from daphuong.domain.extraction import (
    EntityType,
    ExtractedEntity,
    ExtractedEvent,
    ExtractionResult,
)
from daphuong.services import search_rebuild
from daphuong.services.search import SearchService, parse_filters
from daphuong.services.search_rebuild import (
    Job,
    PrepareFailed,
    prepare_chunk,
    prepared,
    rebuild,
    transactions,
    workers_for,
    write_batch,
)
from daphuong.store.documents import DocumentRepository
from daphuong.store.engine import Database
from daphuong.store.models import OrganizationRow
from daphuong.store.search import SearchIndex, make_index
from daphuong.store.search.postgres_bulk import drop_text_index
from daphuong.store.search.prepare import IndexedDocument, facet_entries
from daphuong.store.search.sources import SourceDoc, current_sources
from tests.store.search.helpers import add_doc
from tests.store.search.test_postgres_bulk import has_text_index

ADMIN = Principal.local_system()
VIEWER = Principal(user_id=9, org_id=2, role=Role.VIEWER)
# Words of my own, so documents share some and differ in others (and in their marks).
WORDS = ["hợp tác", "phát triển", "giáo dục", "nghề cá", "hòa bình", "đường", "dương", "y tế"]
PEOPLE = ["Trần Văn Nam", "Lê Thị Hương", "Phạm Minh Sơn"]
OUTLETS = ["Báo Mới", "Tin Nhanh", "Thời Sự"]
N = 23


def _extraction(i: int) -> ExtractionResult:
    person = ExtractedEntity(EntityType.PERSON, PEOPLE[i % 3])
    org = ExtractedEntity(EntityType.ORG, "Hội Hữu nghị") if i % 4 == 0 else None
    return ExtractionResult(
        doc=f"d{i}",
        entities=[person, *([org] if org else [])],
        events=[ExtractedEvent(kind="hội thảo" if i % 2 else "tọa đàm")],
    )


def _store(db: Database, index: SearchIndex) -> list[int]:
    """N varied documents (dates, none, visibility, clutter, titles), then an empty index."""
    ids = []
    with db.transaction() as s:
        s.add(OrganizationRow(id=1, name="Bộ Một"))
        s.flush()
        for i in range(N):
            body = f"Bài {i}: " + " ".join(WORDS[(i + k) % len(WORDS)] for k in range(1 + i % 5))
            share = " Chia sẻ bài viết" if i % 6 == 0 else ""
            start = len(body) + 1
            internal = i % 5 == 0
            ids.append(
                add_doc(
                    s,
                    index,
                    body + "." + share,
                    title=f"Tin {WORDS[i % len(WORDS)]} số {i}" if i % 7 else None,
                    outlet=OUTLETS[i % 3],
                    published=dt.datetime(2020 + i % 4, 1 + i % 12, 1 + i, 8, i) if i % 9 else None,
                    visibility=Visibility.INTERNAL if internal else Visibility.PUBLIC,
                    owner_org_id=1 if internal else None,
                    clutter=(Segment(start, start + len(share) - 1, "share"),) if share else (),
                )
            )
        index.remove_documents(s, ids)
        assert index.indexed_count(s) == 0
    return ids


def _snapshot(db: Database) -> dict[str, list[tuple[str, ...]]]:
    """Every row the index keeps, as text, in a stable order."""
    reads = {
        "docs": "SELECT * FROM search_docs ORDER BY sort_key",
        "facets": "SELECT doc_key, value_id FROM search_facets ORDER BY doc_key, value_id",
        "values": "SELECT id, facet, key, label FROM search_facet_values ORDER BY id",
    }
    if db.dialect == "sqlite":
        reads["fts"] = "SELECT rowid, title_f, body_f, exact, meta FROM search_fts ORDER BY rowid"
    with db.reader() as s:
        return {
            name: [tuple(map(str, row)) for row in s.execute(text(sql)).all()]
            for name, sql in reads.items()
        }


def _unordered_meta(snapshot: dict[str, list[tuple[str, ...]]]) -> object:
    """The snapshot with each document's meta tokens as a set (facet order aside)."""
    fts = [(*row[:-1], frozenset(row[-1].split())) for row in snapshot.get("fts", [])]
    return {**snapshot, "fts": fts}


def _results(db: Database) -> list[tuple[int, object, object]]:
    service = SearchService(db)
    out: list[tuple[int, object, object]] = []
    for query, who, filters in [
        ("hop tac", ADMIN, []),
        ("đường", VIEWER, []),
        ('"phat trien" -nghe', ADMIN, []),
        ("giao*", VIEWER, ["entity=Lê Thị Hương"]),
        ("", ADMIN, ["event=hội thảo"]),
    ]:
        result = service.search(query, who=who, filters=parse_filters(filters), limit=50)
        out.append(
            (result.total, result.facets, [(h.doc_id, h.score, h.snippet) for h in result.hits])
        )
    return out


def _clear(db: Database, index: SearchIndex, ids: list[int]) -> None:
    with db.transaction() as s:
        index.remove_documents(s, ids)
        assert index.indexed_count(s) == 0


def test_workers_build_the_same_index_as_one_process(db: Database) -> None:
    index = make_index(db.dialect)
    ids = _store(db, index)
    extractions = {doc_id: _extraction(i) for i, doc_id in enumerate(ids)}
    one = rebuild(db, index, workers=1, batch=4, extractions=extractions.get)
    serial, serial_results = _snapshot(db), _results(db)
    _clear(db, index, ids)
    two = rebuild(db, index, workers=2, batch=4, extractions=extractions.get)
    assert one == two == N
    assert _snapshot(db) == serial
    assert _results(db) == serial_results
    # The service's rebuild keeps the stored facets (read back in another order).
    assert SearchService(db).reindex(batch=5, workers=2) == N
    assert _unordered_meta(_snapshot(db)) == _unordered_meta(serial)
    assert _results(db) == serial_results
    assert any(total for total, _facets, _hits in serial_results)  # the queries do match


def test_the_rebuild_indexes_as_ingest_does(db: Database) -> None:
    # The rebuild's workers make SQLite's text columns ahead; ingest joins the streams when
    # writing: both must leave the same rows and give the same results.
    index = make_index(db.dialect)
    ids = _store(db, index)
    extractions = {doc_id: _extraction(i) for i, doc_id in enumerate(ids)}
    rebuild(db, index, workers=2, batch=4, extractions=extractions.get)
    rebuilt, results = _snapshot(db), _results(db)
    _clear(db, index, ids)
    with db.reader() as s:
        sources = current_sources(s, after=0, limit=N)
    jobs = [(d, facet_entries(extractions[d.id], d.outlet, d.published)) for d in sources]
    for doc in prepare_chunk(jobs):  # one document a transaction, streams unjoined
        assert doc.fts is None
        with db.transaction() as s:
            index.index_document(s, doc)
    assert _snapshot(db) == rebuilt
    assert _results(db) == results


def test_rebuild_skips_versions_no_longer_current(db: Database) -> None:
    index = make_index(db.dialect)
    ids = _store(db, index)
    jobs: list[Job] = []
    with db.reader() as s:
        rows = [DocumentRepository(s).get(i) for i in ids[:3]]
        jobs = [(_source(r), None) for r in rows if r is not None]
    with db.transaction() as s:
        gone = DocumentRepository(s).get(ids[1])
        assert gone is not None
        gone.is_current = False
    (docs,) = prepared([jobs], workers=1)
    with db.transaction() as s:
        assert write_batch(s, index, docs, stored_facets=True) == 2
    with db.reader() as s:
        assert index.indexed_count(s) == 2


def _source(row: object) -> SourceDoc:
    return SourceDoc(*(getattr(row, f) for f in SourceDoc._fields))


def _job(doc_id: int, body: object = "Hợp tác phát triển") -> Job:
    source = SourceDoc(doc_id, "Tin", "Báo", None, body, "", "[]", "public", None)  # type: ignore[arg-type]  # a broken row on purpose
    return (source, None)


@pytest.mark.parametrize("workers", [1, 2])
def test_a_failure_names_its_document(workers: int) -> None:
    chunks = [[_job(1), _job(2)], [_job(3), _job(4, body=None)], [_job(5)]]
    with pytest.raises(PrepareFailed) as failed:
        list(prepared(chunks, workers))
    assert failed.value.doc_id == 4
    assert "document 4" in failed.value.message


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_chunks_come_back_in_order_with_bounded_read_ahead(
    method: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"{method} not available here")
    monkeypatch.setattr(search_rebuild, "_context", lambda: multiprocessing.get_context(method))
    pulled = 0

    def chunks() -> Iterator[Sequence[Job]]:
        nonlocal pulled
        for start in range(1, 41, 4):
            pulled += 1
            yield [_job(i) for i in range(start, start + 4)]

    seen: list[int] = []
    for returned, docs in enumerate(prepared(chunks(), workers=2), start=1):
        assert pulled - returned <= 2 * 2  # read ahead at most two chunks per worker
        seen += [d.doc_id for d in docs]
    assert seen == list(range(1, 41))
    assert all(d.body.fold == ["hop", "tac", "phat", "trien"] for d in docs)


def test_transactions_join_whole_chunks_in_order() -> None:
    docs = [IndexedDocument(i, "public", None, None) for i in range(7)]
    chunks = [docs[0:2], docs[2:4], docs[4:6], docs[6:7]]
    assert [[d.doc_id for d in t] for t in transactions(chunks, 3)] == [
        [0, 1, 2, 3],
        [4, 5, 6],
    ]
    assert list(transactions(chunks, 0)) == chunks  # PostgreSQL: a transaction a chunk


def test_zero_workers_means_one_per_cpu() -> None:
    assert workers_for(0) == (multiprocessing.cpu_count() or 1)
    assert workers_for(3) == 3


def _rebuilt(db: Database) -> tuple[SearchIndex, list[int], dict[int, ExtractionResult]]:
    """The stored documents indexed by a rebuild: the index, their ids and extractions."""
    index = make_index(db.dialect)
    ids = _store(db, index)
    extractions = {doc_id: _extraction(i) for i, doc_id in enumerate(ids)}
    rebuild(db, index, workers=1, batch=4, extractions=extractions.get)
    return index, ids, extractions


@pytest.mark.postgres
def test_a_postgres_rebuild_writes_without_the_gin_index_and_builds_it_after(
    pg_db: Database,
) -> None:
    index, _ids, extractions = _rebuilt(pg_db)
    during: list[bool] = []

    def extraction(doc_id: int) -> ExtractionResult | None:
        during.append(has_text_index(pg_db))  # asked while the chunks are read and written
        return extractions[doc_id]

    assert rebuild(pg_db, index, workers=2, batch=4, extractions=extraction) == N
    assert during and not any(during)
    assert has_text_index(pg_db)
    assert any(total for total, _facets, _hits in _results(pg_db))


@pytest.mark.postgres
def test_a_failed_postgres_rebuild_leaves_a_searchable_index(pg_db: Database) -> None:
    index, ids, extractions = _rebuilt(pg_db)
    before = _results(pg_db)

    def failing(doc_id: int) -> ExtractionResult | None:
        if doc_id == ids[N // 2]:
            raise RuntimeError("the process stops half-way")
        return extractions[doc_id]

    with pytest.raises(RuntimeError):
        rebuild(pg_db, index, workers=2, batch=4, extractions=failing)
    assert has_text_index(pg_db)  # built again on the way out
    assert _results(pg_db) == before  # every chunk written was the same documents again


@pytest.mark.postgres
def test_a_killed_postgres_rebuild_leaves_searches_right_until_the_next_one(
    pg_db: Database,
) -> None:
    index, _ids, extractions = _rebuilt(pg_db)
    before = _results(pg_db)
    # A process killed mid-rebuild never reaches its `finally`: the GIN index stays dropped.
    with pg_db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        drop_text_index(conn)
    assert _results(pg_db) == before  # every vector scanned: slower, the same hits
    rebuild(pg_db, index, workers=1, batch=4, extractions=extractions.get)
    assert has_text_index(pg_db)
    assert _results(pg_db) == before


def test_sqlite_has_nothing_to_do_around_a_rebuild(sqlite_db: Database) -> None:
    index = make_index(sqlite_db.dialect)
    with index.bulk_rebuild(sqlite_db):
        pass
    _store(sqlite_db, index)
    assert rebuild(sqlite_db, index, workers=1, batch=4) == N
