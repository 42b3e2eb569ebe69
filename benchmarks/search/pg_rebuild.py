"""Docs/s and CPU a document of the PostgreSQL index rebuild, on the same stored documents each run.

Run: `PYTHONPATH=. .venv/bin/python -m benchmarks.search.pg_rebuild --n 100000`. The
benchmark's documents (seed 42) are generated and stored once in a template database
(daphuong_pg_rebuild_N, kept for later runs; `--drop` removes it), with their planted
entities in `--dir`. Each run clones the template, rebuilds the index through
`services.search_rebuild.rebuild` as the benchmark does (facets from the planted
extractions, batches of 1,000, then VACUUM ANALYZE), and prints wall docs/s and the CPU a
document of this process (the writer), of the worker processes and of every PostgreSQL
server process (read from /proc: other sessions' work on the server counts too), then a
digest of the results of the queries: two code versions built the same index when the
digests agree. To time another tree's code: PYTHONPATH=<tree>/src:. (this script stays).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import resource
import sys
import time
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from benchmarks.search.bench import BATCH, PG_URL, VIEWER, _extraction, store_documents
from benchmarks.search.generate import Generator, SyntheticDoc
from daphuong.domain.search import SearchQuery
from daphuong.services.search_rebuild import rebuild
from daphuong.store.engine import Database
from daphuong.store.migrate import upgrade
from daphuong.store.search import make_index
from daphuong.text.query import parse_query

TICKS = os.sysconf("SC_CLK_TCK")


def _server_cpu() -> float:
    """CPU seconds of every process named postgres (the server: backends, writers, WAL)."""
    total = 0
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue  # ended meanwhile
        name, rest = stat[stat.index("(") + 1 : stat.rindex(")")], stat[stat.rindex(")") + 2 :]
        if name.startswith("postgres"):
            fields = rest.split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / TICKS


def _admin(sql: str) -> None:
    engine = create_engine(
        make_url(PG_URL.replace("postgresql://", "postgresql+psycopg://", 1)),
        isolation_level="AUTOCOMMIT",
    )
    with engine.connect() as conn:
        conn.execute(text(sql))
    engine.dispose()


def _url(name: str) -> str:
    return make_url(PG_URL).set(database=name).render_as_string(hide_password=False)


def _template(folder: Path, n: int, queries: int) -> tuple[str, dict[str, Any]]:
    """The template database of stored documents (made once) and the planted entities."""
    name, side = f"daphuong_pg_rebuild_{n}", folder / f"pg-docs-{n}.json"
    if side.exists():
        return name, json.loads(side.read_text())
    gen = Generator(42)
    docs = list(gen.documents(n))
    _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    _admin(f'CREATE DATABASE "{name}"')
    db = Database(_url(name))
    upgrade(db.engine)
    store_documents(db, docs)
    db.dispose()
    planted = {"docs": [[d.people, d.orgs, d.event] for d in docs], "queries": gen.queries(queries)}
    side.write_text(json.dumps(planted, ensure_ascii=False))
    return name, planted


def _clocks() -> tuple[float, float, float, float]:
    """Wall time, CPU of this process, of its ended children and of the server, in seconds."""
    own, kids = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return (
        time.perf_counter(),
        own.ru_utime + own.ru_stime,
        kids.ru_utime + kids.ru_stime,
        _server_cpu(),
    )


def _rebuild(db: Database, docs: list[SyntheticDoc], workers: int) -> int:
    """The product's rebuild (facets from the planted extractions), then VACUUM ANALYZE."""
    done = rebuild(
        db,
        make_index("postgresql"),
        workers=workers,
        batch=BATCH,
        extractions=lambda doc_id: _extraction(docs[doc_id - 1]),
    )
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM ANALYZE"))
    return done


def _digest(db: Database, queries: list[str]) -> str:
    index = make_index("postgresql")
    digest = hashlib.sha256()
    for q in queries:
        with db.reader() as s:
            result = index.search(s, SearchQuery(parse_query(q), limit=10), VIEWER)
        digest.update(repr(result).encode())
    return digest.hexdigest()[:16]


def main(argv: list[str]) -> int:
    """Rebuild the index of --n stored documents in a clone; print docs/s and CPU a document."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.search.pg_rebuild")
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--dir", type=Path, default=Path("/tmp/pg-rebuild"))
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--drop", action="store_true", help="drop the template and stop")
    args = parser.parse_args(argv)
    args.dir.mkdir(parents=True, exist_ok=True)
    if args.drop:
        _admin(f'DROP DATABASE IF EXISTS "daphuong_pg_rebuild_{args.n}" WITH (FORCE)')
        (args.dir / f"pg-docs-{args.n}.json").unlink(missing_ok=True)
        return 0
    template, planted = _template(args.dir, args.n, args.queries)
    never = dt.datetime.min
    docs = [SyntheticDoc("", "", "", never, p, o, e) for p, o, e in planted["docs"]]
    run = f"daphuong_pg_rebuild_run_{os.getpid()}"
    _admin(f'CREATE DATABASE "{run}" TEMPLATE "{template}"')
    db = Database(_url(run))
    try:
        before = _clocks()
        done = _rebuild(db, docs, args.workers)
        wall, cpu, kids, server = (b - a for a, b in zip(before, _clocks(), strict=True))
        print(
            f"n={done} workers={args.workers} {done / wall:.0f} docs/s ({wall:.1f} s); CPU ms/doc"
            f" writer {cpu / done * 1e3:.3f}, workers {kids / done * 1e3:.3f},"
            f" server {server / done * 1e3:.3f}; load {os.getloadavg()[0]:.1f}",
            flush=True,
        )
        print(f"results digest {_digest(db, planted['queries'])}")
    finally:
        db.dispose()
        _admin(f'DROP DATABASE IF EXISTS "{run}" WITH (FORCE)')
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
