"""What one full garbage collection costs a serving process, before and after `settle_heap`."""

from __future__ import annotations

import gc
import sys

from benchmarks.web.entity_timing import uncached_app
from benchmarks.web.search_timing import cpu_ms, timing_args
from daphuong.cli.serve import settle_heap


def main(argv: list[str]) -> int:
    """Build the app as `serve` does, time full collections, freeze, time them again."""
    args = timing_args("gc_pause", argv)
    _services, client = uncached_app(args.db)
    client.get("/")  # templates compiled, as after a first visitor
    print(f"tracked objects: {len(gc.get_objects())}")
    print(f"full collection: {cpu_ms(gc.collect, args.repeat)} ms")
    settle_heap()
    print(f"frozen: {gc.get_freeze_count()} objects")
    print(f"full collection after settle_heap: {cpu_ms(gc.collect, args.repeat)} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
