"""Entity pages: the registry's view of an entity plus, for organizations, their people."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from daphuong.domain.access import Principal
from daphuong.services.entity_views import CITATION_LIMIT, RegistryViews
from daphuong.services.read_cache import ReadCache
from daphuong.services.tenures import citation
from daphuong.store.engine import Database
from daphuong.store.registry.entities import EntityRepository
from daphuong.store.registry.entity_facts import EntityFactsReader, LinkCount

# An organization lists this many people per citation shown elsewhere (100 by default).
PEOPLE_PER_CITATION = 5


def anchor_of(cite: dict[str, Any]) -> str | None:
    """The /documents/{id}#span-START-END link of a citation's first span."""
    spans = cite.get("spans") or []
    if not cite.get("document_id"):
        return None
    fragment = f"#span-{spans[0][0]}-{spans[0][1]}" if spans else ""
    return f"/documents/{cite['document_id']}{fragment}"


class ProfileService:
    """Builds what an entity page shows, as the caller may see it."""

    def __init__(
        self, db: Database, views: RegistryViews | None = None, cache: ReadCache | None = None
    ) -> None:
        self.db = db
        self.views = views or RegistryViews(db)
        self.cache = cache

    def profile(
        self, entity_id: int, who: Principal, *, limit: int = CITATION_LIMIT, quotes: bool = True
    ) -> dict[str, Any]:
        """Names, roles over time, events, and (organizations) the people seen there.

        Lists are cut to `limit` items, each with its total (see RegistryViews.show); without
        `quotes`, citations lack their quoted text. With a cache, the result is shared with
        later callers of the same scope: do not change it.
        """
        if self.cache is None:
            return self._profile(entity_id, who, limit, quotes)
        key = ("profile", entity_id, limit, quotes)
        return self.cache.get(key, who, lambda: self._profile(entity_id, who, limit, quotes))

    def _profile(self, entity_id: int, who: Principal, limit: int, quotes: bool) -> dict[str, Any]:
        view = self.views.show(entity_id, who, limit=limit, quotes=quotes)
        view["people"], view["people_total"] = (
            self._people(int(view["id"]), who, limit * PEOPLE_PER_CITATION)
            if view["type"] == "ORG"
            else ([], 0)
        )
        for group in ("names", "roles"):
            for item in view.get(group, []):
                for cite in item.get("citations", []):
                    cite["href"] = anchor_of(cite)
        view["roles"].sort(key=lambda r: (r.get("first_seen") or "", r["title"]))
        return view

    def _people(self, org_id: int, who: Principal, limit: int) -> tuple[list[dict[str, Any]], int]:
        """The `limit` most-cited people holding a title here, with the latest source; total."""
        with self.db.reader() as session:
            entities = EntityRepository(session)
            facts = EntityFactsReader(session, who)
            cluster = entities.cluster(org_id)
            counted = facts.top_links(cluster, "role", limit) or _top_people(
                entities, facts.links_to(cluster, ("role",)), limit
            )
            seen = {(link.entity_id, link.value): (link.count, link.last_id) for link in counted[0]}
            top = list(seen)
            captions = entities.captions(p for p, _ in top)
            latest = {r.id: r for r in facts.by_ids(seen[k][1] for k in top)}
            people = []
            for person, title in top:
                count, last_id = seen[(person, title)]
                row = latest.get(last_id)
                cites = [citation(row)] if row is not None else []
                for cite in cites:
                    cite["href"] = anchor_of(cite)
                people.append(
                    {
                        "id": person,
                        "caption": captions.get(person, str(person)),
                        "title": title,
                        "citations": cites,
                        "citations_total": count,
                    }
                )
        people.sort(key=lambda p: (p["caption"], p["title"]))
        return people, counted[1]


def _top_people(
    entities: EntityRepository, links: Sequence[LinkCount], limit: int
) -> tuple[list[LinkCount], int]:
    """The `limit` most-cited (canonical person, title) pairs and how many pairs there are."""
    canon = entities.canonical_map(link.entity_id for link in links if link.merged)
    seen: dict[tuple[int, str], list[int]] = {}  # (person, title) -> [count, last id]
    for link in links:
        person = canon.get(link.entity_id, link.entity_id)
        entry = seen.setdefault((person, link.value), [0, 0])
        entry[0] += link.count
        entry[1] = max(entry[1], link.last_id)
    top = sorted(seen, key=lambda k: (-seen[k][0], k))[:limit]
    return [LinkCount(p, "role", t, seen[(p, t)][0], seen[(p, t)][1]) for p, t in top], len(seen)
