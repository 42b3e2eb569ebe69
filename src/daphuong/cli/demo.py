"""`daphuong demo`: ingest the bundled sample documents into the embedded database."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import typer

from daphuong.cli.state import state


def samples_dir() -> Path:
    """Folder of the sample documents shipped with the package."""
    return Path(str(files("daphuong").joinpath("data/samples")))


def demo(
    ctx: typer.Context,
    serve: bool = typer.Option(True, help="Serve the web app after ingesting"),
    host: str = typer.Option("127.0.0.1", help="Address to serve on"),
    port: int = typer.Option(8000, help="Port to serve on"),
) -> None:
    """Ingest the sample documents (SQLite by default) and show what was found."""
    services = state(ctx).services()
    summary = services.ingestion.ingest([str(samples_dir())])
    typer.echo(
        f"database: {services.db.url}\n"
        f"samples: ingested {summary.ingested}, unchanged {summary.unchanged}, "
        f"failed {len(summary.failed)}"
    )
    for failure in summary.failed:
        typer.echo(f"error: {failure['path']}: {failure['error']}", err=True)
    if serve:
        _serve(host, port)


def _serve(host: str, port: int) -> None:
    try:
        from daphuong.cli.serve import serve_app
    except ImportError:
        typer.echo("web app not available in this build", err=True)
        return
    serve_app(host, port)
