"""Search benchmark: indexing throughput and query latency on SQLite, PostgreSQL and Tantivy.

python -m benchmarks.search.bench --n 100000 [--queries 300] [--backends sqlite,postgres,tantivy]
    [--workers N]  (processes preparing documents, and Tantivy's writer threads; 0: one per CPU)
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from sqlalchemy import create_engine, insert, text
from sqlalchemy.engine import make_url

from benchmarks.search.generate import Generator, SyntheticDoc
from daphuong.domain.access import Principal, Role
from daphuong.domain.extraction import (
    EntityType,
    ExtractedEntity,
    ExtractedEvent,
    ExtractionResult,
)
from daphuong.domain.search import SearchQuery
from daphuong.services.search_rebuild import rebuild, workers_for
from daphuong.store.engine import Database
from daphuong.store.migrate import upgrade
from daphuong.store.models import DocumentRow, OrganizationRow
from daphuong.store.search import make_index
from daphuong.text.analyze import fold_stream, token_keys, tokenize, tone_stream
from daphuong.text.query import parse_query

RESULTS = Path(__file__).resolve().parents[1] / "results"
PG_URL = os.environ.get("DAPHUONG_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
# One scratch database per run, so two benchmark runs never drop each other's.
PG_BENCH_DB = f"daphuong_search_bench_{os.getpid()}"
BATCH = 1000
VIEWER = Principal(user_id=1, org_id=1, role=Role.VIEWER)


def _row(i: int, doc: SyntheticDoc) -> dict[str, object]:
    # Every tenth document is internal to org 1 or 2: the visibility filter does real work.
    internal = i % 10 == 0
    return {
        "id": i + 1,
        "key": f"bench-{i}",
        "source": f"bench/{i}.txt",
        "version": 1,
        "is_current": True,
        "content_hash": f"{i:064d}",
        "media_type": "text/plain",
        "encoding": "utf-8",
        "title": doc.title,
        "outlet": doc.outlet,
        "published": doc.published,
        "original_text": doc.body,
        "normalized_text": doc.body,
        "offsets_json": json.dumps([[len(doc.body), len(doc.body)]]),
        "clutter_json": "[]",
        "visibility": "internal" if internal else "public",
        "owner_org_id": 1 + i % 20 // 10 if internal else None,
    }


def _extraction(doc: SyntheticDoc) -> ExtractionResult:
    entities = [ExtractedEntity(EntityType.PERSON, p) for p in doc.people]
    entities += [ExtractedEntity(EntityType.ORG, o) for o in doc.orgs]
    return ExtractionResult("x", entities=entities, events=[ExtractedEvent(kind=doc.event)])


def _percentiles(samples: Sequence[float]) -> dict[str, float]:
    ordered = sorted(samples)

    def pick(q: float) -> float:
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]

    return {
        "p50_ms": round(pick(0.5) * 1000, 2),
        "p95_ms": round(pick(0.95) * 1000, 2),
        "max_ms": round(ordered[-1] * 1000, 2),
        "mean_ms": round(statistics.fmean(ordered) * 1000, 2),
    }


def _time_queries(run: Callable[[str], object], queries: Sequence[str]) -> dict[str, float]:
    for q in queries[:10]:
        run(q)  # warm caches
    samples = []
    for q in queries:
        start = time.perf_counter()
        run(q)
        samples.append(time.perf_counter() - start)
    return _percentiles(samples)


def store_documents(db: Database, docs: list[SyntheticDoc]) -> list[dict[str, object]]:
    """Store the generated documents and their two organisations (not timed); returns the rows."""
    with db.transaction() as s:
        s.add_all([OrganizationRow(id=1, name="Org 1"), OrganizationRow(id=2, name="Org 2")])
    rows = [_row(i, d) for i, d in enumerate(docs)]
    for start in range(0, len(rows), BATCH):
        with db.transaction() as s:
            s.execute(insert(DocumentRow), rows[start : start + BATCH])
    return rows


def bench_sql(
    db: Database, docs: list[SyntheticDoc], queries: list[str], workers: int
) -> dict[str, object]:
    """Store documents (untimed), then time the index rebuild (the product's path) and searches."""
    index = make_index(db.dialect)
    store_documents(db, docs)
    began, cpu, kids = time.perf_counter(), time.process_time(), _children_cpu()
    # Documents read back, prepared by `workers` processes, written in transactions of BATCH;
    # facets from each document's planted extraction (ids are 1 + position, see _row).
    indexed = rebuild(
        db,
        index,
        workers=workers,
        batch=BATCH,
        extractions=lambda doc_id: _extraction(docs[doc_id - 1]),
    )
    assert indexed == len(docs)
    # Planner statistics, as autovacuum (PostgreSQL) or a periodic ANALYZE would keep; on
    # PostgreSQL also the visibility map (VACUUM, as autovacuum does after bulk inserts), so
    # counting a key range reads the index only.
    maintenance = "VACUUM ANALYZE" if db.dialect == "postgresql" else "ANALYZE"
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text(maintenance))
    elapsed = time.perf_counter() - began
    cpu, kids = time.process_time() - cpu, _children_cpu() - kids

    totals: list[int] = []

    def run(q: str) -> object:
        with db.reader() as s:
            result = index.search(s, SearchQuery(parse_query(q), limit=10), VIEWER)
        totals.append(result.total)
        return result

    latency = _time_queries(run, queries)
    return {
        "index_docs_per_s": round(len(docs) / elapsed),
        "index_seconds": round(elapsed, 1),
        "workers": workers,
        # CPU time a document, which load disturbs less than wall time: this process (reads,
        # writes, SQLite itself) and the worker processes (analysis); not PostgreSQL's server.
        "index_cpu_ms": f"{cpu / len(docs) * 1000:.3f} + {kids / len(docs) * 1000:.3f}",
        "median_total_hits": statistics.median(totals),
        **latency,
    }


