"""Who met or co-organized with whom around an entity: nodes and edges for the graph page."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from daphuong.domain.access import Principal
from daphuong.errors import NotFound
from daphuong.services.timeline import EventFacts, load_events
from daphuong.store.engine import Database
from daphuong.store.registry.entities import EntityRepository
from daphuong.store.registry.statements import StatementRepository

MAX_EVENTS = 200


@dataclass(frozen=True, slots=True)
class Node:
    """An entity in the graph."""

    id: int
    label: str
    type: str


@dataclass(frozen=True, slots=True)
class Edge:
    """A link between two entities: they shared events, or one holds a role at the other."""

    source: int
    target: int
    relation: str  # "event" | "role"
    weight: int
    label: str = ""


@dataclass(slots=True)
class Graph:
    """The neighbourhood of one entity."""

    center: int
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        """The shape the graph page's script reads (cytoscape elements)."""
        return {
            "center": self.center,
            "nodes": [{"id": n.id, "label": n.label, "type": n.type} for n in self.nodes],
            "edges": [
                {
                    "source": e.source,
                    "target": e.target,
                    "relation": e.relation,
                    "weight": e.weight,
                    "label": e.label,
                }
                for e in self.edges
            ],
        }


def _event_edges(center: int, events: list[EventFacts]) -> tuple[Counter[int], dict[int, str]]:
    """Parties of the center's events, counted by how many events they shared with it."""
    shared: Counter[int] = Counter()
    names: dict[int, str] = {}
    for event in events[:MAX_EVENTS]:
        if center not in event.parties and event.id != center:
            continue
        for party_id, name in (*event.organizers, *event.chairs):
            if party_id is not None and party_id != center:
                shared[party_id] += 1
                names.setdefault(party_id, name)
    return shared, names


class GraphService:
    """Builds the relationship graph around an entity for a caller."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def around(self, entity_id: int, who: Principal) -> Graph:
        """The entity, those it shared events with, and the people/organizations of its roles."""
        with self.db.reader() as session:
            entities = EntityRepository(session)
            center = entities.canonical(entity_id)
            row = entities.get(center)
            cluster = entities.cluster(center)
            about = StatementRepository(session).about(cluster, who)
            # Visible means at least one statement of its own that the caller may see.
            if row is None or not any(r.entity_id in cluster for r in about):
                raise NotFound(f"no entity {entity_id}")
            shared, _names = _event_edges(center, load_events(session, who))
            roles: Counter[tuple[int, str]] = Counter()
            for r in about:
                if r.prop != "role" or r.object_entity_id is None:
                    continue
                a = entities.canonical(r.entity_id)
                b = entities.canonical(r.object_entity_id)
                other = b if a == center else a
                if other != center:
                    roles[(other, r.value)] += 1
            ids = {center} | set(shared) | {o for o, _ in roles}
            rows = {e.id: e for e in entities.rows(sorted(ids))}
        graph = Graph(center, [Node(center, row.caption, row.type)])
        graph.nodes += [
            Node(i, rows[i].caption, rows[i].type) for i in sorted(ids - {center}) if i in rows
        ]
        graph.edges += [Edge(center, i, "event", n) for i, n in sorted(shared.items())]
        graph.edges += [
            Edge(center, o, "role", n, title) for (o, title), n in sorted(roles.items())
        ]
        return graph
