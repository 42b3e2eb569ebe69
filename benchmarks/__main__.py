"""`python -m benchmarks NAME [args]`: run one benchmark module by name."""

from __future__ import annotations

import importlib
import sys


def main(argv: list[str]) -> int:
    """Dispatch to benchmarks.bench_<name>.main."""
    if not argv:
        print("usage: python -m benchmarks ingest|extract [args]", file=sys.stderr)
        return 2
    module = importlib.import_module(f"benchmarks.bench_{argv[0]}")
    result: int = module.main(argv[1:])
    return result


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
