"""The `daphuong` command: root options and sub-commands."""

from __future__ import annotations

import sys

import typer

from daphuong.cli import db, demo, pipeline, search
from daphuong.cli.ingest import ingest
from daphuong.cli.output import fail
from daphuong.cli.serve import serve
from daphuong.cli.state import CliState
from daphuong.errors import DaphuongError

app = typer.Typer(
    name="daphuong",
    help="Knowledge and coordination for Vietnam's multilateral and people-to-people diplomacy.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


@app.callback()
def root(
    ctx: typer.Context,
    db_url: str | None = typer.Option(
        None, "--db", help="Database URL (default: DAPHUONG_DATABASE_URL or SQLite in the data dir)"
    ),
) -> None:
    """Global options."""
    ctx.obj = CliState(database_url=db_url)


app.command("ingest")(ingest)
app.command("search")(search.search)
app.command("demo")(demo.demo)
app.command("serve")(serve)
app.add_typer(pipeline.app, name="pipeline")
app.add_typer(db.app, name="db")


def run() -> None:
    """Console entry point: known errors print `error: …` and exit non-zero."""
    try:
        app()
    except DaphuongError as exc:
        sys.exit(fail(exc))
