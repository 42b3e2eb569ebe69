"""A live server on loopback and Debian's Chromium (skipped plainly when it is absent)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from daphuong.domain.access import Principal
from daphuong.store.engine import Database
from daphuong.web.app import create_app
from tests.web.conftest import make_services
from tests.web.gold import load_golds

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture
def live_server(sqlite_db: Database, shared_dir: Path) -> Iterator[str]:
    """The app over a fresh database, extracting seeds as their gold records, on loopback."""
    services = make_services(sqlite_db, load_golds(shared_dir / "seeds"))
    app = create_app(services, resolve_principal=lambda _r: Principal.local_system("browser"))
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def screenshots() -> Path:
    """Where browser tests save what they saw."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


@pytest.fixture
def chromium_path() -> Path:
    """Debian's Chromium; nothing downloads a browser."""
    if not CHROMIUM.exists():
        pytest.skip("browser tests need Debian's Chromium: apt-get install -y chromium")
    return CHROMIUM
