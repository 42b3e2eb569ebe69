"""`daphuong search`: Vietnamese-aware document search and entity quick-find."""

from __future__ import annotations

from typing import Any

import typer

from daphuong.cli.output import print_error, print_json
from daphuong.cli.state import state
from daphuong.domain.access import Principal
from daphuong.domain.search import EntityHit, SearchResult
from daphuong.errors import DaphuongError
from daphuong.services.search import SearchService, parse_filters


def result_json(result: SearchResult) -> dict[str, Any]:
    """The `--json` shape: total, hits (doc, title, snippet, score) and facet counts."""
    return {
        "total": result.total,
        "total_estimated": result.total_estimated,
        "facets_estimated": result.facets_estimated,
        "hits": [
            {
                "doc": h.key,
                "doc_id": h.doc_id,
                "title": h.title,
                "snippet": h.snippet.text,
                "highlights": [list(r) for r in h.snippet.highlights],
                "score": round(h.score, 4),
                "outlet": h.outlet,
                "published": h.published.isoformat() if h.published else None,
            }
            for h in result.hits
        ],
        "facets": {
            name: [{"key": v.key, "label": v.label, "count": v.count} for v in values]
            for name, values in result.facets.items()
        },
    }


def entities_json(hits: list[EntityHit]) -> dict[str, Any]:
    """The `--entities --json` shape."""
    return {
        "total": len(hits),
        "hits": [
            {"entity": h.entity_id, "type": h.entity_type, "name": h.name, "score": h.score}
            for h in hits
        ],
    }


def _print_result(result: SearchResult) -> None:
    about = "≈ " if result.total_estimated else ""
    typer.echo(f"{about}{result.total} documents")
    for i, hit in enumerate(result.hits, 1):
        typer.echo(f"{i}. {hit.title}  [{hit.key}]")
        typer.echo(f"   {hit.snippet.marked('«', '»')}")
    for name, values in result.facets.items():
        shown = ", ".join(f"{v.label} ({v.count})" for v in values)
        typer.echo(f"{name}: {shown}")


def search(  # noqa: PLR0913  # each CLI option is a parameter in Typer
    ctx: typer.Context,
    query: str = typer.Argument(..., help='Words, "phrases", OR, -exclude, prefix*'),
    as_json: bool = typer.Option(False, "--json", help="Print JSON"),
    entities: bool = typer.Option(False, "--entities", help="Quick-find entities by name"),
    filters: list[str] = typer.Option(
        [], "--filter", help="KEY=VALUE: entity, type, event, outlet, year, from, to"
    ),
    limit: int = typer.Option(10, "--limit", help="Hits per page (1-100)"),
    offset: int = typer.Option(0, "--offset", help="Hits to skip"),
) -> None:
    """Search documents (diacritics optional: doi ngoai finds đối ngoại) or entities."""
    try:
        service = SearchService(state(ctx).services().db)
        if entities:
            hits = service.find_entities(query, who=Principal.local_system(), limit=limit)
            if as_json:
                print_json(entities_json(hits))
            for h in [] if as_json else hits:
                typer.echo(f"{h.entity_id}\t{h.entity_type}\t{h.name}")
            return
        result = service.search(
            query,
            who=Principal.local_system(),
            filters=parse_filters(filters),
            limit=limit,
            offset=offset,
        )
    except DaphuongError as exc:
        print_error(exc.message)
        raise typer.Exit(exc.exit_code) from None
    if as_json:
        print_json(result_json(result))
    else:
        _print_result(result)
