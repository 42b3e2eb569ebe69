"""PostgreSQL window-read plans per benchmark query: walk, GIN bitmap, and the per-query choice.

Run: `PYTHONPATH=. .venv/bin/python -m benchmarks.search.pg_plans --n 100000 [--keep]`
builds a scratch database from the benchmark's corpus (or `--url` reuses a kept one), then
for each query reads the window both ways and prints wall time and shared buffers touched
(hit + read: what load does not change), per plan and for the choice `postgres_window`
makes at several DENSE_SHARE thresholds. Both plans must return the same keys. With
`--search`, whole searches instead: the earlier fixed-slice read against the per-query
choice, alternating query by query on the same data. With `--phases`, whole searches with
the wall time of each phase (window, estimate, facets, flags, rank, snippets). `--name`
names the scratch database, so two people's kept databases do not collide.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import insert, text
from sqlalchemy.orm import Session

from benchmarks.search import bench
from benchmarks.search.generate import Generator
from daphuong.domain.search import SearchQuery
from daphuong.store.engine import Database
from daphuong.store.migrate import upgrade
from daphuong.store.models import DocumentRow, OrganizationRow
from daphuong.store.search import base, make_index
from daphuong.store.search import postgres_window as pw
from daphuong.store.search.base import Plan
from daphuong.store.search.postgres import PostgresSearchIndex
from daphuong.store.search.postgres_query import base_tsquery, key_range, match_where
from daphuong.store.search.prepare import prepare_document
from daphuong.text.query import parse_query

WINDOW = 1000
SCRATCH = "daphuong_pg_plans"


def build(n: int, name: str = SCRATCH) -> str:
    """A scratch database holding the benchmark's first n documents, indexed and analysed."""
    docs = list(Generator(42).documents(n))
    url = bench._pg_database(name)
    db = Database(url)
    upgrade(db.engine)
    index = make_index("postgresql")
    with db.transaction() as s:
        s.add_all([OrganizationRow(id=1, name="Org 1"), OrganizationRow(id=2, name="Org 2")])
    rows = [bench._row(i, d) for i, d in enumerate(docs)]
    for start in range(0, n, bench.BATCH):
        with db.transaction() as s:
            s.execute(insert(DocumentRow), rows[start : start + bench.BATCH])
            batch = [
                prepare_document(DocumentRow(**r), bench._extraction(docs[start + k]))
                for k, r in enumerate(rows[start : start + bench.BATCH])
            ]
            index.index_documents(s, batch)
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM ANALYZE"))
    db.dispose()
    return url


def _counting(buffers: list[int]) -> Callable[..., list[int]]:
    """pw._read that also adds the statement's shared buffers (EXPLAIN ANALYZE) to buffers."""
    read = pw._read

    def counted(session: Session, where: str, params: dict[str, Any], keys: Any, n: int) -> Any:
        stmt = text(
            f"EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) SELECT sort_key FROM search_docs "
            f"WHERE {where} AND sort_key >= :from AND sort_key < :to "
            "ORDER BY sort_key DESC LIMIT :n"
        )
        plan = session.scalar(stmt, {**params, "from": keys[0], "to": keys[1], "n": n})
        buffers.append(plan[0]["Plan"]["Shared Hit Blocks"] + plan[0]["Plan"]["Shared Read Blocks"])
        return read(session, where, params, keys, n)

    return counted


def compare(url: str, queries: list[str]) -> list[tuple[str, float, float, float, int, int]]:
    """Per query: estimated share, walk ms, bitmap ms, walk buffers, bitmap buffers."""
    db = Database(url)
    index: Any = make_index("postgresql")
    out = []
    buffers: list[int] = []
    for q in queries:
        with db.reader() as s:
            s.execute(text("SET LOCAL jit = off"))
            s.execute(text("SET LOCAL enable_seqscan = off"))
            plan = index._plan(s, SearchQuery(parse_query(q)), bench.VIEWER)
            tsquery = base_tsquery(plan)
            where, params = match_where(plan, tsquery)
            keys = pw.span(s, key_range(plan), params)
            if tsquery is None or keys is None:
                continue
            docs = index._doc_count(s, None, None)
            share = pw.match_share(s, tsquery, docs)
            width = pw.first_width(keys, share, docs, WINDOW)
            began = time.perf_counter()
            walked = pw.walk(s, where, params, keys, WINDOW)
            mid = time.perf_counter()
            mapped = pw.bitmap(s, where, params, keys, WINDOW, width)
            end = time.perf_counter()
            assert walked == mapped, q
            read, pw._read = pw._read, _counting(buffers)
            try:
                buffers.clear()
                pw.walk(s, where, params, keys, WINDOW)
                walk_buffers = sum(buffers)
                buffers.clear()
                pw.bitmap(s, where, params, keys, WINDOW, width)
            finally:
                pw._read = read
            out.append((q, share, mid - began, end - mid, walk_buffers, sum(buffers)))
    db.dispose()
    return out


class _FixedSlices(PostgresSearchIndex):
    """The window read before the per-query choice (3570aab): the planner's own plan over
    the newest 16 x n documents' key range, then 4x wider ranges from the newest key."""

    def _keys(self, session: Session, plan: Plan, n: int) -> list[int]:
        where, params = match_where(plan, base_tsquery(plan))
        stmt = text(
            f"SELECT sort_key FROM search_docs WHERE {where} AND sort_key >= :from "
            "ORDER BY sort_key DESC LIMIT :n"
        )
        keys = pw.span(session, key_range(plan), params)
        if keys is None:
            return []
        share = min(1.0, 16 * n / max(self._doc_count(session, None, None), 1))
        width = max(int((keys.high - keys.low) * share), 1)
        while True:
            start = keys.low if plan.parsed.is_empty else max(keys.high - width, keys.low)
            found = list(session.scalars(stmt, {**params, "n": n, "from": start}))
            if len(found) >= n or start == keys.low:
                return found
            width <<= 2


