"""Exports: JSONL, CSV with a typed Frictionless datapackage, JSON-LD with W3C ORG; visibility."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from daphuong.domain.access import Principal
from daphuong.domain.document import Visibility
from daphuong.services.export import ExportService
from daphuong.store.engine import Database
from daphuong.store.models import OrganizationRow
from tests.services.registry_support import doc_a, doc_b, extract, gazetteer

SYSTEM = Principal.local_system()


def _fill(db: Database, tmp_path: Path) -> None:
    gaz = gazetteer(tmp_path)
    extract(db, doc_a(), gaz)
    extract(db, doc_b(), gaz)


def test_jsonl_has_entities_then_statements_with_provenance(db: Database, tmp_path: Path) -> None:
    _fill(db, tmp_path)
    out = io.StringIO()
    count = ExportService(db).write_jsonl(SYSTEM, out)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert count == len(records)
    kinds = [r["record"] for r in records]
    assert kinds == sorted(kinds)  # "entity" lines before "statement" lines
    roles = [r for r in records if r["record"] == "statement" and r["prop"] == "role"]
    assert all(r["document_key"] and r["spans"] and r["extractor"] == "extract@1" for r in roles)


def test_csv_matches_its_datapackage_schema(db: Database, tmp_path: Path) -> None:
    _fill(db, tmp_path)
    paths = ExportService(db).write_csv(SYSTEM, tmp_path / "out")
    package = json.loads((tmp_path / "out" / "datapackage.json").read_text(encoding="utf-8"))
    assert package["profile"] == "tabular-data-package"
    for resource in package["resources"]:
        with (tmp_path / "out" / resource["path"]).open(encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        fields = {f["name"]: f["type"] for f in resource["schema"]["fields"]}
        assert list(rows[0]) == list(fields)
        for row in rows:
            for name, kind in fields.items():
                if row[name] and kind == "integer":
                    int(row[name])
                if row[name] and kind in {"array", "object"}:
                    json.loads(row[name])
    assert len(paths) == 3


def test_jsonld_has_people_organizations_events_and_memberships(
    db: Database, tmp_path: Path
) -> None:
    _fill(db, tmp_path)
    doc = ExportService(db).jsonld(SYSTEM)
    assert doc["@context"]["org"] == "http://www.w3.org/ns/org#"
    graph = doc["@graph"]
    types = {json.dumps(n["@type"]) for n in graph}
    assert {'"schema:Person"', '"schema:Event"', '"org:Membership"', '"org:Post"'} <= types
    member = next(
        n
        for n in graph
        if n["@type"] == "org:Membership"
        and n["org:role"]["skos:prefLabel"]["@value"] == "Thứ trưởng"
    )
    begin = member["org:memberDuring"]["time:hasBeginning"]["time:inXSDDate"]["@value"]
    assert begin == "2020-11-04"
    assert member["prov:wasDerivedFrom"]


def test_exports_respect_visibility(db: Database, tmp_path: Path) -> None:
    gaz = gazetteer(tmp_path)
    with db.transaction() as s:
        s.add(OrganizationRow(id=9, name="Ban Tổng hợp"))
    secret = doc_a()
    secret.visibility, secret.owner_org_id = Visibility.INTERNAL, 9
    extract(db, secret, gaz)
    extract(db, doc_b(), gaz)
    service = ExportService(db)
    public = service.snapshot(Principal.anonymous())
    assert {s["document_key"] for s in public.statements} == {"doc-b"}
    assert "Lê Lương Minh" not in {e["caption"] for e in public.entities}
    assert "Lê Lương Minh" in {e["caption"] for e in service.snapshot(SYSTEM).entities}
