#!/usr/bin/env python3
"""Set-up and task runner needing only Python 3.11: `python3 tasks.py demo|check|test|…`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / "bin"
LOCK = ROOT / "requirements" / "lock.txt"
STAMP = VENV / ".installed"


def sh(*cmd: str | Path, check: bool = True, env: dict[str, str] | None = None) -> int:
    """Run a command from the repository root, echoing it."""
    print("+", " ".join(str(c) for c in cmd), flush=True)
    return subprocess.run([str(c) for c in cmd], cwd=ROOT, check=check, env=env).returncode


def setup() -> None:
    """Create .venv and install the pinned dependencies (skipped when up to date)."""
    if not (BIN / "python").exists():
        sh(sys.executable, "-m", "venv", VENV)
    inputs = [ROOT / "pyproject.toml", LOCK]
    newest = max(p.stat().st_mtime for p in inputs if p.exists())
    if STAMP.exists() and STAMP.stat().st_mtime >= newest:
        return
    if not (BIN / "uv").exists():
        sh(BIN / "python", "-m", "pip", "install", "--quiet", "uv==0.9.11")
    uv: list[str | Path] = [BIN / "uv", "pip", "install", "--quiet", "--python", BIN / "python"]
    if LOCK.exists():
        sh(*uv, "-r", LOCK)
    sh(*uv, "--no-deps", "-e", ".")
    fetch_iati_schema()
    STAMP.touch()


IATI_DIR = VENV / "share" / "iati-2.03"


def fetch_iati_schema() -> None:
    """Unpack the official IATI 2.03 XSDs from the MIT-licensed pyIATI sdist (not committed)."""
    if (IATI_DIR / "iati-activities-schema.xsd").exists():
        return
    import tarfile
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        code = sh(sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                  "--no-binary", ":all:", "pyIATI==0.4.1", "-d", tmp, check=False)  # fmt: skip
        archives = list(Path(tmp).glob("*.tar.gz"))
        if code or not archives:
            print("warning: official IATI schema not fetched; its test will be skipped")
            return
        IATI_DIR.mkdir(parents=True, exist_ok=True)
        with tarfile.open(archives[0]) as tar:
            for member in tar.getmembers():
                if "/standard/2-03/schemas/" in member.name and member.name.endswith(".xsd"):
                    data = tar.extractfile(member)
                    if data is not None:
                        (IATI_DIR / Path(member.name).name).write_bytes(data.read())


def lint() -> int:
    """Format check, lint, strict types and import contracts."""
    codes = [
        sh(
            BIN / "ruff", "format", "--check", "src", "tests", "benchmarks", "tasks.py", check=False
        ),
        sh(BIN / "ruff", "check", "src", "tests", "benchmarks", "tasks.py", check=False),
        sh(BIN / "mypy", "src", "tests", check=False),
        sh(BIN / "lint-imports", check=False),
    ]
    return max(codes)


def test(extra: list[str]) -> int:
    """The whole test suite (PostgreSQL and browser tests included when available)."""
    env = dict(os.environ)
    env.setdefault("PYTHONHASHSEED", "0")
    code = sh(BIN / "pytest", "-n", "2", "--dist", "loadgroup", *extra, check=False, env=env)
    return 0 if code == 5 and "--allow-empty" in extra else code


def clean() -> int:
    """Remove the virtual environment."""
    shutil.rmtree(VENV, ignore_errors=True)
    return 0


TASKS: dict[str, Callable[[list[str]], int]] = {
    "demo": lambda rest: sh(BIN / "daphuong", "demo", *rest, check=False),
    "lint": lambda rest: lint(),
    "test": test,
    "check": lambda rest: max(lint(), test(rest)),
    "bench": lambda rest: sh(BIN / "python", "-m", "benchmarks", *rest, check=False),
    "clean": lambda rest: clean(),
}


def main(argv: list[str]) -> int:
    """Dispatch a task (default: check)."""
    task, rest = (argv[0], argv[1:]) if argv else ("check", [])
    if task not in TASKS:
        print(f"unknown task {task!r}; tasks: {', '.join(TASKS)}", file=sys.stderr)
        return 2
    if task != "clean":
        setup()
    return TASKS[task](rest)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
