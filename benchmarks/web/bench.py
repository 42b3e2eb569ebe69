"""Load benchmark: entity, document and search pages under concurrent clients against `serve`.

python -m benchmarks.web.bench --n 100000 --reuse --clients 20 --seconds 30

The load comes from Debian's `wrk` when installed (`--tool wrk`, the default then: C and epoll,
a few percent of one CPU at these rates); `--tool httpx` is the Python client used before,
which competes with the server for the same CPUs.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import resource
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlencode

import httpx

from benchmarks.web import wrk_load
from benchmarks.web.build import build

RESULTS = Path(__file__).resolve().parents[1] / "results"
DEFAULT_DB = RESULTS / "tmp" / "web.db"
# Page kinds: "entity" is a person's page (as in the first runs), "org" an organization's.
ENTITY_TYPES = {"entity": "PERSON", "org": "ORG"}
PAGE_KINDS = ("document", "entity", "org", "search")
TARGET_P95_MS = 150
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
        if kind in ENTITY_TYPES:
            sql = "select id from registry_entities where type = ?"
            ids = [r[0] for r in con.execute(sql, (ENTITY_TYPES[kind],))]
            return [f"/entities/{rng.choice(ids)}" for _ in range(count)]
        return [f"/search?{urlencode({'q': rng.choice(QUERIES)})}" for _ in range(count)]
    finally:
        con.close()


def _serve(
    db_path: Path, port: int, workers: int, extra: dict[str, str]
) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "DAPHUONG_DATABASE_URL": f"sqlite:///{db_path}",
        # Pages only read; the bench database is built without running the extractor.
        "DAPHUONG_PIPELINE": '["normalize", "clean"]',
        "DAPHUONG_LOG_LEVEL": "WARNING",
        **extra,
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


def _preread(db_path: Path) -> float:
    """Read the database files once so they sit in the OS page cache, as on a running server.

    Other work on a shared machine evicts them otherwise, and a document page then waits on
    the disk for its row: that measures the machine's memory, not the page.
    """
    began = time.perf_counter()
    for path in (db_path, db_path.with_name(db_path.name + "-wal")):
        if path.exists():
            with path.open("rb") as fh:
                while fh.read(1 << 24):
                    pass
    return time.perf_counter() - began


def _arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.web.bench")
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--tool", choices=("wrk", "httpx"), default=None, help="wrk if installed")
    parser.add_argument("--seconds", type=float, default=30, help="wrk: seconds per page kind")
    parser.add_argument("--warmup", type=float, default=5, help="wrk: seconds before measuring")
    parser.add_argument("--requests", type=int, default=600, help="paths per page kind")
    parser.add_argument("--deadline", type=float, default=120, help="httpx: seconds per kind")
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--reuse", action="store_true", help="use an already built --db")
    parser.add_argument("--out", type=Path, default=RESULTS / "web.md")
    parser.add_argument(
        "--pages", default=",".join(PAGE_KINDS), help="comma-separated: " + ", ".join(PAGE_KINDS)
    )
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="serve --workers")
    parser.add_argument(
        "--server-env", action="append", default=[], metavar="NAME=VALUE", help="for serve"
    )
    args = parser.parse_args(argv)
    unknown = sorted(set(args.pages.split(",")) - set(PAGE_KINDS))
    if unknown:
        # An unknown name used to load search pages silently and label them with that name.
        parser.error(f"--pages: unknown page kind(s) {', '.join(unknown)}; known: {PAGE_KINDS}")
    args.tool = args.tool or ("wrk" if wrk_load.available() else "httpx")
    return args


def _measure(args: argparse.Namespace, base: str, paths: list[str]) -> dict[str, float]:
    """Warm up, then load one page kind; wrk's own CPU time is recorded beside the figures."""
    if args.tool == "httpx":
        asyncio.run(_load(base, paths[:40], args.clients, 30))
        return asyncio.run(_load(base, paths, args.clients, args.deadline))
    # Warm up on one half of the paths and measure on the other: a document page measured
    # right after the same document was warmed would only measure the cache.
    half = len(paths) // 2
    wrk_load.run(base, paths[:half], clients=args.clients, seconds=args.warmup)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = wrk_load.run(base, paths[half:], clients=args.clients, seconds=args.seconds)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    used = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    result["client_cpu_pct"] = round(100 * used / args.seconds, 1)
    return result


