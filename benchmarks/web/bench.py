"""Load benchmark: entity, document and search pages under concurrent clients against `serve`.

python -m benchmarks.web.bench --n 100000 --clients 20 --requests 600
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import httpx

from benchmarks.web.build import build

RESULTS = Path(__file__).resolve().parents[1] / "results"
DEFAULT_DB = RESULTS / "tmp" / "web.db"
QUERIES = ["hội nghị", "ngoai giao", "Bộ Ngoại giao", "hữu nghị", "viện trợ", "Hà Nội", "hoi thao"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _percentiles(samples: Sequence[float]) -> dict[str, float]:
    ordered = sorted(samples)

    def pick(q: float) -> float:
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000

    return {
        "p50_ms": round(pick(0.5), 1),
        "p95_ms": round(pick(0.95), 1),
        "max_ms": round(ordered[-1] * 1000, 1),
        "mean_ms": round(statistics.fmean(ordered) * 1000, 1),
    }


async def _load(base: str, paths: list[str], clients: int, deadline_s: float) -> dict[str, float]:
    """Fetch every path with `clients` concurrent workers (bounded in count and in time)."""
    queue: asyncio.Queue[str] = asyncio.Queue()
    for p in paths:
        queue.put_nowait(p)
    samples: list[float] = []
    errors = 0
    stop = time.monotonic() + deadline_s

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal errors
        while not queue.empty() and time.monotonic() < stop:
            path = queue.get_nowait()
            began = time.perf_counter()
            try:
                response = await client.get(path)
            except httpx.TimeoutException:
                errors += 1  # counted, and its time is not a latency sample
                continue
            samples.append(time.perf_counter() - began)
            errors += response.status_code != 200

    limits = httpx.Limits(max_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        began = time.perf_counter()
        await asyncio.gather(*(worker(client) for _ in range(clients)))
        wall = time.perf_counter() - began
    return {
        "requests": len(samples),
        "errors": errors,
        "rps": round(len(samples) / wall, 1),
        **_percentiles(samples),
    }


def _targets(db_path: Path, kind: str, count: int, rng: random.Random) -> list[str]:
    import sqlite3

    con = sqlite3.connect(db_path)
    try:
        if kind == "document":
            (n,) = con.execute("select max(id) from documents").fetchone()
            return [f"/documents/{rng.randint(1, n)}" for _ in range(count)]
        if kind == "entity":
            ids = [
                r[0] for r in con.execute("select id from registry_entities where type='PERSON'")
            ]
            return [f"/entities/{rng.choice(ids)}" for _ in range(count)]
        return [f"/search?q={rng.choice(QUERIES)}" for _ in range(count)]
    finally:
        con.close()


def _serve(db_path: Path, port: int, workers: int) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "DAPHUONG_DATABASE_URL": f"sqlite:///{db_path}",
        # Pages only read; the bench database is built without running the extractor.
        "DAPHUONG_PIPELINE": '["normalize", "clean"]',
        "DAPHUONG_LOG_LEVEL": "WARNING",
    }
    exe = str(Path(sys.executable).with_name("daphuong"))
    cmd = [exe, "serve", "--port", str(port), "--workers", str(workers)]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    for _ in range(900):  # workers build their services first: up to 90 s on a busy machine
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/v1/documents?limit=1", timeout=1)
            return proc
        except httpx.TransportError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("server did not start")


def main(argv: list[str]) -> int:
    """Build (unless --reuse) the database, serve it, load each page kind, write the results."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.web.bench")
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=600, help="per page kind")
    parser.add_argument("--deadline", type=float, default=120, help="seconds per page kind")
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--reuse", action="store_true", help="use an already built --db")
    parser.add_argument("--out", type=Path, default=RESULTS / "web.md")
    parser.add_argument("--pages", default="document,entity,search", help="comma-separated")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="serve --workers")
    args = parser.parse_args(argv)
    args.db.parent.mkdir(parents=True, exist_ok=True)
    built = {"documents": args.n} if args.reuse else build(args.db, args.n)
    port = _free_port()
    load_before = os.getloadavg()
    proc = _serve(args.db, port, args.workers)
    rng = random.Random(7)
    results: dict[str, dict[str, float]] = {}
    try:
        for kind in args.pages.split(","):
            paths = _targets(args.db, kind, args.requests, rng)
            base = f"http://127.0.0.1:{port}"
            asyncio.run(_load(base, paths[:40], args.clients, 30))  # warm-up
            results[kind] = asyncio.run(_load(base, paths, args.clients, args.deadline))
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()  # requests still queued on the server: do not wait for them
            proc.wait()
    _write(args, built, results, argv, (load_before, os.getloadavg()))
    print(json.dumps(results, indent=2))
    return 0


def _write(
    args: argparse.Namespace,
    built: dict[str, int],
    results: dict[str, dict[str, float]],
    argv: list[str],
    load: tuple[tuple[float, float, float], tuple[float, float, float]],
) -> None:
    """Append this run to the results file (every run is kept, with the machine's load)."""
    when = time.strftime("%Y-%m-%d %H:%M")
    lines = [
        "",
        f"## Run {when}",
        "",
        f"Command: `python -m benchmarks.web.bench {' '.join(argv)}`",
        "",
        f"Database: SQLite, {built}. Server: `daphuong serve --workers {args.workers}` on "
        f"loopback; {args.clients} concurrent clients (httpx, asyncio, same machine), up to "
        f"{args.requests} requests per page kind within {args.deadline:.0f} s.",
        f"Machine: {os.cpu_count()} CPUs; load average (1/5/15 min) before "
        f"{'/'.join(f'{x:.1f}' for x in load[0])}, after {'/'.join(f'{x:.1f}' for x in load[1])}.",
        "",
        "| page | requests | errors | req/s | p50 ms | p95 ms | max ms | mean ms |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for kind, r in results.items():
        cells = [r.get(k, "-") for k in ("rps", "p50_ms", "p95_ms", "max_ms", "mean_ms")]
        row = " | ".join(str(c) for c in cells)
        lines.append(f"| {kind} | {r['requests']:.0f} | {r['errors']:.0f} | {row} |")
    if not args.out.exists():
        args.out.write_text("# Web load benchmark\n", encoding="utf-8")
    with args.out.open("a", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
