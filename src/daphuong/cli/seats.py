"""`daphuong seat`: memberships, chairmanships, elected seats and candidacies."""

from __future__ import annotations

import datetime as dt

import typer

from daphuong.cli.accounts import OPERATOR, reported
from daphuong.cli.state import state
from daphuong.domain.coordination import Seat, SeatKind, SeatStatus
from daphuong.domain.document import Visibility
from daphuong.services.seats import SeatService

app = typer.Typer(help="Seats in multilateral bodies.", no_args_is_help=True)
DATE = ["%Y-%m-%d"]


def _service(ctx: typer.Context) -> SeatService:
    return SeatService(state(ctx).services().db)


@app.command("add")
def add(  # noqa: PLR0913  # each CLI option is a parameter in Typer
    ctx: typer.Context,
    body: str = typer.Argument(..., help="e.g. 'Hội đồng Bảo an Liên hợp quốc'"),
    kind: SeatKind = typer.Option(..., "--kind", help="membership, chairmanship, …"),
    status: SeatStatus = typer.Option(SeatStatus.INTENDED, "--status", help="Where it stands"),
    position: str = typer.Option("", "--position", help="e.g. Ủy viên không thường trực"),
    start: dt.datetime | None = typer.Option(None, "--from", formats=DATE, help="Term start"),
    end: dt.datetime | None = typer.Option(None, "--to", formats=DATE, help="Term end"),
    org: int | None = typer.Option(None, "--org", help="Holding and owning organization id"),
    obligations: str = typer.Option("", "--obligations", help="What the seat requires"),
    visibility: Visibility = typer.Option(Visibility.PUBLIC, "--visibility", help="Who sees it"),
) -> None:
    """Record a seat."""
    with reported():
        seat = _service(ctx).add(
            OPERATOR,
            Seat(
                id=0,
                body=body,
                kind=kind,
                status=status,
                position=position,
                term_start=start.date() if start else None,
                term_end=end.date() if end else None,
                holder_org_id=org,
                owner_org_id=org,
                obligations=obligations,
                visibility=visibility,
            ),
        )
    typer.echo(f"seat {seat.id}: {seat.body} ({seat.status.value})")


@app.command("advance")
def advance(
    ctx: typer.Context,
    seat_id: int = typer.Argument(..., help="Seat id"),
    status: SeatStatus = typer.Argument(..., help="New status"),
    on: dt.datetime | None = typer.Option(None, "--on", formats=DATE, help="Date of the change"),
) -> None:
    """Move a seat along intended → announced → elected → serving → ended."""
    with reported():
        seat = _service(ctx).advance(OPERATOR, seat_id, status, on=on.date() if on else None)
    typer.echo(f"seat {seat.id}: {seat.status.value}")


@app.command("list")
def list_seats(
    ctx: typer.Context, year: int | None = typer.Option(None, "--year", help="Term touches year")
) -> None:
    """List seats."""
    for s in _service(ctx).list(OPERATOR, year=year):
        term = f"{s.term_start or '?'}–{s.term_end or ''}"
        typer.echo(f"{s.id}\t{s.kind.value}\t{s.status.value}\t{term}\t{s.body}")