def _children_cpu() -> float:
    """CPU seconds of this process's ended children (the rebuild's worker processes)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def bench_tantivy(docs: list[SyntheticDoc], queries: list[str], threads: int) -> dict[str, object]:
    """The same folded streams in Tantivy: top 10, count, snippets and two term aggregations.

    Its writer gets as many indexing threads as the SQL backends get worker processes.
    """
    import tantivy

    builder = tantivy.SchemaBuilder()
    for name in ("title_f", "body_f", "body_x"):
        builder.add_text_field(name, stored=name == "body_f", tokenizer_name="whitespace")
    builder.add_text_field("outlet", fast=True, tokenizer_name="raw")
    builder.add_integer_field("year", fast=True, indexed=True)
    schema = builder.build()
    path = tempfile.mkdtemp(prefix="tantivy-bench-")
    index = tantivy.Index(schema, path=path)
    began = time.perf_counter()
    writer = index.writer(heap_size=500_000_000, num_threads=threads)
    for doc in docs:
        title, body = token_keys(doc.title), token_keys(doc.body)
        writer.add_document(
            tantivy.Document(
                title_f=fold_stream(title),
                body_f=fold_stream(body),
                body_x=tone_stream(body),
                outlet=doc.outlet,
                year=doc.published.year,
            )
        )
    writer.commit()
    writer.wait_merging_threads()
    elapsed = time.perf_counter() - began
    index.reload()
    searcher = index.searcher()
    aggs = {"outlet": {"terms": {"field": "outlet"}}, "year": {"terms": {"field": "year"}}}

    def run(q: str) -> object:
        words = [t.fold for t in tokenize(q)]
        query = index.parse_query(" ".join(f"+{w}" for w in words), ["title_f", "body_f"])
        result = searcher.search(query, 10, count=True)
        snippets = tantivy.SnippetGenerator.create(searcher, query, schema, "body_f")
        for _score, address in result.hits:
            snippets.snippet_from_doc(searcher.doc(address)).to_html()
        searcher.aggregate(query, aggs)
        return result

    latency = _time_queries(run, queries)
    shutil.rmtree(path, ignore_errors=True)
    return {"index_docs_per_s": round(len(docs) / elapsed), "workers": threads, **latency}


def _pg_database(name: str, *, create: bool = True) -> str:
    """(Re)create a scratch database on the server of PG_URL; create=False only drops it."""
    admin = create_engine(
        make_url(PG_URL.replace("postgresql://", "postgresql+psycopg://", 1)),
        isolation_level="AUTOCOMMIT",
    )
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        if create:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return make_url(PG_URL).set(database=name).render_as_string(hide_password=False)


def main(argv: list[str]) -> int:
    """Run the benchmark and append a section to benchmarks/results/search.md."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.search.bench")
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--backends", default="sqlite,postgres,tantivy")
    parser.add_argument("--out", type=Path, default=RESULTS / "search.md")
    parser.add_argument("--workers", type=int, default=0, help="0: one per CPU")
    args = parser.parse_args(argv)
    workers = workers_for(args.workers)
    load_before = os.getloadavg()
    gen = Generator(args.seed)
    began = time.perf_counter()
    docs = list(gen.documents(args.n))
    queries = gen.queries(args.queries)
    print(f"generated {args.n} docs in {time.perf_counter() - began:.0f}s", flush=True)
    results: dict[str, dict[str, object]] = {}
    for backend in args.backends.split(","):
        if backend == "tantivy":
            results[backend] = bench_tantivy(docs, queries, workers)
        else:
            tmp = Path(tempfile.mkdtemp(prefix="search-bench-"))
            url = (
                f"sqlite:///{tmp / 'bench.db'}"
                if backend == "sqlite"
                else _pg_database(PG_BENCH_DB)
            )
            db = Database(url)
            upgrade(db.engine)
            try:
                results[backend] = bench_sql(db, docs, queries, workers)
            finally:
                # At 1M documents each database is tens of GB: never leave one behind.
                db.dispose()
                shutil.rmtree(tmp, ignore_errors=True)
                if backend == "postgres":
                    _pg_database(PG_BENCH_DB, create=False)
        print(backend, results[backend], flush=True)
    _write(args, results, (load_before, os.getloadavg()))
    return 0


