"""`daphuong serve`: run the web app and JSON API with uvicorn, in one or several processes."""

from __future__ import annotations

import gc
import json
import os
from typing import TYPE_CHECKING

import typer

from daphuong.cli.state import state
from daphuong.domain.access import Principal
from daphuong.services.container import build_services
from daphuong.settings import Settings, get_settings
from daphuong.store.engine import Database
from daphuong.store.migrate import upgrade

if TYPE_CHECKING:
    from fastapi import FastAPI

LOOPBACK = ("127.0.0.1", "localhost", "::1")
ENV_PREFIX = "DAPHUONG_"
WORKER_START_S = 60


def settle_heap() -> None:
    """Move what start-up built out of the cyclic collector's reach (`gc.freeze`).

    The gazetteers, the pipeline and the templates are long-lived and hold large dicts: a full
    collection walked them in about 120 ms, so every few hundred requests one visitor waited
    that long (p99 of a single client's person pages 166 ms before, 18 ms after, in
    benchmarks/results/web.md). Frozen objects are never collected, which is right for objects
    that live as long as the process.
    """
    gc.collect()
    gc.freeze()


def worker_app() -> FastAPI:
    """The app one uvicorn worker serves: settings from the environment, schema already migrated."""
    from daphuong.web.app import create_app

    app = create_app(build_services(get_settings(), migrate=False))
    settle_heap()
    return app


def local_admin_worker_app() -> FastAPI:
    """worker_app() where every visitor is the local operator."""
    from daphuong.web.app import create_app

    services = build_services(get_settings(), migrate=False)
    app = create_app(services, resolve_principal=lambda _r: Principal.local_system("web"))
    settle_heap()
    return app


def settings_environment(settings: Settings) -> dict[str, str]:
    """The DAPHUONG_* variables that rebuild `settings` in a worker process."""
    out: dict[str, str] = {}
    for name, value in settings.model_dump(mode="json").items():
        if value is None:
            continue
        text = value if isinstance(value, str) else json.dumps(value)
        out[f"{ENV_PREFIX}{name.upper()}"] = text
    return out


def serve_app(
    host: str,
    port: int,
    *,
    settings: Settings | None = None,
    local_admin: bool = False,
    workers: int = 1,
) -> None:
    """Build the services from settings and serve the app until interrupted.

    With several workers, uvicorn starts each process from an import string, so the settings
    travel to them as DAPHUONG_* environment variables; the schema is migrated here, once.
    """
    import uvicorn

    from daphuong.web.app import create_app

    if local_admin and host not in LOOPBACK:
        raise typer.BadParameter("--local-admin is only allowed on a loopback address")
    if workers < 1:
        raise typer.BadParameter("--workers must be at least 1")
    settings = settings or get_settings()
    level = settings.log_level.lower()
    if workers > 1:
        db = Database(settings.resolved_database_url())
        upgrade(db.engine)
        db.dispose()
        os.environ.update(settings_environment(settings))
        factory = "local_admin_worker_app" if local_admin else "worker_app"
        target = f"{__name__}:{factory}"
        uvicorn.run(
            target,
            factory=True,
            host=host,
            port=port,
            workers=workers,
            log_level=level,
            # A worker builds its services (gazetteers, pipeline) before it answers the
            # supervisor's ping; on a busy machine that takes longer than the 5 s default.
            timeout_worker_healthcheck=WORKER_START_S,
        )
        return
    services = build_services(settings)
    if local_admin:
        app = create_app(services, resolve_principal=lambda _r: Principal.local_system("web"))
    else:
        app = create_app(services)
    settle_heap()
    uvicorn.run(app, host=host, port=port, log_level=level)


def serve(
    ctx: typer.Context,
    host: str = typer.Option("127.0.0.1", help="Address to listen on"),
    port: int = typer.Option(8000, help="Port to listen on"),
    local_admin: bool = typer.Option(
        False, help="Treat every visitor as the local operator (single-user, loopback only)"
    ),
    workers: int = typer.Option(
        os.cpu_count() or 1,
        help="Worker processes (default: the number of CPUs); 1 serves from this process",
        show_default=False,
    ),
) -> None:
    """Serve the web app and the JSON API (/api/v1, OpenAPI at /api/openapi.json)."""
    settings = state(ctx).settings()
    serve_app(host, port, settings=settings, local_admin=local_admin, workers=workers)
