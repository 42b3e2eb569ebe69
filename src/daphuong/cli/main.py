"""The `daphuong` command: root options and sub-commands."""

from __future__ import annotations

import sys

import typer

from daphuong.cli import (
    accounts,
    activities,
    aid,
    db,
    demo,
    entity,
    events,
    pipeline,
    plans,
    report,
    review,
    search,
    seats,
)
from daphuong.cli.export import export
from daphuong.cli.extract import evaluate_command, extract
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
app.command("extract")(extract)
app.command("eval")(evaluate_command)
app.command("search")(search.search)
app.command("demo")(demo.demo)
app.command("serve")(serve)
app.add_typer(pipeline.app, name="pipeline")
app.add_typer(db.app, name="db")
app.add_typer(entity.app, name="entity")
app.add_typer(review.app, name="review")
app.add_typer(events.app, name="events")
app.command("export")(export)
app.add_typer(accounts.org_app, name="org")
app.add_typer(accounts.user_app, name="user")
app.add_typer(accounts.token_app, name="token")
app.command("audit")(accounts.audit)
app.add_typer(activities.app, name="activity")
app.add_typer(plans.app, name="plan")
app.add_typer(seats.app, name="seat")
app.add_typer(aid.app, name="aid")
app.add_typer(report.app, name="report")


def run() -> None:
    """Console entry point: known errors print `error: …` and exit non-zero."""
    try:
        app()
    except DaphuongError as exc:
        sys.exit(fail(exc))
