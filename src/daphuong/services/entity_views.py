"""Canonical views of registry entities: names, roles over time, events, with citations."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from sqlalchemy.orm import Session

from daphuong.domain.access import Principal
from daphuong.errors import InvalidInput, NotFound
from daphuong.services.org_gazetteer import OrgGazetteer
from daphuong.services.tenures import build_tenures, citation, held_on
from daphuong.store.documents import DocumentRepository
from daphuong.store.engine import Database
from daphuong.store.models.registry import StatementRow
from daphuong.store.registry.aliases import AliasRepository
from daphuong.store.registry.entities import EntityRepository
from daphuong.store.registry.merges import MergeRepository
from daphuong.store.registry.statements import NAME_PROPS, StatementRepository, Status

_EVENT_LINKS = ("organizer", "chair")


def parse_day(value: str) -> dt.date:
    """A YYYY-MM-DD argument as a date, with a clear error."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise InvalidInput(f"not a date (YYYY-MM-DD): {value!r}") from exc


def resolve(session: Session, ref: str | int, who: Principal) -> list[int]:
    """Canonical ids matching an id or a name, most-attested first."""
    entities = EntityRepository(session)
    if isinstance(ref, int) or str(ref).isdigit():
        row = entities.get(int(ref))
        found = {entities.canonical(row.id)} if row is not None else set()
    else:
        found = {entities.canonical(i) for i in AliasRepository(session).visible_named(ref, who)}
    statements = StatementRepository(session)
    weight = {i: len(statements.about(entities.cluster(i), who)) for i in found}
    return sorted((i for i in found if weight[i]), key=lambda i: (-weight[i], i))


def caption_of(rows: list[StatementRow], fallback: str) -> str:
    """A person's rename wins; else the most attested name (longer first on ties)."""
    human = [r for r in rows if r.prop == "name" and r.origin == "human"]
    if human:
        return max(human, key=lambda r: r.id).value
    names = Counter(r.value for r in rows if r.prop == "name")
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

    def show(self, ref: str | int, who: Principal, *, on: dt.date | None = None) -> dict[str, Any]:
        """One entity with names, roles (tenures), events, proposals and citations."""
        with self.db.reader() as session:
            found = resolve(session, ref, who)
            if not found:
                raise NotFound(f"no entity {ref!r}")
            view = self._view(session, found[0], who)
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
            statements = StatementRepository(session)
            out = []
            for entity_id in entities.visible_ids(who, entity_type=entity_type, limit=limit):
                row = entities.get(entity_id)
                assert row is not None  # listed just above
                rows = statements.of_subjects(entities.cluster(entity_id), NAME_PROPS)
                out.append(
                    {"id": entity_id, "type": row.type, "caption": caption_of(rows, row.caption)}
                )
            return out

    def _view(self, session: Session, entity_id: int, who: Principal) -> dict[str, Any]:
        entities = EntityRepository(session)
        cluster = entities.cluster(entity_id)
        row = entities.get(entity_id)
        assert row is not None  # resolve() returned it
        rows = StatementRepository(session).about(cluster, who)
        own = [r for r in rows if r.entity_id in cluster]
        canon = entities.canonical_map(
            {r.object_entity_id for r in rows if r.object_entity_id} | {r.entity_id for r in rows}
        )
        texts = self._texts(session, rows)
        tenures = build_tenures([r for r in own if r.prop == "role"], canon, texts)
        view: dict[str, Any] = {
            "id": entity_id,
            "type": row.type,
            "caption": caption_of(own, row.caption),
            "merged_from": [i for i in cluster if i != entity_id],
            "names": self._names(own, texts),
            "roles": [t.to_json() for t in tenures],
            "events": self._events(session, rows, cluster, canon, who),
            "proposals": [self._proposal(r, canon) for r in rows if r.prop == "same_as"],
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
            "_tenures": tenures,
        }
        if row.type == "ORG":
            view["successors"], view["predecessors"] = self._lineage(own)
        return view

    @staticmethod
    def _texts(session: Session, rows: list[StatementRow]) -> dict[int, str]:
        docs = DocumentRepository(session)
        out: dict[int, str] = {}
        for doc_id in sorted({r.document_id for r in rows if r.document_id}):
            doc = docs.get(doc_id)
            if doc is not None:
                out[doc_id] = doc.original_text
        return out

    @staticmethod
    def _names(own: list[StatementRow], texts: dict[int, str]) -> list[dict[str, Any]]:
        out: dict[tuple[str, str], dict[str, Any]] = {}
        for r in own:
            if r.prop not in NAME_PROPS:
                continue
            entry = out.setdefault(
                (r.prop, r.value), {"prop": r.prop, "value": r.value, "citations": []}
            )
            entry["citations"].append(citation(r, texts.get(r.document_id or 0)))
        return list(out.values())

    @staticmethod
    def _proposal(row: StatementRow, canon: dict[int, int]) -> dict[str, Any]:
        return {
            "statement_id": row.id,
            "subject": canon.get(row.entity_id, row.entity_id),
            "same_as": canon.get(row.object_entity_id or 0, row.object_entity_id),
            "caption": row.value,
            "confidence": round(row.confidence, 3),
            "status": row.status,
        }

    def _events(
        self,
        session: Session,
        rows: list[StatementRow],
        cluster: list[int],
        canon: dict[int, int],
        who: Principal,
    ) -> list[dict[str, Any]]:
        """Events this entity organized or chaired, or (for an event) its own facts."""
        if any(r.entity_id in cluster and r.prop == "kind" for r in rows):
            return [self._event_facts(rows, cluster)]
        event_ids = sorted(
            {
                canon[r.entity_id]
                for r in rows
                if r.prop in _EVENT_LINKS and r.object_entity_id in cluster
            }
        )
        out = []
        entities = EntityRepository(session)
        statements = StatementRepository(session)
        for event_id in event_ids:
            facts = self._event_facts(
                statements.about(entities.cluster(event_id), who), entities.cluster(event_id)
            )
            facts["id"] = event_id
            facts["as"] = sorted(
                {r.prop for r in rows if r.prop in _EVENT_LINKS and canon[r.entity_id] == event_id}
            )
            out.append(facts)
        return out

    @staticmethod
    def _event_facts(rows: list[StatementRow], cluster: list[int]) -> dict[str, Any]:
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

    def _lineage(self, own: list[StatementRow]) -> tuple[list[dict[str, Any]], list[str]]:
        """Dated successors (renamings, mergers) and predecessors from the gazetteer."""
        for r in own:
            org = self.gazetteer.lookup(r.value) if r.prop in NAME_PROPS else None
            if org is None:
                continue
            successors, previous = [], org
            for nxt in self.gazetteer.successors(org):
                start = previous.successor_from
                successors.append({"name": nxt.name, "from": start.isoformat() if start else None})
                previous = nxt
            return successors, [p.name for p in self.gazetteer.predecessors(org)]
        return [], []