def _load(load: tuple[float, ...]) -> str:
    return ", ".join(f"{x:.1f}" for x in load)


def _write(
    args: argparse.Namespace,
    results: dict[str, dict[str, object]],
    loads: tuple[tuple[float, ...], tuple[float, ...]],
) -> None:
    ref = results.get("tantivy")
    lines = [
        f"\n## N = {args.n:,} documents, {args.queries} queries, seed {args.seed}\n",
        f"Command: `python -m benchmarks.search.bench --n {args.n} --queries {args.queries}"
        f" --backends {args.backends} --workers {args.workers}`  ",
        f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {sys.version.split()[0]},"
        f" {time.strftime('%Y-%m-%d %H:%M')}; load average (1, 5, 15 min) at start"
        f" {_load(loads[0])}, at end {_load(loads[1])}\n",
        "| backend | workers | index docs/s | index CPU ms/doc (main + workers) | p50 ms"
        " | p95 ms | max ms | mean ms | p50 / Tantivy p50 |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name, r in results.items():
        ratio = f"{float(r['p50_ms']) / float(ref['p50_ms']):.1f}×" if ref else "-"  # type: ignore[arg-type]
        lines.append(
            f"| {name} | {r['workers']} | {r['index_docs_per_s']} | {r.get('index_cpu_ms', '-')}"
            f" | {r['p50_ms']} | "
            f"{r['p95_ms']} | {r['max_ms']} | {r['mean_ms']} | {ratio} |"
        )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("a", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
