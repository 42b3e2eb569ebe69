"""Entity pages: the registry's view of an entity plus, for organizations, their people."""

from __future__ import annotations

from typing import Any

from daphuong.domain.access import Principal
from daphuong.services.entity_views import RegistryViews
from daphuong.services.tenures import citation
from daphuong.store.engine import Database
from daphuong.store.registry.entities import EntityRepository
from daphuong.store.registry.statements import StatementRepository, qualifiers_of


def anchor_of(cite: dict[str, Any]) -> str | None:
    """The /documents/{id}#span-START-END link of a citation's first span."""
    spans = cite.get("spans") or []
    if not cite.get("document_id"):
        return None
    fragment = f"#span-{spans[0][0]}-{spans[0][1]}" if spans else ""
    return f"/documents/{cite['document_id']}{fragment}"


class ProfileService:
    """Builds what an entity page shows, as the caller may see it."""

    def __init__(self, db: Database, views: RegistryViews | None = None) -> None:
        self.db = db
        self.views = views or RegistryViews(db)

    def profile(self, entity_id: int, who: Principal) -> dict[str, Any]:
        """Names, roles over time, events, and (organizations) the people seen there."""
        view = self.views.show(entity_id, who)
        view["people"] = self._people(int(view["id"]), who) if view["type"] == "ORG" else []
        for group in ("names", "roles"):
            for item in view.get(group, []):
                for cite in item.get("citations", []):
                    cite["href"] = anchor_of(cite)
        view["roles"].sort(key=lambda r: (r.get("first_seen") or "", r["title"]))
        return view

    def _people(self, org_id: int, who: Principal) -> list[dict[str, Any]]:
        """People holding a title at this organization, with the fact's source."""
        with self.db.reader() as session:
            entities = EntityRepository(session)
            cluster = entities.cluster(org_id)
            rows = [
                r
                for r in StatementRepository(session).about(cluster, who)
                if r.prop == "role" and r.object_entity_id in cluster
            ]
            canon = entities.canonical_map(r.entity_id for r in rows)
            captions = {e.id: e.caption for e in entities.rows(sorted(set(canon.values())))}
            people: dict[tuple[int, str], dict[str, Any]] = {}
            for r in rows:
                person = canon[r.entity_id]
                entry = people.setdefault(
                    (person, r.value),
                    {
                        "id": person,
                        "caption": captions.get(person, str(qualifiers_of(r).get("person", ""))),
                        "title": r.value,
                        "citations": [],
                    },
                )
                cite = citation(r)
                cite["href"] = anchor_of(cite)
                entry["citations"].append(cite)
        return sorted(people.values(), key=lambda p: (p["caption"], p["title"]))
