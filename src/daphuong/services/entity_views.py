"""Canonical views of registry entities: names, roles over time, events, with citations."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

from daphuong.domain.access import Principal
from daphuong.errors import InvalidInput, NotFound
from daphuong.services.org_gazetteer import OrgGazetteer
from daphuong.services.tenures import (
    attach_quotes,
    build_tenures,
    citation,
    held_on,
    quoted_spans,
)
from daphuong.store.engine import Database
from daphuong.store.registry.aliases import AliasRepository
from daphuong.store.registry.entities import EntityRepository
from daphuong.store.registry.entity_facts import EntityFactsReader, LinkCount, NameCount
from daphuong.store.registry.merges import MergeRepository
from daphuong.store.registry.statements import NAME_PROPS, AnyStatement, Status

_EVENT_LINKS = ("organizer", "chair")
# Citations per name or role, and events, shown before a "more" link; MAX_LIMIT caps "more".
CITATION_LIMIT = 10
MAX_LIMIT = 500


def parse_day(value: str) -> dt.date:
    """A YYYY-MM-DD argument as a date, with a clear error."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise InvalidInput(f"not a date (YYYY-MM-DD): {value!r}") from exc


def resolve(
    session: Session, ref: str | int, who: Principal, clusters: dict[int, list[int]] | None = None
) -> list[int]:
    """Canonical ids matching an id or a name, most-attested first; `clusters` gets theirs."""
    entities = EntityRepository(session)
    clusters = {} if clusters is None else clusters
    if isinstance(ref, int) or str(ref).isdigit():
        head = entities.head(int(ref))
        if head is None:
            found = set()
        else:
            found = {head.id if head.merged_into_id is None else entities.canonical(head.id)}
    else:
        found = {entities.canonical(i) for i in AliasRepository(session).visible_named(ref, who)}
    facts = EntityFactsReader(session, who)
    for i in found:
        clusters[i] = entities.cluster(i)
    if len(found) <= 1:  # nothing to rank: only ask whether anything is visible
        return [i for i in found if facts.any_about(clusters[i])]
    weight = {i: facts.count_about(clusters[i]) for i in found}
    return sorted((i for i in found if weight[i]), key=lambda i: (-weight[i], i))


def caption_of(rows: Sequence[AnyStatement], fallback: str) -> str:
    """A person's rename wins; else the most attested name (longer first on ties)."""
    human = [r for r in rows if r.prop == "name" and r.origin == "human"]
    if human:
        return max(human, key=lambda r: r.id).value
    names = Counter(r.value for r in rows if r.prop == "name")
    if not names:
        return fallback
    return max(names, key=lambda n: (names[n], len(n), n))


def caption_of_counts(counts: Sequence[NameCount], fallback: str) -> str:
    """caption_of() from per-name counts, without reading every name statement."""
    human = [c for c in counts if c.prop == "name" and c.origin == "human"]
    if human:
        return max(human, key=lambda c: c.last_id).value
    names: Counter[str] = Counter()
    for c in counts:
        if c.prop == "name":
            names[c.value] += c.count
    if not names:
        return fallback
    return max(names, key=lambda n: (names[n], len(n), n))


