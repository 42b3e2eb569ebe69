"""Printing helpers shared by commands: JSON to stdout, errors to stderr."""

from __future__ import annotations

import json
import sys
from typing import Any

from daphuong.errors import DaphuongError


def print_json(data: Any) -> None:
    """Print JSON with Vietnamese characters as written."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def print_error(message: str) -> None:
    """Print `error: <message>` on stderr."""
    sys.stderr.write(f"error: {message}\n")


def fail(exc: DaphuongError) -> int:
    """Report a known error and return its exit code."""
    print_error(exc.message)
    return exc.exit_code
