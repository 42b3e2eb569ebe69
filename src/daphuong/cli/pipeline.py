"""`daphuong pipeline show`: print the configured chain of stages."""

from __future__ import annotations

import typer

from daphuong.cli.output import print_json
from daphuong.cli.state import state
from daphuong.pipeline.runner import build_pipeline

app = typer.Typer(help="Inspect the document pipeline.", no_args_is_help=True)


@app.command("show")
def show(
    ctx: typer.Context, as_json: bool = typer.Option(False, "--json", help="Print JSON")
) -> None:
    """Print the stages in order with what each requires and assigns."""
    pipeline = build_pipeline(state(ctx).settings().pipeline)
    described = pipeline.describe()
    if as_json:
        print_json(described)
        return
    for i, stage in enumerate(described, 1):
        requires = ", ".join(stage["requires"]) or "-"  # type: ignore[arg-type]
        assigns = ", ".join(stage["assigns"]) or "-"  # type: ignore[arg-type]
        typer.echo(f"{i}. {stage['name']}@{stage['version']}: {stage['description']}")
        typer.echo(f"   requires: {requires}; assigns: {assigns}")