class RegistryViews:
    """Read-side of the registry: what interfaces show for an entity."""

    def __init__(self, db: Database, gazetteer: OrgGazetteer | None = None) -> None:
        self.db = db
        self.gazetteer = gazetteer if gazetteer is not None else OrgGazetteer.bundled()

    def find(self, ref: str | int, who: Principal) -> list[int]:
        """Canonical entities for an id or a name."""
        with self.db.reader() as session:
            return resolve(session, ref, who)

    def show(
        self,
        ref: str | int,
        who: Principal,
        *,
        on: dt.date | None = None,
        limit: int = CITATION_LIMIT,
    ) -> dict[str, Any]:
        """One entity with names, roles (tenures), events, proposals and citations.

        Long lists are cut to `limit` items (citations per name or role, events); each
        list comes with its total so pages can offer the rest.
        """
        if not 1 <= limit <= MAX_LIMIT:
            raise InvalidInput(f"limit must be between 1 and {MAX_LIMIT}")
        with self.db.reader() as session:
            clusters: dict[int, list[int]] = {}
            found = resolve(session, ref, who, clusters)
            if not found:
                raise NotFound(f"no entity {ref!r}")
            view = self._view(session, found[0], clusters[found[0]], who, limit)
            view["also_named"] = found[1:]
            if on is not None:
                view["on"] = {"date": on.isoformat(), "roles": held_on(view.pop("_tenures"), on)}
            view.pop("_tenures", None)
            return view

    def listing(
        self, who: Principal, *, entity_type: str | None = None, limit: int = 100
    ) -> list[dict[str, Any]]:
        """Entities (id, type, caption) that `who` may see."""
        with self.db.reader() as session:
            entities = EntityRepository(session)
            facts = EntityFactsReader(session, who)
            ids = entities.visible_ids(who, entity_type=entity_type, limit=limit)
            rows = {r.id: r for r in entities.rows(ids)}
            clusters = entities.clusters(ids)
            return [
                {
                    "id": i,
                    "type": rows[i].type,
                    "caption": caption_of_counts(
                        facts.name_counts(clusters[i], NAME_PROPS), rows[i].caption
                    ),
                }
                for i in ids
            ]

    def _view(
        self, session: Session, entity_id: int, cluster: list[int], who: Principal, limit: int
    ) -> dict[str, Any]:
        """The page of a canonical entity; `cluster`: it and every entity merged into it."""
        entities = EntityRepository(session)
        row = entities.head(entity_id)
        assert row is not None  # resolve() returned it
        facts = EntityFactsReader(session, who)
        counts = sorted(facts.name_counts(cluster, NAME_PROPS), key=lambda c: c.first_id)
        names = _names(facts, cluster, counts, limit)
        # One read for the subject facts the page splits: roles, an event's kind, proposals.
        own = facts.of_subjects(cluster, ("role", "kind", "same_as"))
        roles = [r for r in own if r.prop == "role"]
        canon = entities.canonical_map(r.object_entity_id for r in roles if r.object_entity_id)
        tenures = build_tenures(roles, canon, {}, limit=limit)
        cited = [c for n in names for c in n["citations"]] + [
            c for t in tenures for c in t.citations
        ]
        attach_quotes(cited, facts.quotes(quoted_spans(cited)))
        # One read of what points here: event roles, and whether any same_as proposal does.
        pointing = facts.links_to(cluster, (*_EVENT_LINKS, "same_as"))
        events, events_total = _events(entities, facts, cluster, limit, own, pointing)
        view: dict[str, Any] = {
            "id": entity_id,
            "type": row.type,
            "caption": caption_of_counts(counts, row.caption),
            "merged_from": [i for i in cluster if i != entity_id],
            "names": names,
            "roles": [t.to_json() for t in tenures],
            "events": events,
            "events_total": events_total,
            "proposals": _proposals(entities, facts, cluster, own, pointing),
            "merges": [
                {
                    "id": m.id,
                    "winner_id": m.winner_id,
                    "loser_id": m.loser_id,
                    "actor": m.actor,
                    "undone": m.undone_at is not None,
                }
                for m in MergeRepository(session).history(cluster)
            ],
            "limit": limit,
            "_tenures": tenures,
        }
        if row.type == "ORG":
            view["successors"], view["predecessors"] = self._lineage(counts)
        return view

    def _lineage(self, names: Sequence[NameCount]) -> tuple[list[dict[str, Any]], list[str]]:
        """Dated successors (renamings, mergers) and predecessors from the gazetteer."""
        for name in names:
            org = self.gazetteer.lookup(name.value)
            if org is None:
                continue
            successors, previous = [], org
            for nxt in self.gazetteer.successors(org):
                start = previous.successor_from
                successors.append({"name": nxt.name, "from": start.isoformat() if start else None})
                previous = nxt
            return successors, [p.name for p in self.gazetteer.predecessors(org)]
        return [], []


def _names(
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


def _proposals(
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


def _events(
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
    links = [link for link in pointing if link.prop in _EVENT_LINKS]
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
