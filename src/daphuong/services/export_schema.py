"""Export vocabularies: Frictionless table schemas and the JSON-LD graph (schema.org, W3C ORG)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from daphuong.services.tenures import Tenure, build_tenures
from daphuong.store.models.registry import StatementRow
from daphuong.store.registry.entities import EntityRepository
from daphuong.store.registry.statements import Status

ENTITY_FIELDS = (
    ("id", "integer"),
    ("type", "string"),
    ("caption", "string"),
    ("merged_into", "integer"),
    ("names", "array"),
)
STATEMENT_FIELDS = (
    ("id", "integer"),
    ("entity_id", "integer"),
    ("canonical_id", "integer"),
    ("prop", "string"),
    ("value", "string"),
    ("object_entity_id", "integer"),
    ("qualifiers", "object"),
    ("observed_on", "date"),
    ("document_id", "integer"),
    ("document_key", "string"),
    ("document_version", "integer"),
    ("spans", "array"),
    ("extractor", "string"),
    ("origin", "string"),
    ("confidence", "number"),
    ("status", "string"),
    ("decided_by", "string"),
)
_DESCRIPTIONS = {
    "spans": "JSON list of [start, end) character offsets into the document's original text",
    "status": "proposed, confirmed or rejected",
    "canonical_id": "the entity this statement's subject stands for after merges",
    "merged_into": "set when the entity was merged into another",
}
CONTEXT = {
    "schema": "https://schema.org/",
    "org": "http://www.w3.org/ns/org#",
    "time": "http://www.w3.org/2006/time#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
_TYPES = {
    "PERSON": "schema:Person",
    "ORG": ["schema:Organization", "org:Organization"],
    "EVENT": "schema:Event",
    "LOCATION": "schema:Place",
    "LEGAL_DOC": "schema:Legislation",
}


def _schema(fields: Sequence[tuple[str, str]], foreign: list[dict[str, Any]]) -> dict[str, Any]:
    described = []
    for name, kind in fields:
        field: dict[str, Any] = {"name": name, "type": kind}
        if name in _DESCRIPTIONS:
            field["description"] = _DESCRIPTIONS[name]
        described.append(field)
    return {"fields": described, "primaryKey": "id", "foreignKeys": foreign}


def datapackage() -> dict[str, Any]:
    """A Frictionless tabular data package describing entities.csv and statements.csv."""
    to_entities = {"resource": "entities", "fields": "id"}
    return {
        "profile": "tabular-data-package",
        "name": "daphuong-registry",
        "title": "daphuong knowledge registry: entities and statements with provenance",
        "resources": [
            {
                "name": "entities",
                "path": "entities.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": _schema(ENTITY_FIELDS, []),
            },
            {
                "name": "statements",
                "path": "statements.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": _schema(
                    STATEMENT_FIELDS,
                    [
                        {"fields": "entity_id", "reference": to_entities},
                        {"fields": "object_entity_id", "reference": to_entities},
                    ],
                ),
            },
        ],
    }


def uri(kind: str, ident: object) -> str:
    """A stable identifier for an exported node."""
    return f"urn:daphuong:{kind}:{ident}"


def _instant(day: str | None) -> dict[str, Any] | None:
    if day is None:
        return None
    return {"@type": "time:Instant", "time:inXSDDate": {"@value": day, "@type": "xsd:date"}}


def _role_nodes(person: int, tenure: Tenure, index: int) -> list[dict[str, Any]]:
    """An org:Post and an org:Membership (with a time:Interval) for one tenure."""
    data = tenure.to_json()
    role = {"@type": "org:Role", "skos:prefLabel": {"@value": tenure.title, "@language": "vi"}}
    derived = [{"@id": uri("statement", c["statement_id"])} for c in tenure.citations]
    interval: dict[str, Any] = {"@type": "time:Interval"}
    if (start := _instant(data["appointed_on"] or data["first_seen"])) is not None:
        interval["time:hasBeginning"] = start
    if (end := _instant(data["ended_before"] or data["last_seen"])) is not None:
        interval["time:hasEnd"] = end
    org = {"@id": uri("entity", tenure.org_id)}
    post_id = uri("post", f"{tenure.org_id}-{person}-{index}")
    return [
        {
            "@id": post_id,
            "@type": "org:Post",
            "org:postIn": org,
            "org:role": role,
            "org:heldBy": {"@id": uri("entity", person)},
        },
        {
            "@id": uri("membership", f"{person}-{index}"),
            "@type": "org:Membership",
            "org:member": {"@id": uri("entity", person)},
            "org:organization": org,
            "org:role": role,
            "org:memberDuring": interval,
            "prov:wasDerivedFrom": derived,
        },
    ]


def _entity_node(entity: dict[str, Any], own: list[StatementRow]) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@id": uri("entity", entity["id"]),
        "@type": _TYPES.get(entity["type"], "schema:Thing"),
        "schema:name": entity["caption"],
    }
    others = [n for n in entity["names"] if n != entity["caption"]]
    if others:
        node["schema:alternateName"] = others
    if entity["type"] == "EVENT":
        dates = sorted({r.value for r in own if r.prop == "date" and not r.value.startswith("-")})
        if dates:
            node["schema:startDate"] = dates[0]
        for prop, key in (("organizer", "schema:organizer"), ("chair", "schema:contributor")):
            targets = sorted(
                {r.object_entity_id for r in own if r.prop == prop and r.object_entity_id}
            )
            if targets:
                node[key] = [{"@id": uri("entity", t)} for t in targets]
    reports = sorted({r.document_key for r in own if r.document_key})
    if reports:
        node["schema:subjectOf"] = [{"@id": uri("document", k)} for k in reports]
    return node


def jsonld_document(
    entities: list[dict[str, Any]], rows: list[StatementRow], repo: EntityRepository
) -> dict[str, Any]:
    """The registry as one JSON-LD graph; merged entities fold into their canonical node."""
    live = [r for r in rows if r.status != Status.REJECTED.value]
    canon = repo.canonical_map(
        {r.entity_id for r in live} | {r.object_entity_id for r in live if r.object_entity_id}
    )
    by_canonical: dict[int, list[StatementRow]] = {}
    for r in live:
        by_canonical.setdefault(canon[r.entity_id], []).append(r)
    graph: list[dict[str, Any]] = []
    for entity in entities:
        if entity["merged_into"] is not None:
            continue
        own = by_canonical.get(entity["id"], [])
        graph.append(_entity_node(entity, own))
        roles = [r for r in own if r.prop == "role"]
        for i, tenure in enumerate(build_tenures(roles, canon, {})):
            if tenure.org_id is None:
                graph[-1].setdefault("schema:jobTitle", []).append(tenure.title)
                continue
            graph.extend(_role_nodes(entity["id"], tenure, i))
    return {"@context": CONTEXT, "@graph": graph}
