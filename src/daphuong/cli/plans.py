"""`daphuong plan`: plan items, progress, indicators, overdue list and iCalendar feed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import typer

from daphuong.cli.accounts import OPERATOR, reported
from daphuong.cli.state import state
from daphuong.domain.coordination import (
    Area,
    Indicator,
    IndicatorValue,
    PlanItem,
    PlanLevel,
    PlanNode,
    PlanStatus,
)
from daphuong.domain.document import Visibility
from daphuong.services.plans import PlanService

app = typer.Typer(help="Plans: directive → scheme → programme → annual plan → tasks.")
DATE = ["%Y-%m-%d"]


def _service(ctx: typer.Context) -> PlanService:
    return PlanService(state(ctx).services().db)


@app.command("add")
def add(  # noqa: PLR0913  # each CLI option is a parameter in Typer
    ctx: typer.Context,
    title: str = typer.Argument(..., help="Title"),
    level: PlanLevel = typer.Option(..., "--level", help="legal_document … task"),
    parent: int | None = typer.Option(None, "--parent", help="Parent item id"),
    reference: str = typer.Option("", "--ref", help="e.g. 25-CT/TW"),
    lead: int | None = typer.Option(None, "--lead", help="Lead organization id (chủ trì)"),
    support: list[int] = typer.Option([], "--support", help="Supporting org ids (phối hợp)"),
    deadline: dt.datetime | None = typer.Option(None, "--deadline", formats=DATE, help="Due"),
    year: int | None = typer.Option(None, "--year", help="Plan year"),
    area: Area | None = typer.Option(None, "--area", help="Area of work"),
    visibility: Visibility = typer.Option(Visibility.INTERNAL, "--visibility", help="Who sees it"),
) -> None:
    """Add a plan item."""
    with reported():
        item = _service(ctx).add(
            OPERATOR,
            PlanItem(
                id=0,
                level=level,
                title=title,
                parent_id=parent,
                reference=reference,
                area=area,
                year=year,
                lead_org_id=lead,
                supporting_org_ids=list(support),
                deadline=deadline.date() if deadline else None,
                visibility=visibility,
                owner_org_id=lead,
            ),
        )
    typer.echo(f"plan item {item.id}: {item.title}")


@app.command("progress")
def progress(
    ctx: typer.Context,
    item_id: int = typer.Argument(..., help="Plan item id"),
    percent: float = typer.Argument(..., help="0–100"),
    status: PlanStatus | None = typer.Option(None, "--status", help="Set status explicitly"),
) -> None:
    """Report progress on an item (100% marks it done unless --status says otherwise)."""
    changes: dict[str, object] = {"progress": percent}
    if status is not None:
        changes["status"] = status
    with reported():
        item = _service(ctx).update(OPERATOR, item_id, **changes)
    typer.echo(f"plan item {item.id}: {item.progress:.0f}% {item.status.value}")


def _print_tree(node: PlanNode, depth: int = 0) -> None:
    it = node.item
    due = f" hạn {it.deadline}" if it.deadline else ""
    typer.echo(
        f"{'  ' * depth}{it.id} [{it.level.value}] {it.title} — "
        f"{node.rolled_progress:.0f}% {it.status.value}{due}"
    )
    for child in node.children:
        _print_tree(child, depth + 1)


@app.command("tree")
def tree(ctx: typer.Context) -> None:
    """Show every plan with rolled-up progress."""
    for node in _service(ctx).roots(OPERATOR):
        _print_tree(node)


@app.command("overdue")
def overdue(
    ctx: typer.Context,
    today: dt.datetime | None = typer.Option(None, "--today", formats=DATE, help="Reference day"),
) -> None:
    """List open items past their deadline."""
    for it in _service(ctx).overdue(OPERATOR, today.date() if today else None):
        typer.echo(f"{it.id}\t{it.deadline}\t{it.progress:.0f}%\t{it.title}")


@app.command("ical")
def ical(
    ctx: typer.Context,
    out: Path | None = typer.Option(None, "--out", help="File to write (default: stdout)"),
    org: int | None = typer.Option(None, "--org", help="Only this lead organization"),
) -> None:
    """Write an iCalendar feed of deadlines."""
    text = _service(ctx).ical(OPERATOR, org_id=org)
    if out is None:
        typer.echo(text, nl=False)
    else:
        out.write_bytes(text.encode("utf-8"))  # keep CRLF exactly
        typer.echo(f"wrote {out}")


@app.command("indicator")
def indicator(  # each CLI option is a parameter in Typer
    ctx: typer.Context,
    item_id: int = typer.Argument(..., help="Plan item id"),
    name: str = typer.Argument(..., help="Indicator name"),
    unit: str = typer.Option("", "--unit", help="Unit"),
    baseline: float | None = typer.Option(None, "--baseline", help="Baseline value"),
    target: float | None = typer.Option(None, "--target", help="Target value"),
) -> None:
    """Attach an indicator to a plan item."""
    with reported():
        ind = _service(ctx).add_indicator(
            OPERATOR,
            Indicator(
                id=0, plan_item_id=item_id, name=name, unit=unit, baseline=baseline, target=target
            ),
        )
    typer.echo(f"indicator {ind.id}: {ind.name}")


@app.command("actual")
def actual(
    ctx: typer.Context,
    indicator_id: int = typer.Argument(..., help="Indicator id"),
    period: str = typer.Argument(..., help="e.g. 2021 or 2021-Q3"),
    value: float = typer.Argument(..., help="Actual value"),
) -> None:
    """Record an indicator's actual value for a period."""
    with reported():
        _service(ctx).record_value(OPERATOR, indicator_id, IndicatorValue(period, value))
    typer.echo(f"indicator {indicator_id} {period}: {value}")
