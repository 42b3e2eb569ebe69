"""Generate the CLI reference (docs/cli.md) from the Typer app."""

from __future__ import annotations

import sys

import click
import typer

HEADER = (
    "# CLI reference\n\n"
    "Generated from the Typer app by `python -m daphuong.cli.reference > docs/cli.md`;\n"
    "a test fails when this file and the commands drift apart.\n"
)


def _walk(cmd: click.Command, path: list[str]) -> list[tuple[list[str], click.Command]]:
    found = [(path, cmd)]
    if isinstance(cmd, click.Group):
        for name in sorted(cmd.commands):
            found.extend(_walk(cmd.commands[name], [*path, name]))
    return found


def _param_line(param: click.Parameter) -> str:
    if isinstance(param, click.Option):
        names = ", ".join(f"`{o}`" for o in [*param.opts, *param.secondary_opts])
        help_text = (param.help or "").strip()
        return f"- {names}: {help_text}".rstrip(": ")
    return f"- `{(param.name or '').upper()}` (argument)"


def render(app: typer.Typer) -> str:
    """Markdown for every command and sub-command with its options."""
    root = typer.main.get_command(app)
    out = [HEADER]
    for path, cmd in _walk(root, ["daphuong"]):
        out.append(f"\n## `{' '.join(path)}`\n")
        summary = (cmd.help or "").strip().splitlines()
        if summary:
            out.append(summary[0] + "\n")
        params = [p for p in cmd.params if p.name not in {"help"}]
        if params:
            out.append("\n" + "\n".join(_param_line(p) for p in params) + "\n")
    return "".join(out)


def main() -> None:
    """Print the reference to stdout."""
    from daphuong.cli.main import app

    sys.stdout.write(render(app))


if __name__ == "__main__":
    main()
