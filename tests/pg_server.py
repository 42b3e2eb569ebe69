"""Find or start a PostgreSQL server for tests: env URL, else a throwaway initdb cluster."""

from __future__ import annotations

import atexit
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

ENV_URL = "DAPHUONG_TEST_POSTGRES_URL"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _as_postgres(cmd: list[str]) -> list[str]:
    # PostgreSQL refuses to run as root; drop to the 'postgres' user the package creates.
    if os.geteuid() == 0 and shutil.which("runuser"):
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


def start_throwaway() -> tuple[str | None, str]:
    """Start a loopback-only cluster in a temp dir; returns (url, reason-if-none)."""
    bindir = _pg_bin()
    if bindir is None:
        return None, "no PostgreSQL binaries (initdb) found; install postgresql to run them"
    tmp = Path(tempfile.mkdtemp(prefix="daphuong-pg-"))
    if os.geteuid() == 0:
        shutil.chown(tmp, "postgres", "postgres")
    data, port = tmp / "data", _free_port()
    init = _as_postgres([str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres"])
    subprocess.run([*init, "-E", "UTF8", "--locale=C"], check=True, capture_output=True)
    opts = f"-c listen_addresses=127.0.0.1 -p {port} -k {tmp} -c fsync=off"
    ctl = _as_postgres([str(bindir / "pg_ctl"), "-D", str(data), "-o", opts, "-w", "start"])
    subprocess.run([*ctl, "-l", str(tmp / "log")], check=True, capture_output=True)
    stop = _as_postgres([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"])
    atexit.register(lambda: subprocess.run(stop, capture_output=True, check=False))
    time.sleep(0.2)
    return f"postgresql://postgres@127.0.0.1:{port}/postgres", ""


def server_url() -> tuple[str | None, str]:
    """The admin URL of a usable server, or None and why not."""
    url = os.environ.get(ENV_URL)
    if url:
        return url, ""
    try:
        return start_throwaway()
    except (subprocess.CalledProcessError, OSError) as exc:
        return None, f"could not start a throwaway PostgreSQL: {exc}"
