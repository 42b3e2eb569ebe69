"""`daphuong db`: schema migrations, and rebuilding what is derived from the documents."""

from __future__ import annotations

import typer

from daphuong.cli.state import state
from daphuong.services.search import SearchService
from daphuong.store.engine import Database
from daphuong.store.migrate import downgrade, upgrade

app = typer.Typer(
    help="Manage the database schema and rebuild the search index.", no_args_is_help=True
)


@app.command("upgrade")
def db_upgrade(
    ctx: typer.Context, revision: str = typer.Argument("heads", help="Target revision")
) -> None:
    """Apply migrations up to REVISION."""
    db = Database(state(ctx).settings().resolved_database_url())
    upgrade(db.engine, revision)
    typer.echo(f"database at {revision}")


@app.command("downgrade")
def db_downgrade(
    ctx: typer.Context, revision: str = typer.Argument(..., help="Target revision or 'base'")
) -> None:
    """Revert migrations down to REVISION."""
    db = Database(state(ctx).settings().resolved_database_url())
    downgrade(db.engine, revision)
    typer.echo(f"database at {revision}")


@app.command("reindex")
def db_reindex(
    ctx: typer.Context,
    workers: int | None = typer.Option(
        None,
        min=0,
        help="Processes preparing documents (0: one per CPU); default: the setting"
        " search_index_workers",
    ),
) -> None:
    """Rebuild the search index of every current document (after changing the analyzer)."""
    services = state(ctx).services()
    chosen = services.settings.search_index_workers if workers is None else workers
    done = SearchService(services.db).reindex(workers=chosen)
    typer.echo(f"search index rebuilt: {done} documents")
