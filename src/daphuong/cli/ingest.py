"""`daphuong ingest`: files, folders (recursively) and stdin."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from daphuong.cli.output import print_error, print_json
from daphuong.cli.state import state
from daphuong.domain.document import Visibility
from daphuong.services.ingestion import IngestionService, IngestSummary, Outcome, iter_inputs

PROGRESS_THRESHOLD = 5


def ingest(
    ctx: typer.Context,
    paths: list[str] = typer.Argument(..., help="Files, folders (recursive) or - for stdin"),
    as_json: bool = typer.Option(False, "--json", help="Print a JSON summary"),
    visibility: Visibility = typer.Option(Visibility.PUBLIC, help="Visibility of new documents"),
) -> None:
    """Ingest Vietnamese documents (txt, md, html, docx, pdf) idempotently."""
    services = state(ctx).services()
    total = sum(1 for _ in iter_inputs(paths)) if len(paths) > 1 or Path(paths[0]).is_dir() else 1
    summary = _run(services.ingestion, paths, visibility, total, show=not as_json)
    for failure in summary.failed:
        print_error(f"{failure['path']}: {failure['error']}")
    if as_json:
        print_json(summary.to_json())
    else:
        typer.echo(
            f"ingested {summary.ingested}, new versions {summary.new_versions}, "
            f"unchanged {summary.unchanged}, failed {len(summary.failed)}"
        )
    if summary.failed:
        raise typer.Exit(1)


def _run(
    service: IngestionService, paths: list[str], visibility: Visibility, total: int, *, show: bool
) -> IngestSummary:
    if not show or total <= PROGRESS_THRESHOLD:
        return service.ingest(paths, visibility=visibility)
    columns = (
        TextColumn("ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]:.0f} docs/s"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, transient=True) as progress:
        task = progress.add_task("ingest", total=total, rate=0.0)

        def tick(_item: str, _outcome: Outcome) -> None:
            progress.advance(task)
            elapsed = progress.tasks[0].elapsed or 1e-9
            progress.update(task, rate=progress.tasks[0].completed / elapsed)

        return service.ingest(paths, visibility=visibility, on_progress=tick)
