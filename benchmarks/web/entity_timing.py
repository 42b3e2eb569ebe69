"""In-process CPU cost of uncached entity pages: service and whole page, p50/p95 per entity."""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import select

from benchmarks.web.bench import DEFAULT_DB
from daphuong.domain.access import Principal
from daphuong.services.container import Services, build_services
from daphuong.services.profiles import ProfileService
from daphuong.settings import Settings
from daphuong.store.models.registry import EntityRow
from daphuong.web.app import create_app


def _ids(profiles: ProfileService, kind: str) -> list[int]:
    with profiles.db.reader() as session:
        stmt = select(EntityRow.id).where(EntityRow.type == kind).order_by(EntityRow.id)
        return list(session.scalars(stmt))


def uncached_app(db: Path) -> tuple[Services, TestClient]:
    """The services and an in-process client on `db`, with the read cache off."""
    settings = Settings(
        database_url=f"sqlite:///{db}", read_cache_entries=0, pipeline=("normalize",)
    )
    services = build_services(settings, migrate=False)
    return services, TestClient(create_app(services))


def _timed(ids: Sequence[int], call: Callable[[int], object]) -> dict[str, float]:
    samples = []
    for entity_id in ids:
        # CPU time of this process (every thread): steadier than the clock on a shared machine.
        began = time.process_time()
        call(entity_id)
        samples.append((time.process_time() - began) * 1000)
    samples.sort()
    return {
        "n": len(samples),
        "p50": round(statistics.median(samples), 1),
        "p95": round(samples[int(0.95 * (len(samples) - 1))], 1),
        "max": round(samples[-1], 1),
    }


def main(argv: list[str]) -> int:
    """Time ProfileService.profile and GET /entities/{id} (cache off) for people and orgs."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.web.entity_timing")
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--people", type=int, default=0, help="first N people only (0: all)")
    parser.add_argument("--profile", choices=("PERSON", "ORG"), help="cProfile one kind")
    args = parser.parse_args(argv)
    services, client = uncached_app(args.db)
    profiles = ProfileService(services.db)
    anonymous = Principal.anonymous()
    for kind in ("PERSON", "ORG"):
        ids = _ids(profiles, kind)
        if kind == "PERSON" and args.people:
            ids = ids[: args.people]
        if args.profile == kind:
            import cProfile
            import pstats

            with cProfile.Profile() as prof:
                for entity_id in ids:
                    profiles.profile(entity_id, anonymous)
            pstats.Stats(prof).sort_stats("tottime").print_stats(30)
            pstats.Stats(prof).sort_stats("cumulative").print_stats(45)
            continue
        _timed(ids[:5], lambda i: client.get(f"/entities/{i}"))  # warm
        service = _timed(ids, lambda i: profiles.profile(i, anonymous))
        page = _timed(ids, lambda i: client.get(f"/entities/{i}"))
        print(f"{kind}: service {service}  page {page}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
