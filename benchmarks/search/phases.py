"""CPU time of SQLite indexing a document and of each query phase, on the benchmark's corpus.

Run: `PYTHONPATH=. .venv/bin/python -m benchmarks.search.phases --n 20000`. CPU time
(`time.process_time`) rather than wall time, so two code versions compare fairly on a busy
machine when run back to back (e.g. one of them from a `git worktree` via PYTHONPATH).
With `--db PATH` the index is built there once and reused by later runs (same --n), so an
A/B of query code times the same data without indexing it again; the results digest says
whether both versions returned the same. `--query` (repeatable) times given queries instead
of the generated ones, e.g. the web benchmark's on its database (read only).
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.search.bench import BATCH, VIEWER, _extraction, store_documents
from benchmarks.search.generate import Generator
from daphuong.domain.search import SearchQuery
from daphuong.store.engine import Database
from daphuong.store.migrate import upgrade
from daphuong.store.models import DocumentRow
from daphuong.store.search import base, make_index, sqlite_fts
from daphuong.store.search.prepare import prepare_document
from daphuong.text.query import parse_query

# Query phases: (owner, attribute, label). Wrapped where present, so older trees still run.
PHASES = [
    (sqlite_fts.SqliteSearchIndex, "_keys", "window"),
    (sqlite_fts.SqliteSearchIndex, "_count", "count"),
    (base.SqlSearchIndex, "_estimate_total", "estimate"),
    (sqlite_fts.SqliteSearchIndex, "_flag_keys", "flags"),
    (sqlite_fts.SqliteSearchIndex, "_relevance", "bm25"),
    (sqlite_fts.SqliteSearchIndex, "_facet_counts", "facets"),
    (base, "page_hits", "snippets"),
]


def _wrap(spent: dict[str, float]) -> None:
    for owner, attr, label in PHASES:
        found = getattr(owner, attr, None)
        if found is None:
            continue
        fn: Callable[..., Any] = found

        def timed(*a: Any, _fn: Callable[..., Any] = fn, _label: str = label, **k: Any) -> Any:
            began = time.process_time()
            try:
                return _fn(*a, **k)
            finally:
                spent[_label] += time.process_time() - began

        setattr(owner, attr, timed)


def _pct(xs: list[float]) -> str:
    xs = sorted(xs)
    return f"{xs[len(xs) // 2] * 1000:.1f} / {xs[int(len(xs) * 0.95)] * 1000:.1f}"


def _build(db: Database, docs: list[Any]) -> None:
    """Store and index the documents, printing the indexing CPU per document."""
    upgrade(db.engine)
    index = make_index("sqlite")
    rows = store_documents(db, docs)
    cpu = time.process_time()
    for start in range(0, len(docs), BATCH):
        with db.transaction() as s:
            batch = [
                prepare_document(DocumentRow(**r), _extraction(docs[start + k]))
                for k, r in enumerate(rows[start : start + BATCH])
            ]
            index.index_documents(s, batch)
    print(f"indexing CPU {1e3 * (time.process_time() - cpu) / len(docs):.3f} ms a document")


def main(argv: list[str]) -> int:
    """Index --n documents into a scratch SQLite database, then time 300 queries by phase."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.search.phases")
    parser.add_argument("--n", type=int, default=20_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--db", type=Path, help="keep the index here; reuse it when present")
    parser.add_argument("--query", action="append", help="time these queries instead (repeatable)")
    parser.add_argument("--repeat", type=int, default=1, help="times each query is run")
    parser.add_argument("--limit", type=int, default=10, help="hits a page")
    args = parser.parse_args(argv)
    gen = Generator(42)
    docs = list(gen.documents(args.n))
    queries = (args.query or gen.queries(args.queries)) * args.repeat
    tmp = Path(tempfile.mkdtemp(prefix="search-phases-"))
    path = args.db or tmp / "b.db"
    reuse = path.exists()
    db = Database(f"sqlite:///{path}")
    try:
        if reuse:
            print(f"reusing the index in {path}")
        else:
            _build(db, docs)
        index = make_index("sqlite")
        spent: dict[str, float] = defaultdict(float)
        _wrap(spent)
        per_phase: dict[str, list[float]] = defaultdict(list)
        totals = []
        digest = hashlib.sha256()
        for q in queries:
            spent.clear()
            began = time.process_time()
            with db.reader() as s:
                result = index.search(s, SearchQuery(parse_query(q), limit=args.limit), VIEWER)
            totals.append(time.process_time() - began)
            digest.update(repr(result).encode())
            for _, _, label in PHASES:
                per_phase[label].append(spent.get(label, 0.0))
        print(f"query CPU p50 / p95 ms: {_pct(totals)}")
        print(f"results digest {digest.hexdigest()[:16]} (hits, scores, snippets, totals, facets)")
        for label, xs in per_phase.items():
            print(f"  {label}: {_pct(xs)}")
    finally:
        db.dispose()
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
