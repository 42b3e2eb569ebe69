"""`daphuong report annual`: the Vietnamese annual report as DOCX or PDF."""

from __future__ import annotations

from pathlib import Path

import typer

from daphuong.cli.accounts import OPERATOR, account_parts, reported
from daphuong.cli.state import state
from daphuong.services.annual_report import AnnualReportService

app = typer.Typer(help="Reports.", no_args_is_help=True)


@app.command("annual")
def annual(
    ctx: typer.Context,
    year: int = typer.Option(..., "--year", help="Calendar year"),
    org: int | None = typer.Option(None, "--org", help="Only this organization"),
    fmt: str = typer.Option("docx", "--format", help="docx or pdf"),
    out: Path = typer.Option(..., "--out", help="File to write"),
) -> None:
    """Write the annual report with sections by area and sources for every figure."""
    with reported():
        service = AnnualReportService(state(ctx).services().db, account_parts(ctx).accounts)
        report = service.build(OPERATOR, year, org_id=org)
        service.write(report, fmt, out)
    typer.echo(f"wrote {out}")
