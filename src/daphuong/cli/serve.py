"""`daphuong serve`: run the web app and JSON API with uvicorn."""

from __future__ import annotations

import typer

from daphuong.cli.state import state
from daphuong.domain.access import Principal
from daphuong.services.container import build_services
from daphuong.settings import Settings, get_settings

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def serve_app(
    host: str, port: int, *, settings: Settings | None = None, local_admin: bool = False
) -> None:
    """Build the services from settings and serve the app until interrupted."""
    import uvicorn

    from daphuong.web.app import create_app

    if local_admin and host not in LOOPBACK:
        raise typer.BadParameter("--local-admin is only allowed on a loopback address")
    services = build_services(settings or get_settings())
    if local_admin:
        app = create_app(services, resolve_principal=lambda _r: Principal.local_system("web"))
    else:
        app = create_app(services)
    uvicorn.run(app, host=host, port=port, log_level=services.settings.log_level.lower())


def serve(
    ctx: typer.Context,
    host: str = typer.Option("127.0.0.1", help="Address to listen on"),
    port: int = typer.Option(8000, help="Port to listen on"),
    local_admin: bool = typer.Option(
        False, help="Treat every visitor as the local operator (single-user, loopback only)"
    ),
) -> None:
    """Serve the web app and the JSON API (/api/v1, OpenAPI at /api/openapi.json)."""
    serve_app(host, port, settings=state(ctx).settings(), local_admin=local_admin)
