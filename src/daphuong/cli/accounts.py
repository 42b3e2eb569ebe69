"""`daphuong org | user | token | audit`: organizations, accounts, API tokens, the audit log."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass

import typer

from daphuong.cli.output import fail, print_json
from daphuong.cli.state import state
from daphuong.domain.access import Principal, Role
from daphuong.domain.accounts import OrgKind
from daphuong.errors import DaphuongError
from daphuong.services.accounts import AccountService
from daphuong.services.auth import AuthService

org_app = typer.Typer(help="Organizations and their partners.", no_args_is_help=True)
user_app = typer.Typer(help="User accounts.", no_args_is_help=True)
token_app = typer.Typer(help="API tokens for scripts.", no_args_is_help=True)

# The CLI works on the local database as its operator.
OPERATOR = Principal.local_system("cli")


@dataclass
class AccountParts:
    """The account services for one invocation."""

    auth: AuthService
    accounts: AccountService


def account_parts(ctx: typer.Context) -> AccountParts:
    """Build the auth and account services on the invocation's database."""
    services = state(ctx).services()
    auth = AuthService(services.db, services.settings.secret_key)
    return AccountParts(auth, AccountService(services.db, auth))


@contextmanager
def reported() -> Iterator[None]:
    """Turn a known error into `error: …` on stderr and its exit code."""
    try:
        yield
    except DaphuongError as exc:
        raise typer.Exit(fail(exc)) from exc


@org_app.command("add")
def org_add(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="Full name, e.g. 'Ban Đối ngoại Trung ương'"),
    abbreviation: str | None = typer.Option(None, "--abbr", help="Short name"),
    kind: OrgKind = typer.Option(OrgKind.OTHER, "--kind", help="What sort of body"),
    parent: int | None = typer.Option(None, "--parent", help="Parent organization id (units)"),
) -> None:
    """Register an organization or a unit of one."""
    with reported():
        org = account_parts(ctx).accounts.add_org(
            OPERATOR, name, abbreviation=abbreviation, kind=kind, parent_id=parent
        )
    typer.echo(f"organization {org.id}: {org.name}")


@org_app.command("list")
def org_list(
    ctx: typer.Context, as_json: bool = typer.Option(False, "--json", help="Print JSON")
) -> None:
    """List organizations with their partners."""
    orgs = account_parts(ctx).accounts.orgs()
    if as_json:
        print_json([asdict(o) for o in orgs])
        return
    for o in orgs:
        partners = f" partners={o.partner_ids}" if o.partner_ids else ""
        typer.echo(f"{o.id}\t{o.name}\t{o.abbreviation or ''}\t{o.kind.value}{partners}")


@org_app.command("partner")
def org_partner(
    ctx: typer.Context,
    org_id: int = typer.Argument(..., help="Organization sharing its records"),
    partner_id: int = typer.Argument(..., help="Partner organization that may see them"),
    remove: bool = typer.Option(False, "--remove", help="Withdraw the partnership"),
) -> None:
    """Let a partner organization see an organization's shared records."""
    with reported():
        changed = account_parts(ctx).accounts.set_partner(
            OPERATOR, org_id, partner_id, on=not remove
        )
    typer.echo("changed" if changed else "unchanged")


@user_app.command("add")
def user_add(
    ctx: typer.Context,
    username: str = typer.Argument(..., help="Login name"),
    org: int | None = typer.Option(None, "--org", help="Organization id"),
    role: Role = typer.Option(Role.VIEWER, "--role", help="admin, coordinator, editor or viewer"),
    display_name: str = typer.Option("", "--name", help="Full name"),
    password: str = typer.Option(
        ..., prompt=True, hide_input=True, confirmation_prompt=True, help="Password (prompted)"
    ),
) -> None:
    """Create an account."""
    with reported():
        user = account_parts(ctx).accounts.add_user(
            OPERATOR, username, password, org_id=org, role=role, display_name=display_name
        )
    typer.echo(f"user {user.id}: {user.username} ({user.role.value})")


@user_app.command("list")
def user_list(
    ctx: typer.Context, org: int | None = typer.Option(None, "--org", help="Organization id")
) -> None:
    """List accounts."""
    for u in account_parts(ctx).accounts.users(OPERATOR, org):
        state_text = "" if u.active else "\tinactive"
        typer.echo(f"{u.id}\t{u.username}\t{u.role.value}\torg={u.org_id}{state_text}")


@user_app.command("set")
def user_set(
    ctx: typer.Context,
    username: str = typer.Argument(..., help="Login name"),
    role: Role | None = typer.Option(None, "--role", help="New role"),
    active: bool | None = typer.Option(None, "--active/--inactive", help="Enable or disable"),
) -> None:
    """Change an account's role or active flag (ends its sessions)."""
    with reported():
        parts = account_parts(ctx)
        user = parts.accounts.user_by_name(username)
        user = parts.accounts.update_user(OPERATOR, user.id, role=role, active=active)
    typer.echo(f"user {user.id}: {user.role.value}, {'active' if user.active else 'inactive'}")


@token_app.command("create")
def token_create(
    ctx: typer.Context,
    username: str = typer.Option(..., "--user", help="Whose token"),
    name: str = typer.Option(..., "--name", help="What the token is for"),
) -> None:
    """Create an API token; the secret is printed once and cannot be shown again."""
    with reported():
        parts = account_parts(ctx)
        user = parts.accounts.user_by_name(username)
        issued = parts.auth.create_api_token(OPERATOR, user.id, name)
    typer.echo(f"token {issued.id} for {username}: {issued.token}")
    typer.echo("store it now: it is not kept and cannot be shown again", err=True)


@token_app.command("revoke")
def token_revoke(ctx: typer.Context, token_id: int = typer.Argument(..., help="Token id")) -> None:
    """Revoke an API token."""
    with reported():
        account_parts(ctx).auth.revoke_api_token(OPERATOR, token_id)
    typer.echo(f"token {token_id} revoked")


def audit(
    ctx: typer.Context,
    target_type: str | None = typer.Option(None, "--type", help="e.g. activity, plan_item"),
    target_id: str | None = typer.Option(None, "--id", help="Record id"),
    limit: int = typer.Option(50, "--limit", help="How many entries"),
) -> None:
    """Show the audit log, most recent first (JSON)."""
    entries = account_parts(ctx).accounts.audit_log(
        OPERATOR, target_type=target_type, target_id=target_id, limit=limit
    )
    print_json([asdict(e) for e in entries])
