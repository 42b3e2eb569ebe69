"""`daphuong events`: canonical events across reports and how often reports repeat."""

from __future__ import annotations

import typer

from daphuong.cli.entity import parts
from daphuong.cli.output import print_json
from daphuong.domain.access import Principal
from daphuong.services.event_stats import EventStats

app = typer.Typer(help="Events reported across documents.", no_args_is_help=True)


@app.command("dupes")
def dupes(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="Print JSON"),
) -> None:
    """How many event reports were folded into one canonical event (the duplicate rate)."""
    report = EventStats(parts(ctx).db).duplicates(Principal.local_system())
    if as_json:
        print_json(report)
        return
    typer.echo(
        f"reports {report['reports']}, canonical events {report['events']}, "
        f"duplicate reports {report['duplicate_reports']} "
        f"(rate {report['duplicate_rate']:.1%})"
    )
    for event in report["multi_report_events"]:
        typer.echo(f"  #{event['id']} {event['caption']}: {', '.join(event['documents'])}")
