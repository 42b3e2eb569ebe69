"""`daphuong db`: schema migrations."""

from __future__ import annotations

import typer

from daphuong.cli.state import state
from daphuong.store.engine import Database
from daphuong.store.migrate import downgrade, upgrade

app = typer.Typer(help="Manage the database schema.", no_args_is_help=True)


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
