"""`daphuong activity`: record activities, list them, turn an extracted event into one."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict
from pathlib import Path

import typer

from daphuong.cli.accounts import OPERATOR, reported
from daphuong.cli.output import print_json
from daphuong.cli.state import state
from daphuong.domain.coordination import Activity, Area
from daphuong.domain.document import Visibility
from daphuong.domain.extraction import ExtractedEvent, Span
from daphuong.errors import InvalidInput
from daphuong.services.activities import ActivityService
from daphuong.store.activities import ActivityFilter

app = typer.Typer(help="Activities: meetings, visits, conferences.", no_args_is_help=True)


def _service(ctx: typer.Context) -> ActivityService:
    return ActivityService(state(ctx).services().db)


@app.command("add")
def add(  # noqa: PLR0913  # each CLI option is a parameter in Typer
    ctx: typer.Context,
    title: str = typer.Argument(..., help="Title"),
    kind: str = typer.Option(..., "--kind", help="hội nghị, chuyến thăm, cuộc gặp…"),
    start: dt.datetime | None = typer.Option(None, "--date", formats=["%Y-%m-%d"], help="Start"),
    area: Area | None = typer.Option(None, "--area", help="Area of work"),
    place: str = typer.Option("", "--place", help="Where"),
    org: int | None = typer.Option(None, "--org", help="Owning and organizing organization id"),
    visibility: Visibility = typer.Option(Visibility.INTERNAL, "--visibility", help="Who sees it"),
) -> None:
    """Record an activity."""
    with reported():
        act = _service(ctx).create(
            OPERATOR,
            Activity(
                id=0,
                kind=kind,
                title=title,
                start_date=start.date() if start else None,
                area=area,
                place=place,
                organizer_org_id=org,
                owner_org_id=org,
                visibility=visibility,
            ),
        )
    typer.echo(f"activity {act.id}: {act.title}")


@app.command("list")
def list_activities(
    ctx: typer.Context,
    year: int | None = typer.Option(None, "--year", help="Calendar year"),
    area: Area | None = typer.Option(None, "--area", help="Area of work"),
    as_json: bool = typer.Option(False, "--json", help="Print JSON"),
) -> None:
    """List activities."""
    acts = _service(ctx).list(OPERATOR, ActivityFilter(year=year, area=area))
    if as_json:
        print_json([asdict(a) for a in acts])
        return
    for a in acts:
        typer.echo(f"{a.id}\t{a.start_date or ''}\t{a.kind}\t{a.title}")


def _event_from_json(path: Path, index: int) -> ExtractedEvent:
    data = json.loads(path.read_text(encoding="utf-8"))
    events = data.get("events", []) if isinstance(data, dict) else data
    if not 0 <= index < len(events):
        raise InvalidInput(f"{path}: no event number {index} (it has {len(events)})")
    ev = events[index]
    return ExtractedEvent(
        kind=ev["kind"],
        name=ev.get("name", ""),
        date=ev.get("date", ""),
        organizers=list(ev.get("organizers", [])),
        chairs=list(ev.get("chairs", [])),
        mentions=[Span(a, b) for a, b in ev.get("mentions", [])],
    )


@app.command("from-event")
def from_event(
    ctx: typer.Context,
    document_id: int = typer.Option(..., "--doc", help="Stored document id"),
    events_file: Path = typer.Option(..., "--events", help="JSON with an 'events' list"),
    index: int = typer.Option(0, "--index", help="Which event of the list"),
    area: Area | None = typer.Option(None, "--area", help="Area of work"),
) -> None:
    """Turn an extracted event (extractor or gold JSON) into an activity linked to its document."""
    with reported():
        event = _event_from_json(events_file, index)
        act = _service(ctx).from_extracted_event(OPERATOR, document_id, event, area=area)
    typer.echo(f"activity {act.id}: {act.title}")
