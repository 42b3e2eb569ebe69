"""Rebuild the search index: documents prepared by worker processes, written here in order.

Preparing a document (tokens, folded and tone keys, facets) is pure Python and independent
across documents; writing is one SQLite writer (or one PostgreSQL session) at a time. So a
pool of processes prepares chunks while this process writes the chunks before them, one
transaction per chunk, in the order the documents were read: the index ends up the same as
when one process does both (a test compares them), on as many cores as there are.
"""

from __future__ import annotations

import gc
import itertools
import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing.context import BaseContext

from sqlalchemy.orm import Session

from daphuong.domain.extraction import ExtractionResult
from daphuong.errors import DaphuongError
from daphuong.store.engine import Database
from daphuong.store.search import SearchIndex
from daphuong.store.search.prepare import (
    FacetEntry,
    IndexedDocument,
    facet_entries,
    prepare_document,
)
from daphuong.store.search.sources import SourceDoc, current_sources, still_current

BATCH = 500
# Documents a SQLite write transaction takes in a rebuild (whole chunks, so at least this):
# FTS5 writes a transaction's terms out as few, large segments (up to its hashsize), and
# fewer segments mean less merging: 4,000 against 1,000 cut FTS5's CPU a document from 0.208
# to 0.143 ms at 200k. PostgreSQL keeps one transaction a chunk.
SQLITE_TRANSACTION_DOCS = 4000
# Chunks queued per worker: one being prepared, one ready when it finishes; bounds memory.
IN_FLIGHT_PER_WORKER = 2

# A document to prepare, with its facet values when the caller has them (else from its row).
Job = tuple[SourceDoc, list[FacetEntry] | None]
Extractions = Callable[[int], ExtractionResult | None]


class PrepareFailed(DaphuongError):
    """A document could not be prepared for the index; names the document and the reason."""

    code = "index_prepare_failed"

    def __init__(self, doc_id: int, reason: str) -> None:
        super().__init__(f"document {doc_id}: {reason}")
        self.doc_id = doc_id
        self.reason = reason

    def __reduce__(self) -> tuple[type[PrepareFailed], tuple[int, str]]:
        """Rebuilt from its fields when it crosses back from a worker process."""
        return (PrepareFailed, (self.doc_id, self.reason))


def workers_for(setting: int) -> int:
    """Worker processes for a setting: 0 means one per CPU."""
    return setting if setting > 0 else os.cpu_count() or 1


def prepare_chunk(jobs: Sequence[Job], pack: bool = False) -> list[IndexedDocument]:
    """Prepare documents in order (in a worker process); a failure names its document.

    With `pack`, each gets its SQLite text columns made here instead of token lists.
    """
    out: list[IndexedDocument] = []
    for source, facets in jobs:
        try:
            doc = prepare_document(source, None, pack=pack)
        except Exception as exc:  # whatever went wrong, say which document it was
            raise PrepareFailed(source.id, f"{type(exc).__name__}: {exc}") from exc
        if facets is not None:
            doc.facets = facets
        out.append(doc)
    return out


def _context() -> BaseContext:
    """fork where it is safe, else spawn.

    A forked worker starts in milliseconds with the modules already imported (a spawned one
    imports SQLAlchemy and the index code again: 1-4 s each on a loaded machine). Forking is
    only safe while no other thread can hold a lock; the pool forks all its workers before
    it starts its own thread.
    """
    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _worker_start() -> None:
    """Keep the garbage collector off the objects a forked worker inherited.

    Its collections would otherwise walk (and so copy, page by page) the parent's heap.
    """
    gc.freeze()


def prepared(
    chunks: Iterable[Sequence[Job]], workers: int, *, pack: bool = False
) -> Iterator[list[IndexedDocument]]:
    """Each chunk prepared, in the order given; by `workers` processes when more than one.

    At most IN_FLIGHT_PER_WORKER chunks a worker are read ahead, so memory stays bounded
    however many documents there are. One worker, or a single chunk, is prepared here.
    With `pack`, documents come with their SQLite columns made instead of token lists.
    """
    it = iter(chunks)
    head = list(itertools.islice(it, 2))
    if workers <= 1 or len(head) < 2:
        yield from (prepare_chunk(chunk, pack) for chunk in itertools.chain(head, it))
        return
    with ProcessPoolExecutor(workers, mp_context=_context(), initializer=_worker_start) as pool:
        pending: deque[Future[list[IndexedDocument]]] = deque()
        try:
            for chunk in itertools.chain(head, it):
                pending.append(pool.submit(prepare_chunk, chunk, pack))
                if len(pending) >= IN_FLIGHT_PER_WORKER * workers:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            for future in pending:  # a failure or an abandoned rebuild: stop queued work
                future.cancel()


def write_batch(
    session: Session, index: SearchIndex, docs: list[IndexedDocument], *, stored_facets: bool
) -> int:
    """Index prepared documents still current; with stored_facets, keep their facet values."""
    live = still_current(session, [d.doc_id for d in docs])
    docs = [d for d in docs if d.doc_id in live]  # superseded or deleted while prepared
    if stored_facets:
        kept = index.facets_of(session, [d.doc_id for d in docs])
        for doc in docs:
            doc.facets = kept.get(doc.doc_id, doc.facets)
    index.index_documents(session, docs)
    return len(docs)


def transactions(
    chunks: Iterable[list[IndexedDocument]], least: int
) -> Iterator[list[IndexedDocument]]:
    """Prepared chunks joined, in order, into groups of at least `least` documents."""
    group: list[IndexedDocument] = []
    for docs in chunks:
        group.extend(docs)
        if len(group) >= least:
            yield group
            group = []
    if group:
        yield group


def _jobs(db: Database, batch: int, extractions: Extractions | None) -> Iterator[list[Job]]:
    after = 0
    while True:
        with db.reader() as session:
            sources = current_sources(session, after=after, limit=batch)
        if not sources:
            return
        # Facet values are made here: pickling an extraction to a worker cost ten times as
        # much as its (cached) entries, which pickle once per chunk as shared objects.
        yield [
            (s, facet_entries(extractions(s.id), s.outlet, s.published) if extractions else None)
            for s in sources
        ]
        after = sources[-1].id


def rebuild(
    db: Database,
    index: SearchIndex,
    *,
    workers: int = 0,
    batch: int = BATCH,
    extractions: Extractions | None = None,
) -> int:
    """Re-index every current document; returns how many.

    Prepared by `workers` processes (0: one per CPU; 1: in this process) in chunks of
    `batch`, written here in id order, one transaction per chunk (on SQLite, per chunks of
    SQLITE_TRANSACTION_DOCS together). Facets come from `extractions` when given (a
    corpus indexed for the first time), else the stored ones are kept.
    """
    done = 0
    chunks = _jobs(db, batch, extractions)
    # SQLite's text columns are made by the workers; PostgreSQL's writer needs the streams.
    pack = index.dialect == "sqlite"
    least = SQLITE_TRANSACTION_DOCS if pack else 0
    # On PostgreSQL the GIN index is dropped meanwhile and built once at the end (also after a
    # failure); a process killed meanwhile leaves it missing until the next rebuild, and its
    # searches scan every vector (same hits, slower).
    with index.bulk_rebuild(db):
        for docs in transactions(prepared(chunks, workers_for(workers), pack=pack), least):
            with db.transaction() as session:
                done += write_batch(session, index, docs, stored_facets=extractions is None)
    return done
