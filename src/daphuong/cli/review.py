"""`daphuong review`: the queue of machine proposals, confirmed or rejected by people."""

from __future__ import annotations

import typer

from daphuong.cli.entity import AS_OPTION, actor, parts
from daphuong.cli.output import print_json
from daphuong.domain.access import Principal
from daphuong.services.review import ReviewService

app = typer.Typer(help="Review proposed statements.", no_args_is_help=True)


def _service(ctx: typer.Context) -> ReviewService:
    p = parts(ctx)
    return ReviewService(p.db, p.index_hooks, p.gazetteer)


@app.command("list")
def list_pending(
    ctx: typer.Context,
    prop: str | None = typer.Option(None, help="Only this property (same_as, role, name…)"),
    limit: int = typer.Option(50, help="At most this many"),
    as_json: bool = typer.Option(False, "--json", help="Print JSON"),
) -> None:
    """Proposed statements, least confident first."""
    rows = _service(ctx).pending(Principal.local_system(), prop=prop, limit=limit)
    if as_json:
        print_json(rows)
        return
    for row in rows:
        target = f" → #{row['object_entity_id']}" if row["object_entity_id"] else ""
        typer.echo(
            f"{row['id']:>6}  {row['confidence']:.2f}  #{row['entity_id']} "
            f"{row.get('entity_caption', '')}  {row['prop']}: {row['value']}{target}  "
            f"[{row['document_key'] or '-'}]"
        )


@app.command("confirm")
def confirm(
    ctx: typer.Context,
    statement_id: int = typer.Argument(...),
    user: str | None = AS_OPTION,
) -> None:
    """Confirm a statement (a same_as merges the two entities)."""
    result = _service(ctx).confirm(statement_id, actor(user))
    merged = f"; merge {result['merge_id']}" if "merge_id" in result else ""
    typer.echo(f"statement {statement_id} confirmed{merged}")


@app.command("reject")
def reject(
    ctx: typer.Context,
    statement_id: int = typer.Argument(...),
    user: str | None = AS_OPTION,
) -> None:
    """Reject a statement; re-extraction will not bring it back."""
    _service(ctx).reject(statement_id, actor(user))
    typer.echo(f"statement {statement_id} rejected")