def search_ab(url: str, queries: list[str]) -> None:
    """Whole searches, the fixed slices then the per-query choice, alternating per query."""
    db = Database(url)
    timings: dict[str, list[float]] = {"fixed 16n slices": [], "per-query choice": []}
    indexes = dict(zip(timings, (_FixedSlices(), PostgresSearchIndex()), strict=True))
    for q in queries[:10] + queries:  # the first ten warm the caches
        for name, index in indexes.items():
            with db.reader() as s:
                began = time.perf_counter()
                index.search(s, SearchQuery(parse_query(q), limit=10), bench.VIEWER)
                timings[name].append(time.perf_counter() - began)
    for name, xs in timings.items():
        print(f"search, {name}: ms", _pct([x * 1e3 for x in xs[10:]]))
    db.dispose()


# Search phases timed by --phases: (owner, attribute, label).
PHASES = [
    (PostgresSearchIndex, "_plan", "plan"),
    (PostgresSearchIndex, "_keys", "window"),
    (PostgresSearchIndex, "_count", "count"),
    (PostgresSearchIndex, "_estimate_total", "estimate"),
    (PostgresSearchIndex, "_facet_counts", "facets"),
    (PostgresSearchIndex, "_flag_sets", "flags"),
    (PostgresSearchIndex, "_relevance", "rank"),
    (base, "page_hits", "snippets"),
]


@contextmanager
def _clock(spent: dict[str, float], label: str) -> Iterator[None]:
    began = time.perf_counter()
    yield
    spent[label] += time.perf_counter() - began


def _stopwatch(fn: Callable[..., Any], label: str, spent: dict[str, float]) -> Callable[..., Any]:
    """fn, adding its wall time (the server's included) to spent[label]."""

    def timed(*a: Any, **k: Any) -> Any:
        with _clock(spent, label):
            return fn(*a, **k)

    return timed


def phases(url: str, queries: list[str]) -> None:
    """Whole searches with each phase's wall time, p50 / p95 / mean ms per phase."""
    db = Database(url)
    index = PostgresSearchIndex()
    spent: dict[str, float] = defaultdict(float)
    for owner, attr, label in PHASES:
        setattr(owner, attr, _stopwatch(getattr(owner, attr), label, spent))
    per_phase: dict[str, list[float]] = defaultdict(list)
    for i, q in enumerate(queries[:10] + queries):  # the first ten warm the caches
        spent.clear()
        began = time.perf_counter()
        with db.reader() as s:
            index.search(s, SearchQuery(parse_query(q), limit=10), bench.VIEWER)
        if i >= 10:
            per_phase["search"].append(time.perf_counter() - began)
            for _, _, label in PHASES:
                per_phase[label].append(spent.get(label, 0.0))
    for label, xs in per_phase.items():
        print(f"{label:9} ms", _pct([x * 1e3 for x in xs]))
    db.dispose()


def _pct(xs: list[float]) -> str:
    xs = sorted(xs)
    p50, p95 = xs[len(xs) // 2], xs[int(len(xs) * 0.95)]
    return f"p50 {p50:.1f} / p95 {p95:.1f} / mean {statistics.fmean(xs):.1f}"


def main(argv: list[str]) -> int:
    """Build (or reuse) the scratch database and print the comparison."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.search.pg_plans")
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=150)
    parser.add_argument("--url", help="a database built by an earlier --keep run")
    parser.add_argument("--keep", action="store_true", help="do not drop the scratch database")
    parser.add_argument("--name", default=SCRATCH, help="the scratch database's name")
    parser.add_argument("--search", action="store_true", help="time whole searches instead")
    parser.add_argument("--phases", action="store_true", help="time each phase of searches")
    args = parser.parse_args(argv)
    url = args.url or build(args.n, args.name)
    if args.search:
        search_ab(url, Generator(42).queries(args.queries))
        return 0
    if args.phases:
        phases(url, Generator(42).queries(args.queries))
        return 0
    try:
        rows = compare(url, Generator(42).queries(args.queries))
    finally:
        if not (args.keep or args.url):
            bench._pg_database(args.name, create=False)
    for q, share, walk_s, bitmap_s, wb, bb in rows:
        print(
            f"{q[:32]:32} share {share:5.3f} walk {walk_s * 1e3:7.1f} ms {wb:7} buf  "
            f"bitmap {bitmap_s * 1e3:7.1f} ms {bb:7} buf"
        )
    print("walk   ms", _pct([r[2] * 1e3 for r in rows]), " buffers", _pct([r[4] for r in rows]))
    print("bitmap ms", _pct([r[3] * 1e3 for r in rows]), " buffers", _pct([r[5] for r in rows]))
    for dense in (0.05, 0.1, 0.15, 0.2, 0.3, 0.5):
        pick = [(r[2] * 1e3, r[4]) if r[1] >= dense else (r[3] * 1e3, r[5]) for r in rows]
        print(
            f"choice at {dense:.2f} ms",
            _pct([p[0] for p in pick]),
            " buffers",
            _pct([p[1] for p in pick]),
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
