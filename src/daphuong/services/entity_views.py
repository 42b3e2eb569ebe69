"""Canonical views of registry entities: names, roles over time, events, with citations."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

from daphuong.domain.access import Principal
from daphuong.errors import InvalidInput, NotFound
from daphuong.services.entity_sections import (
    EVENT_LINKS,
    events_section,
    names_section,
    proposals_section,
)
from daphuong.services.org_gazetteer import OrgGazetteer
from daphuong.services.tenures import (
    attach_quotes,
    build_tenures,
    held_on,
    quoted_spans,
)
from daphuong.store.engine import Database
from daphuong.store.registry.aliases import AliasRepository
from daphuong.store.registry.entities import EntityRepository
from daphuong.store.registry.entity_facts import EntityFactsReader, NameCount
from daphuong.store.registry.merges import MergeRepository
from daphuong.store.registry.statements import NAME_PROPS, AnyStatement

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
        quotes: bool = True,
    ) -> dict[str, Any]:
        """One entity with names, roles (tenures), events, proposals and citations.

        Long lists are cut to `limit` items (citations per name or role, events); each
        list comes with its total so pages can offer the rest. Citations carry the quoted
        text of their spans unless `quotes` is false (the HTML page shows none).
        """
        if not 1 <= limit <= MAX_LIMIT:
            raise InvalidInput(f"limit must be between 1 and {MAX_LIMIT}")
        with self.db.reader() as session:
            clusters: dict[int, list[int]] = {}
            found = resolve(session, ref, who, clusters)
            if not found:
                raise NotFound(f"no entity {ref!r}")
            view = self._view(session, found[0], clusters[found[0]], who, limit)
            if quotes:  # a document read per cited source: a fifth of a person page
                cited = [c for n in view["names"] for c in n["citations"]]
                cited += [c for t in view["_tenures"] for c in t.citations]
                attach_quotes(cited, EntityFactsReader(session, who).quotes(quoted_spans(cited)))
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
        names = names_section(facts, cluster, counts, limit)
        # One read for the subject facts the page splits: roles, an event's kind, proposals.
        own = facts.of_subjects(cluster, ("role", "kind", "same_as"))
        roles = [r for r in own if r.prop == "role"]
        canon = entities.canonical_map(r.object_entity_id for r in roles if r.object_entity_id)
        tenures = build_tenures(roles, canon, {}, limit=limit)
        # One read of what points here: event roles, and whether any same_as proposal does.
        pointing = facts.links_to(cluster, (*EVENT_LINKS, "same_as"))
        events, events_total = events_section(entities, facts, cluster, limit, own, pointing)
        view: dict[str, Any] = {
            "id": entity_id,
            "type": row.type,
            "caption": caption_of_counts(counts, row.caption),
            "merged_from": [i for i in cluster if i != entity_id],
            "names": names,
            "roles": [t.to_json() for t in tenures],
            "events": events,
            "events_total": events_total,
            "proposals": proposals_section(entities, facts, cluster, own, pointing),
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
