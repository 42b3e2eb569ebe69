"""`daphuong entity`: show canonical entities and curate them (merge, undo, split, names)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import typer

from daphuong.cli.output import print_json
from daphuong.cli.state import state
from daphuong.domain.access import Principal
from daphuong.errors import Conflict, NotFound
from daphuong.services.curation import CurationService
from daphuong.services.entity_views import RegistryViews, parse_day
from daphuong.services.hooks import EntityIndexHook
from daphuong.services.org_gazetteer import OrgGazetteer
from daphuong.services.registry import RegistryHook
from daphuong.store.engine import Database

app = typer.Typer(help="Show and curate canonical entities.", no_args_is_help=True)

AS_OPTION = typer.Option(None, "--as", help="Act as this user (default: the local system)")


@dataclass
class RegistryParts:
    """What the registry commands need from the application's services."""

    db: Database
    gazetteer: OrgGazetteer
    index_hooks: list[EntityIndexHook]

    def views(self) -> RegistryViews:
        """The read-side service."""
        return RegistryViews(self.db, self.gazetteer)

    def curation(self) -> CurationService:
        """The curation service, keeping quick-find in step."""
        return CurationService(self.db, self.index_hooks, self.gazetteer)


def parts(ctx: typer.Context) -> RegistryParts:
    """Registry services built from the CLI's application services."""
    services = state(ctx).services()
    hook = next((h for h in services.hooks if isinstance(h, RegistryHook)), None)
    if hook is None:
        return RegistryParts(services.db, OrgGazetteer.bundled(), [])
    return RegistryParts(services.db, hook.gazetteer, hook.index_hooks)


def actor(user: str | None) -> Principal:
    """The local system, named after --as USER when given."""
    return Principal.local_system(user) if user else Principal.local_system()


def one_entity(views: RegistryViews, ref: str, who: Principal) -> int:
    """Resolve an id or an unambiguous name to one canonical entity."""
    found = views.find(ref, who)
    if not found:
        raise NotFound(f"no entity {ref!r}")
    if len(found) > 1 and not ref.isdigit():
        raise Conflict(f"{ref!r} names several entities: {', '.join(map(str, found))}; use an id")
    return found[0]


@app.command("show")
def show(
    ctx: typer.Context,
    ref: str = typer.Argument(..., help="Entity id or name"),
    on: str | None = typer.Option(None, help="Also say which titles were held on YYYY-MM-DD"),
    as_json: bool = typer.Option(False, "--json", help="Print JSON"),
) -> None:
    """Show one entity: names, roles over time, events, proposals, each with its sources."""
    view = parts(ctx).views().show(ref, Principal.local_system(), on=parse_day(on) if on else None)
    if as_json:
        print_json(view)
        return
    _print_view(view)


def _print_view(view: dict[str, Any]) -> None:
    typer.echo(f"{view['caption']}  [{view['type']} #{view['id']}]")
    names = sorted({n["value"] for n in view["names"]})
    typer.echo(f"  names: {'; '.join(names)}")
    for role in view["roles"]:
        sources = ", ".join(
            f"{c['document_key']}@{c['spans'][0][0] if c['spans'] else '?'}"
            for c in role["citations"]
        )
        seen = f"{role['first_seen'] or '?'} … {role['last_seen'] or '?'}"
        flags = " (acting)" if role["acting"] else ""
        ended = f", ended before {role['ended_before']}" if role["ended_before"] else ""
        typer.echo(
            f"  role: {role['title']}{flags} — {role['org'] or '-'}  [{seen}{ended}]  {sources}"
        )
    for event in view["events"]:
        label = "; ".join(event["name"]) or "; ".join(event["kind"])
        typer.echo(f"  event: {label} {', '.join(event['date'])}  reports: {len(event['reports'])}")
    for prop in view["proposals"]:
        typer.echo(
            f"  proposed same_as #{prop['same_as']} ({prop['caption']}), "
            f"statement {prop['statement_id']}"
        )
    if "on" in view:
        held = "; ".join(f"{r['title']} {r['org']} ({r['basis']})" for r in view["on"]["roles"])
        typer.echo(f"  on {view['on']['date']}: {held or 'no known title'}")
    if view["also_named"]:
        typer.echo(f"  other entities with this name: {view['also_named']}")


@app.command("list")
def list_entities(
    ctx: typer.Context,
    entity_type: str | None = typer.Option(None, "--type", help="PERSON, ORG, EVENT, …"),
    limit: int = typer.Option(100, help="At most this many"),
    as_json: bool = typer.Option(False, "--json", help="Print JSON"),
) -> None:
    """List canonical entities."""
    rows = (
        parts(ctx).views().listing(Principal.local_system(), entity_type=entity_type, limit=limit)
    )
    if as_json:
        print_json(rows)
        return
    for row in rows:
        typer.echo(f"{row['id']:>6}  {row['type']:<9} {row['caption']}")


@app.command("merge")
def merge(
    ctx: typer.Context,
    keep: str = typer.Argument(..., help="Entity (id or name) that stays"),
    other: str = typer.Argument(..., help="Entity (id or name) merged into it"),
    user: str | None = AS_OPTION,
) -> None:
    """Merge OTHER into KEEP (undo with `entity undo-merge MERGE_ID`)."""
    p, who = parts(ctx), actor(user)
    views = p.views()
    merge_id = p.curation().merge(one_entity(views, keep, who), one_entity(views, other, who), who)
    typer.echo(f"merge {merge_id}: undo with `daphuong entity undo-merge {merge_id}`")


@app.command("undo-merge")
def undo_merge(
    ctx: typer.Context,
    merge_id: int = typer.Argument(..., help="Merge id printed by `entity merge`"),
    user: str | None = AS_OPTION,
) -> None:
    """Undo a merge exactly."""
    result = parts(ctx).curation().undo_merge(merge_id, actor(user))
    typer.echo(f"entity {result['loser_id']} is separate from {result['winner_id']} again")


@app.command("split")
def split(
    ctx: typer.Context,
    entity_id: int = typer.Argument(..., help="Entity to split"),
    statements: list[int] = typer.Argument(..., help="Statement ids that belong to a new entity"),
    user: str | None = AS_OPTION,
) -> None:
    """Move statements to a new entity (they are confirmed there)."""
    new_id = parts(ctx).curation().split(entity_id, statements, actor(user))
    typer.echo(f"new entity {new_id}")


@app.command("rename")
def rename(
    ctx: typer.Context,
    entity_id: int = typer.Argument(...),
    name: str = typer.Argument(..., help="The name to show"),
    user: str | None = AS_OPTION,
) -> None:
    """Give an entity the name it is shown under."""
    parts(ctx).curation().rename(entity_id, name, actor(user))
    typer.echo(f"entity {entity_id} renamed")


@app.command("add-alias")
def add_alias(
    ctx: typer.Context,
    entity_id: int = typer.Argument(...),
    alias: str = typer.Argument(...),
    user: str | None = AS_OPTION,
) -> None:
    """Add an alias (linking and quick-find use it)."""
    parts(ctx).curation().add_alias(entity_id, alias, actor(user))
    typer.echo(f"alias added to entity {entity_id}")


@app.command("remove-alias")
def remove_alias(
    ctx: typer.Context,
    entity_id: int = typer.Argument(...),
    alias: str = typer.Argument(...),
    user: str | None = AS_OPTION,
) -> None:
    """Reject every statement giving the entity this name or alias."""
    count = parts(ctx).curation().remove_alias(entity_id, alias, actor(user))
    typer.echo(f"rejected {count} statement(s)")
