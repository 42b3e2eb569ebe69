"""CPU a document of the SQLite index rebuild (writer and workers), and searches on the result.

Run: `PYTHONPATH=. .venv/bin/python -m benchmarks.search.rebuild_cpu --n 20000 --dir /tmp/s2`.
The benchmark's documents (seed 42) are generated and stored once in `--dir` (docs-N.db,
with their planted entities and the queries beside it in docs-N.json); each run copies that
database, rebuilds the index through `services.search_rebuild.rebuild` as the benchmark does
(facets from the planted extractions, batches of 1,000, then ANALYZE), and prints wall
docs/s, the CPU time a document of this process (the writer) and of the worker processes
(`getrusage`), then the latency of the queries and a digest of their results (hits, scores,
snippets, totals, facets): two code versions built the same index when the digests agree.
To time another tree's code: PYTHONPATH=<tree>/src:. (the script itself stays this one).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import resource
import shutil
import sys
import time
from pathlib import Path
from typing import Any

from sqlalchemy import text

from benchmarks.search.bench import BATCH, VIEWER, _extraction, store_documents
from benchmarks.search.generate import Generator, SyntheticDoc
from daphuong.domain.search import SearchQuery
from daphuong.services.search_rebuild import rebuild
from daphuong.store.engine import Database
from daphuong.store.migrate import upgrade
from daphuong.store.search import make_index, sqlite_fts
from daphuong.store.search.base import WINDOW
from daphuong.store.search.sqlite_fts import SqliteSearchIndex
from daphuong.store.search.sqlite_reads import read
from daphuong.text.query import parse_query


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def _base(folder: Path, n: int, queries: int) -> tuple[Path, dict[str, Any]]:
    """The stored documents (generated once) and their planted entities and the queries."""
    db_path, side = folder / f"docs-{n}.db", folder / f"docs-{n}.json"
    if db_path.exists() and side.exists():
        return db_path, json.loads(side.read_text())
    gen = Generator(42)
    docs = list(gen.documents(n))
    db = Database(f"sqlite:///{db_path}")
    upgrade(db.engine)
    store_documents(db, docs)
    db.dispose()
    planted = {
        "docs": [[d.people, d.orgs, d.event] for d in docs],
        "queries": gen.queries(queries),
    }
    side.write_text(json.dumps(planted, ensure_ascii=False))
    return db_path, planted


def _pct(xs: list[float]) -> str:
    xs = sorted(xs)
    return f"{xs[len(xs) // 2] * 1000:.1f} / {xs[int(len(xs) * 0.95)] * 1000:.1f}"


def _searches(db: Database, queries: list[str]) -> None:
    index = make_index("sqlite")
    digest = hashlib.sha256()
    walls, cpus = [], []
    for q in queries:
        began, cpu = time.perf_counter(), time.process_time()
        with db.reader() as s:
            result = index.search(s, SearchQuery(parse_query(q), limit=10), VIEWER)
        walls.append(time.perf_counter() - began)
        cpus.append(time.process_time() - cpu)
        digest.update(repr(result).encode())
    print(f"search wall p50 / p95 ms: {_pct(walls)}; CPU {_pct(cpus)}")
    print(f"results digest {digest.hexdigest()[:16]}")


def _wrong_windows(db: Database, queries: list[str]) -> list[str]:
    """Queries whose window (newest matches, FTS5 read descending) is not the true newest.

    The truth is the same MATCH read unordered, sorted here: SQLite 3.40.1's FTS5 gave a
    different set in descending order on some segment layouts (results.md, brief S2).
    """
    index = SqliteSearchIndex()
    wrong = []
    with db.reader() as s:
        for q in queries:
            plan = index._plan(s, SearchQuery(parse_query(q), limit=10), VIEWER)
            window = index._keys(s, plan, WINDOW)
            where, params = sqlite_fts._where(plan)
            every = read(s, f"SELECT rowid FROM search_fts WHERE {where}", params)
            if window != sorted((k for (k,) in every), reverse=True)[:WINDOW]:
                wrong.append(q)
    return wrong


def main(argv: list[str]) -> int:
    """Rebuild the index of --n stored documents on a copy; print CPU a document and searches."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.search.rebuild_cpu")
    parser.add_argument("--n", type=int, default=20_000)
    parser.add_argument("--dir", type=Path, default=Path("/tmp/s2"))
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--keep", type=Path, help="keep the indexed copy here")
    parser.add_argument("--check-windows", action="store_true", help="windows against truth")
    args = parser.parse_args(argv)
    args.dir.mkdir(parents=True, exist_ok=True)
    base, planted = _base(args.dir, args.n, args.queries)
    # Only the planted entities and event kind are read (bench._extraction).
    never = dt.datetime.min
    docs = [SyntheticDoc("", "", "", never, p, o, e) for p, o, e in planted["docs"]]
    path = args.keep or args.dir / f"run-{args.n}.db"
    shutil.copyfile(base, path)
    db = Database(f"sqlite:///{path}")
    try:
        began, cpu, kids = (
            time.perf_counter(),
            _cpu(resource.RUSAGE_SELF),
            _cpu(resource.RUSAGE_CHILDREN),
        )
        done = rebuild(
            db,
            make_index("sqlite"),
            workers=args.workers,
            batch=BATCH,
            extractions=lambda doc_id: _extraction(docs[doc_id - 1]),
        )
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("ANALYZE"))
        wall = time.perf_counter() - began
        cpu, kids = _cpu(resource.RUSAGE_SELF) - cpu, _cpu(resource.RUSAGE_CHILDREN) - kids
        print(
            f"n={done} workers={args.workers} {done / wall:.0f} docs/s ({wall:.1f} s); "
            f"CPU ms/doc writer {cpu / done * 1e3:.3f}, workers {kids / done * 1e3:.3f}"
        )
        _searches(db, planted["queries"])
        if args.check_windows:
            wrong = _wrong_windows(db, planted["queries"])
            print(f"wrong windows: {len(wrong)} of {len(planted['queries'])} {wrong[:5]}")
    finally:
        db.dispose()
        if args.keep is None:
            path.unlink(missing_ok=True)
            for extra in ("-wal", "-shm"):
                Path(f"{path}{extra}").unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
