"""Drive Debian's `wrk` (C, epoll) over a list of paths: a load client that barely uses the CPU."""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import tempfile
from pathlib import Path

LUA = Path(__file__).with_name("rotate.lua")
MARK = "WRK_JSON "


def available() -> bool:
    """Whether `wrk` is installed (Debian: apt-get install -y wrk)."""
    return shutil.which("wrk") is not None


def run(
    base: str, paths: list[str], *, clients: int, seconds: float, threads: int = 1
) -> dict[str, float]:
    """`clients` connections, each sending its next request when the last one is answered."""
    order = list(paths)
    random.Random(11).shuffle(order)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as listing:
        listing.write("\n".join(order) + "\n")
    try:
        cmd = [
            "wrk",
            f"--threads={threads}",
            f"--connections={clients}",
            f"--duration={max(1, round(seconds))}s",
            "--timeout=30s",
            f"--script={LUA}",
            base,
        ]
        env = {**os.environ, "WRK_PATHS": listing.name}
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"wrk failed: {done.stderr.strip()} {done.stdout.strip()}")
        out = done.stdout
    finally:
        os.unlink(listing.name)
    line = next(x for x in out.splitlines() if x.startswith(MARK))
    raw = json.loads(line.removeprefix(MARK))
    seconds_run = raw["duration_us"] / 1e6
    return {
        "requests": raw["requests"],
        "errors": raw["status_errors"] + raw["socket_errors"] + raw["timeouts"],
        "rps": round(raw["requests"] / seconds_run, 1),
        "p50_ms": round(raw["p50_us"] / 1000, 1),
        "p95_ms": round(raw["p95_us"] / 1000, 1),
        "p99_ms": round(raw["p99_us"] / 1000, 1),
        "max_ms": round(raw["max_us"] / 1000, 1),
        "mean_ms": round(raw["mean_us"] / 1000, 1),
    }