def main(argv: list[str]) -> int:
    """Build (unless --reuse) the database, serve it, load each page kind, write the results."""
    args = _arguments(argv)
    args.db.parent.mkdir(parents=True, exist_ok=True)
    built = {"documents": args.n} if args.reuse else build(args.db, args.n)
    args.preread_s = _preread(args.db)
    port = _free_port()
    extra = dict(item.split("=", 1) for item in args.server_env)
    proc = _serve(args.db, port, args.workers, extra)
    rng = random.Random(7)
    results: dict[str, dict[str, float]] = {}
    loads: dict[str, tuple[float, ...]] = {}
    try:
        for kind in args.pages.split(","):
            paths = _targets(args.db, kind, args.requests, rng)
            loads[kind] = os.getloadavg()
            results[kind] = _measure(args, f"http://127.0.0.1:{port}", paths)
        loads["after"] = os.getloadavg()
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()  # requests still queued on the server: do not wait for them
            proc.wait()
    _write(args, built, results, argv, loads)
    print(json.dumps(results, indent=2))
    return 0


def _revision() -> str:
    """The commit the server ran, marked when the working tree had other changes."""
    head = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], check=False, capture_output=True, text=True
    )
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=no"],
        check=False,
        capture_output=True,
        text=True,
    )
    return head.stdout.strip() + (" + uncommitted changes" if dirty.stdout.strip() else "")


def _write(
    args: argparse.Namespace,
    built: dict[str, int],
    results: dict[str, dict[str, float]],
    argv: list[str],
    loads: dict[str, tuple[float, ...]],
) -> None:
    """Append this run to the results file (every run is kept, with the machine's load)."""
    when = time.strftime("%Y-%m-%d %H:%M", time.gmtime())
    if args.tool == "wrk":
        how = (
            f"wrk 4.1 (1 thread, {args.clients} connections, each sends its next request when the "
            f"last is answered), {args.warmup:.0f} s warm-up on half of {args.requests} random "
            f"paths per page kind, then {args.seconds:.0f} s measured on the other half"
        )
    else:
        how = (
            f"{args.clients} concurrent clients (httpx, asyncio), up to {args.requests} "
            f"requests per page kind within {args.deadline:.0f} s"
        )
    load_text = "; ".join(f"{k} {'/'.join(f'{x:.1f}' for x in v)}" for k, v in loads.items())
    extra = f" with {' '.join(args.server_env)}" if args.server_env else ""
    lines = [
        "",
        f"## Run {when} UTC",
        "",
        f"Command: `python -m benchmarks.web.bench {' '.join(argv)}` (code at {_revision()})",
        "",
        f"Database: SQLite, {built}. Server: `daphuong serve --workers {args.workers}`{extra} on "
        f"loopback. Load: {how}, same machine. Database files read once beforehand "
        f"({args.preread_s:.0f} s) so they start in the OS page cache.",
        f"Machine: {os.cpu_count()} CPUs; load average (1/5/15 min) before each page kind: "
        f"{load_text}.",
        "",
        "| page | requests | errors | req/s | p50 ms | p95 ms | p99 ms | max ms | mean ms "
        "| client CPU % | p95 <= 150 ms |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for kind, r in results.items():
        keys = ("rps", "p50_ms", "p95_ms", "p99_ms", "max_ms", "mean_ms", "client_cpu_pct")
        row = " | ".join(str(r.get(k, "-")) for k in keys)
        met = "met" if r["p95_ms"] <= TARGET_P95_MS and not r["errors"] else "missed"
        lines.append(f"| {kind} | {r['requests']:.0f} | {r['errors']:.0f} | {row} | {met} |")
    if not args.out.exists():
        args.out.write_text("# Web load benchmark\n", encoding="utf-8")
    with args.out.open("a", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
