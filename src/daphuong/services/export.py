"""Exports of the registry as JSONL, CSV with a Frictionless datapackage, or JSON-LD."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy.orm import Session

from daphuong.domain.access import Principal
from daphuong.services.entity_views import caption_of
from daphuong.services.export_schema import (
    ENTITY_FIELDS,
    STATEMENT_FIELDS,
    datapackage,
    jsonld_document,
)
from daphuong.services.review import statement_json
from daphuong.store.engine import Database
from daphuong.store.models.registry import StatementRow
from daphuong.store.registry.entities import EntityRepository
from daphuong.store.registry.statements import NAME_PROPS, StatementRepository, Status

FORMATS = ("jsonl", "csv", "jsonld")


@dataclass(slots=True)
class Snapshot:
    """Everything `who` may see in the registry, in id order."""

    entities: list[dict[str, Any]]
    statements: list[dict[str, Any]]
    rows: list[StatementRow]


def take_snapshot(session: Session, who: Principal) -> Snapshot:
    """Entities (merged ones too, pointing at their canonical entity) and their statements."""
    entities = EntityRepository(session)
    rows = StatementRepository(session).all_visible(who)
    ids = {r.entity_id for r in rows} | {r.object_entity_id for r in rows if r.object_entity_id}
    canon = entities.canonical_map(ids)
    by_subject: dict[int, list[StatementRow]] = {}
    for r in rows:
        by_subject.setdefault(r.entity_id, []).append(r)
    out = []
    for row in entities.rows(sorted(ids | set(canon.values()))):
        own = [r for r in by_subject.get(row.id, []) if r.status != Status.REJECTED.value]
        out.append(
            {
                "id": row.id,
                "type": row.type,
                "caption": caption_of(own, row.caption),
                "merged_into": canon.get(row.id) if canon.get(row.id, row.id) != row.id else None,
                "names": sorted({r.value for r in own if r.prop in NAME_PROPS}),
            }
        )
    statements = []
    for r in rows:
        data = statement_json(r)
        data["canonical_id"] = canon.get(r.entity_id, r.entity_id)
        statements.append(data)
    return Snapshot(out, statements, rows)


class ExportService:
    """Writes what a principal may see; the CLI exports as the local system."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def snapshot(self, who: Principal) -> Snapshot:
        """The registry as plain data."""
        with self.db.reader() as session:
            return take_snapshot(session, who)

    def jsonl_lines(self, who: Principal) -> Iterator[str]:
        """One JSON object per line: entities first, then statements."""
        snap = self.snapshot(who)
        for entity in snap.entities:
            yield json.dumps({"record": "entity", **entity}, ensure_ascii=False, sort_keys=True)
        for statement in snap.statements:
            yield json.dumps(
                {"record": "statement", **statement}, ensure_ascii=False, sort_keys=True
            )

    def write_jsonl(self, who: Principal, out: TextIO) -> int:
        """Write JSONL; returns the number of lines."""
        count = 0
        for line in self.jsonl_lines(who):
            out.write(line + "\n")
            count += 1
        return count

    def write_csv(self, who: Principal, folder: Path) -> list[Path]:
        """entities.csv, statements.csv and a typed datapackage.json in `folder`."""
        folder.mkdir(parents=True, exist_ok=True)
        snap = self.snapshot(who)
        tables = {
            "entities": (ENTITY_FIELDS, snap.entities),
            "statements": (STATEMENT_FIELDS, snap.statements),
        }
        written = []
        for name, (fields, records) in tables.items():
            path = folder / f"{name}.csv"
            with path.open("w", encoding="utf-8", newline="") as fh:
                writer = csv.writer(fh)
                writer.writerow([f for f, _ in fields])
                for record in records:
                    writer.writerow([_cell(record.get(f)) for f, _ in fields])
            written.append(path)
        package = folder / "datapackage.json"
        package.write_text(
            json.dumps(datapackage(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        return [*written, package]

    def jsonld(self, who: Principal) -> dict[str, Any]:
        """schema.org entities with W3C ORG memberships and posts for roles."""
        with self.db.reader() as session:
            snap = take_snapshot(session, who)
            return jsonld_document(snap.entities, snap.rows, EntityRepository(session))


def _cell(value: Any) -> str:
    """A CSV cell: empty for null, JSON for lists and objects."""
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
