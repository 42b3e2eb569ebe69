"""The sections of an entity page: names with citations, same_as proposals, events."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from daphuong.services.tenures import citation
from daphuong.store.registry.entities import EntityRepository
from daphuong.store.registry.entity_facts import EntityFactsReader, LinkCount, NameCount
from daphuong.store.registry.statements import AnyStatement, Status

EVENT_LINKS = ("organizer", "chair")


def names_section(
    facts: EntityFactsReader, cluster: list[int], counts: Sequence[NameCount], limit: int
) -> list[dict[str, Any]]:
    """Each name and alias once, with its latest citations and how many there are."""
    totals: dict[tuple[str, str], int] = {}
    for c in counts:
        totals[(c.prop, c.value)] = totals.get((c.prop, c.value), 0) + c.count
    return [
        {
            "prop": prop,
            "value": value,
            "citations": [citation(r) for r in reversed(facts.latest(cluster, prop, value, limit))],
            "citations_total": total,
        }
        for (prop, value), total in totals.items()
    ]


def proposals_section(
    entities: EntityRepository,
    facts: EntityFactsReader,
    cluster: list[int],
    own: Sequence[AnyStatement],
    pointing: Sequence[LinkCount],
) -> list[dict[str, Any]]:
    """same_as proposals with this entity on either side (`own`: its subject statements)."""
    rows = {r.id: r for r in own if r.prop == "same_as"}
    if any(link.prop == "same_as" for link in pointing):
        rows.update((r.id, r) for r in facts.of_objects(cluster, ("same_as",)))
    ordered = [rows[i] for i in sorted(rows)]
    canon = entities.canonical_map(
        {r.entity_id for r in ordered} | {r.object_entity_id for r in ordered if r.object_entity_id}
    )
    return [
        {
            "statement_id": r.id,
            "subject": canon.get(r.entity_id, r.entity_id),
            "same_as": canon.get(r.object_entity_id or 0, r.object_entity_id),
            "caption": r.value,
            "confidence": round(r.confidence, 3),
            "status": r.status,
        }
        for r in ordered
    ]


def events_section(
    entities: EntityRepository,
    facts: EntityFactsReader,
    cluster: list[int],
    limit: int,
    own: Sequence[AnyStatement],
    pointing: Sequence[LinkCount],
) -> tuple[list[dict[str, Any]], int]:
    """Events this entity organized or chaired (the newest `limit`), or an event's own facts."""
    if any(r.prop == "kind" for r in own):
        return [event_facts(facts.of_subjects(cluster), cluster)], 1
    links = [link for link in pointing if link.prop in EVENT_LINKS]
    canon = entities.canonical_map(link.entity_id for link in links if link.merged)
    roles: dict[int, set[str]] = {}
    for link in links:
        roles.setdefault(canon.get(link.entity_id, link.entity_id), set()).add(link.prop)
    shown = sorted(roles)[-limit:]  # event ids grow with time: keep the newest
    clusters = entities.clusters(shown)
    rows = facts.of_subjects([m for ids in clusters.values() for m in ids])
    root = {m: r for r, ids in clusters.items() for m in ids}
    out = []
    for event_id in shown:
        own = [r for r in rows if root.get(r.entity_id) == event_id]
        item = event_facts(own, clusters[event_id])
        item["id"] = event_id
        item["as"] = sorted(roles[event_id])
        out.append(item)
    return out, len(roles)


def event_facts(rows: Sequence[AnyStatement], cluster: list[int]) -> dict[str, Any]:
    """An event's kinds, dates, names, organizers, chairs and reporting documents."""
    own = [r for r in rows if r.entity_id in cluster and r.status != Status.REJECTED.value]

    def values(prop: str) -> list[str]:
        return sorted({r.value for r in own if r.prop == prop})

    return {
        "kind": values("kind"),
        "date": values("date"),
        "name": values("name"),
        "organizers": values("organizer"),
        "chairs": values("chair"),
        "reports": sorted({r.document_key for r in own if r.document_key}),
    }
