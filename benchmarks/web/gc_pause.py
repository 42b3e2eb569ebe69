"""What one full garbage collection costs a serving process, before and after `settle_heap`."""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from pathlib import Path

from benchmarks.web.bench import DEFAULT_DB
from benchmarks.web.entity_timing import uncached_app
from daphuong.cli.serve import settle_heap


def _full_collection_ms(repeat: int) -> float:
    """Median wall milliseconds of `gc.collect()` (nothing else allocates meanwhile)."""
    samples = []
    for _ in range(repeat):
        began = time.perf_counter()
        gc.collect()
        samples.append((time.perf_counter() - began) * 1000)
    return round(statistics.median(samples), 1)


def main(argv: list[str]) -> int:
    """Build the app as `serve` does, time full collections, freeze, time them again."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.web.gc_pause")
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    _services, client = uncached_app(args.db)
    client.get("/")  # templates compiled, as after a first visitor
    print(f"tracked objects: {len(gc.get_objects())}")
    print(f"full collection: {_full_collection_ms(args.repeat)} ms")
    settle_heap()
    print(f"frozen: {gc.get_freeze_count()} objects")
    print(f"full collection after settle_heap: {_full_collection_ms(args.repeat)} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
