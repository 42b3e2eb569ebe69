"""`daphuong aid`: import and export the aid ledger, year summaries, published figures."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from pathlib import Path

import typer

from daphuong.cli.accounts import OPERATOR, reported
from daphuong.cli.state import state
from daphuong.domain.aid import PublishedAggregate
from daphuong.domain.document import Visibility
from daphuong.errors import InvalidInput
from daphuong.services.aid import AidService
from daphuong.store.aid import AidFilter

app = typer.Typer(help="The foreign-NGO aid ledger.", no_args_is_help=True)
EXPORT_FORMATS = ("csv", "iati")


def _service(ctx: typer.Context) -> AidService:
    return AidService(state(ctx).services().db)


@app.command("import")
def import_csv(
    ctx: typer.Context,
    path: Path = typer.Argument(..., exists=True, dir_okay=False, help="Ledger CSV"),
    org: int | None = typer.Option(None, "--org", help="Owning organization id"),
    visibility: Visibility = typer.Option(Visibility.SHARED, "--visibility", help="Who sees it"),
) -> None:
    """Import transactions from CSV (identical re-imports are skipped)."""
    with reported():
        summary = _service(ctx).import_csv(
            OPERATOR,
            path.read_text(encoding="utf-8-sig"),
            visibility=visibility,
            owner_org_id=org,
        )
    typer.echo(f"added {len(summary.added)}, unchanged {len(summary.unchanged)}")


@app.command("export")
def export(
    ctx: typer.Context,
    fmt: str = typer.Option("csv", "--format", help="csv or iati (IATI 2.03 XML)"),
    out: Path = typer.Option(..., "--out", help="File to write"),
    year_from: int | None = typer.Option(None, "--from", help="First year"),
    year_to: int | None = typer.Option(None, "--to", help="Last year"),
) -> None:
    """Export the ledger as CSV or IATI activity XML."""
    with reported():
        if fmt not in EXPORT_FORMATS:
            raise InvalidInput(f"--format must be one of {EXPORT_FORMATS}")
        flt = AidFilter(year_from=year_from, year_to=year_to)
        service = _service(ctx)
        if fmt == "csv":
            out.write_text(service.export_csv(OPERATOR, flt), encoding="utf-8")
        else:
            out.write_bytes(service.export_iati(OPERATOR, flt))
    typer.echo(f"wrote {out}")


@app.command("summary")
def summary(
    ctx: typer.Context,
    year_from: int = typer.Option(..., "--from", help="First year"),
    year_to: int = typer.Option(..., "--to", help="Last year"),
) -> None:
    """Totals per year: disbursed, committed and pledged apart, beside published figures."""
    for s in _service(ctx).year_summaries(OPERATOR, year_from, year_to):
        t = s.totals
        change = "" if s.disbursed_change_pct is None else f" ({s.disbursed_change_pct:+}%)"
        typer.echo(
            f"{t.year}\tdisbursed {t.disbursed_usd:,.2f}{change}\tcommitted {t.committed_usd:,.2f}"
            f"\tpledged {t.pledged_usd:,.2f} (not in totals)"
        )
        for p in s.published:
            typer.echo(
                f"\tpublished: {p.label} ≈{p.amount_usd:,.0f} USD (document {p.source_document_id})"
            )


def _decimal(text: str) -> Decimal:
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation as exc:
        raise InvalidInput(f"not a number: {text!r}") from exc


@app.command("published")
def published(  # noqa: PLR0913  # each CLI option is a parameter in Typer
    ctx: typer.Context,
    year: int = typer.Argument(..., help="Year the figure is for"),
    amount_usd: str = typer.Argument(..., help="Amount in USD, e.g. 233000000"),
    label: str = typer.Option(..., "--label", help="What the figure counts"),
    document: int | None = typer.Option(None, "--doc", help="Source document id"),
    change: str | None = typer.Option(None, "--change", help="Published change in %"),
    quote: str = typer.Option("", "--quote", help="The sentence as published"),
) -> None:
    """Store a published aggregate (kept apart from the ledger totals)."""
    with reported():
        amount, pct = _decimal(amount_usd), None if change is None else _decimal(change)
        agg = _service(ctx).add_published(
            OPERATOR,
            PublishedAggregate(
                id=0,
                year=year,
                label=label,
                amount_usd=amount,
                change_pct=pct,
                quote=quote,
                source_document_id=document,
            ),
        )
    typer.echo(f"published figure {agg.id}")
