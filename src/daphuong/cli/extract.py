"""`daphuong extract` and `daphuong eval`: the extractor on files, and its scores on gold files."""

from __future__ import annotations

from pathlib import Path

import typer

from daphuong.cli.output import print_json
from daphuong.services.evaluation import evaluate, extract_files, format_table


def extract(
    files: list[Path] = typer.Argument(..., help="Texts to extract (txt, md, html, docx, pdf)"),
    out: Path = typer.Option(Path("."), "--out", help="Folder for the <stem>.json records"),
) -> None:
    """Write each file's entities, roles and events as <stem>.json in the gold shape."""
    for written in extract_files(files, out):
        typer.echo(str(written))


def evaluate_command(
    directories: list[Path] = typer.Argument(
        ..., help="Folders of *.txt with *.gold.json beside them"
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON"),
    gold_mentions: bool = typer.Option(
        False,
        "--gold-mentions",
        help="Use the gold entities as mentions (scores roles and events alone)",
    ),
) -> None:
    """Score the extractor against gold files: P, R, F1 per entity type, roles, events."""
    report = evaluate(directories, gold_mentions=gold_mentions)
    if as_json:
        print_json(report.to_json())
    else:
        typer.echo(format_table(report))
