"""In-process CPU cost of the uncached search page: engine call, quick-find, whole page.

`--engine-only` times SearchService.search alone, least and median of --repeat runs a query.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from urllib.parse import urlencode

from benchmarks.web.bench import DEFAULT_DB, QUERIES
from benchmarks.web.entity_timing import uncached_app
from daphuong.domain.access import Principal
from daphuong.services.search import SearchService


def cpu_ms(call: Callable[[], object], repeat: int) -> float:
    """Median CPU milliseconds of `call` (this process, every thread)."""
    samples = []
    for _ in range(repeat):
        began = time.process_time()
        call()
        samples.append((time.process_time() - began) * 1000)
    return round(statistics.median(samples), 1)


def timing_args(name: str, argv: list[str]) -> argparse.Namespace:
    """--db (the web benchmark's database) and --repeat, for `python -m benchmarks.web.<name>`."""
    parser = argparse.ArgumentParser(prog=f"python -m benchmarks.web.{name}")
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--repeat", type=int, default=5)
    return parser.parse_args(argv)


def engine_cpu(call: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Least and median CPU milliseconds of `call`: on a shared machine the least is the
    steadier figure for an A/B of engine code (other processes only ever add to it)."""
    samples = []
    for _ in range(repeat):
        began = time.process_time()
        call()
        samples.append((time.process_time() - began) * 1000)
    return round(min(samples), 1), round(statistics.median(samples), 1)


def _engine_only(search: SearchService, who: Principal, repeat: int) -> None:
    """The engine call alone, per query and summed over the queries."""
    least = middle = 0.0
    for q in QUERIES:
        low, mid = engine_cpu(partial(search.search, q, who=who, limit=20), repeat)
        least, middle = least + low, middle + mid
        print(f"{q!r}: search least {low} ms, median {mid} ms")
    print(f"sum over {len(QUERIES)} queries: least {least:.1f} ms, median {middle:.1f} ms")


def main(argv: list[str]) -> int:
    """Per query of the load benchmark: SearchService.search, find_entities, GET /search."""
    engine_only = "--engine-only" in argv
    args = timing_args("search_timing", [a for a in argv if a != "--engine-only"])
    services, client = uncached_app(args.db)
    search = SearchService(services.db)
    who = Principal.anonymous()
    client.get("/search?q=warm")
    if engine_only:
        _engine_only(search, who, args.repeat)
        return 0
    for q in QUERIES:
        engine = cpu_ms(partial(search.search, q, who=who, limit=20), args.repeat)
        quick = cpu_ms(partial(search.find_entities, q, who=who, limit=8), args.repeat)
        page = cpu_ms(partial(client.get, f"/search?{urlencode({'q': q})}"), args.repeat)
        print(f"{q!r}: search {engine} ms, quick-find {quick} ms, page {page} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
