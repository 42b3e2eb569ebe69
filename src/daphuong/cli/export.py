"""`daphuong export`: the registry as JSONL, CSV + datapackage.json, or JSON-LD."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path

import typer

from daphuong.cli.state import state
from daphuong.domain.access import Principal
from daphuong.errors import InvalidInput
from daphuong.services.export import ExportService


class Format(StrEnum):
    """Export formats."""

    JSONL = "jsonl"
    CSV = "csv"
    JSONLD = "jsonld"


def export(
    ctx: typer.Context,
    fmt: Format = typer.Option(Format.JSONL, "--format", help="jsonl, csv or jsonld"),
    out: Path | None = typer.Option(None, "--out", help="File (jsonl, jsonld) or folder (csv)"),
) -> None:
    """Export entities and statements with their provenance (as the local system)."""
    service = ExportService(state(ctx).services().db)
    who = Principal.local_system()
    if fmt is Format.CSV:
        if out is None:
            raise InvalidInput("--format csv needs --out FOLDER")
        for path in service.write_csv(who, out):
            typer.echo(str(path))
        return
    handle = out.open("w", encoding="utf-8") if out else sys.stdout
    try:
        if fmt is Format.JSONL:
            service.write_jsonl(who, handle)
        else:
            handle.write(json.dumps(service.jsonld(who), ensure_ascii=False, indent=2) + "\n")
    finally:
        if out:
            handle.close()
