"""CPU a document of preparing stored documents for the index, as the rebuild's workers do.

Run: `PYTHONPATH=. .venv/bin/python -m benchmarks.search.prepare_cpu --db /tmp/s2/docs-20000.db`
on a database of stored documents (rebuild_cpu's `--dir` keeps one per --n). The first
--docs documents are read once, then prepared --repeat times in this process with the
SQLite rebuild's packing (`prepare_chunk(jobs, pack=True)`); prints the least CPU time a
document. To time another tree's code: PYTHONPATH=<tree>/src:. (this script stays).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from daphuong.services.search_rebuild import prepare_chunk
from daphuong.store.engine import Database
from daphuong.store.search.sources import current_sources


def main(argv: list[str]) -> int:
    """Prepare --docs stored documents --repeat times; print the least CPU ms a document."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.search.prepare_cpu")
    parser.add_argument("--db", type=Path, default=Path("/tmp/s2/docs-20000.db"))
    parser.add_argument("--docs", type=int, default=4000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    db = Database(f"sqlite:///{args.db}")
    with db.reader() as session:
        jobs = [(s, None) for s in current_sources(session, after=0, limit=args.docs)]
    db.dispose()
    prepare_chunk(jobs, True)  # the key caches filled, as in a worker after its first chunk
    least = float("inf")
    for _ in range(args.repeat):
        began = time.process_time()
        prepare_chunk(jobs, True)
        least = min(least, time.process_time() - began)
    print(f"prepare (packed for SQLite): {least / len(jobs) * 1e3:.3f} CPU ms a document")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
