"""Build a SQLite database of synthetic documents, search index and registry for the web bench."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from sqlalchemy import insert

from benchmarks.search.generate import ORGS, Generator, SyntheticDoc
from daphuong.domain.extraction import (
    EntityType,
    ExtractedEntity,
    ExtractedEvent,
    ExtractionResult,
)
from daphuong.store.engine import Database
from daphuong.store.migrate import upgrade
from daphuong.store.models import DocumentRow
from daphuong.store.models.registry import EntityRow, StatementRow
from daphuong.store.registry.keys import folded_name, match_key, name_key
from daphuong.store.search import make_index
from daphuong.store.search.prepare import prepare_document

BATCH = 1000


def _doc_row(i: int, doc: SyntheticDoc) -> dict[str, object]:
    return {
        "id": i + 1,
        "key": f"web-{i}",
        "source": f"web/{i}.txt",
        "version": 1,
        "is_current": True,
        "content_hash": f"{i:064d}",
        "media_type": "text/plain",
        "encoding": "utf-8",
        "title": doc.title,
        "outlet": doc.outlet,
        "published": doc.published,
        "original_text": doc.body,
        "normalized_text": doc.body,
        "offsets_json": json.dumps([[len(doc.body), len(doc.body)]]),
        "clutter_json": "[]",
        "visibility": "public",
        "owner_org_id": None,
    }


def _extraction(doc: SyntheticDoc) -> ExtractionResult:
    entities = [ExtractedEntity(EntityType.PERSON, p) for p in doc.people]
    entities += [ExtractedEntity(EntityType.ORG, o) for o in doc.orgs]
    return ExtractionResult("x", entities=entities, events=[ExtractedEvent(kind=doc.event)])


def _statement(
    entity: int, prop: str, value: str, doc_id: int, span: tuple[int, int], obj: int | None = None
) -> dict[str, object]:
    return {
        "entity_id": entity,
        "prop": prop,
        "value": value,
        "value_key": name_key(value),
        "fold_key": folded_name(value),
        "match_key": match_key(value, obj, {}),
        "object_entity_id": obj,
        "qualifiers_json": "{}",
        "document_id": doc_id,
        "document_key": f"web-{doc_id - 1}",
        "document_version": 1,
        "spans_json": json.dumps([list(span)]),
        "extractor": "bench",
        "origin": "machine",
        "confidence": 0.8,
        "status": "proposed",
        "visibility": "public",
    }


class Registry:
    """Entity ids by name, created on first sight, and statements citing each document."""

    def __init__(self) -> None:
        self.ids: dict[tuple[str, str], int] = {}
        self.statements: list[dict[str, object]] = []

    def entity(self, kind: str, name: str) -> int:
        """The id of an entity, allocating it the first time."""
        return self.ids.setdefault((kind, name), len(self.ids) + 1)

    def add(self, doc_id: int, doc: SyntheticDoc) -> None:
        """Name statements for every planted name, and a role of each person at an org."""
        body = doc.body
        org_id = self.entity("ORG", doc.orgs[0]) if doc.orgs else self.entity("ORG", ORGS[0])
        for person in dict.fromkeys(doc.people):
            start = body.find(person)
            pid = self.entity("PERSON", person)
            self.statements.append(
                _statement(pid, "name", person, doc_id, (start, start + len(person)))
            )
            self.statements.append(
                _statement(pid, "role", "Vụ trưởng", doc_id, (start, start + len(person)), org_id)
            )
        for org in dict.fromkeys(doc.orgs):
            start = body.find(org)
            oid = self.entity("ORG", org)
            self.statements.append(_statement(oid, "name", org, doc_id, (start, start + len(org))))


def build(path: Path, n: int, seed: int = 42) -> dict[str, int]:
    """Create the database at `path` with `n` documents; returns what was stored."""
    if path.exists():
        path.unlink()
    db = Database(f"sqlite:///{path}")
    upgrade(db.engine)
    index = make_index(db.dialect)
    registry = Registry()
    gen = Generator(seed)
    batch: list[tuple[int, SyntheticDoc]] = []
    for i, doc in enumerate(gen.documents(n)):
        batch.append((i, doc))
        if len(batch) == BATCH or i == n - 1:
            _flush(db, index, registry, batch)
            batch = []
    with db.transaction() as s:
        s.execute(
            insert(EntityRow),
            [
                {"id": i, "type": k, "caption": name, "created_by": "bench"}
                for (k, name), i in registry.ids.items()
            ],
        )
        for start in range(0, len(registry.statements), 10 * BATCH):
            s.execute(insert(StatementRow), registry.statements[start : start + 10 * BATCH])
    db.dispose()
    return {"documents": n, "entities": len(registry.ids), "statements": len(registry.statements)}


def _flush(
    db: Database, index: object, registry: Registry, batch: list[tuple[int, SyntheticDoc]]
) -> None:
    rows = [_doc_row(i, d) for i, d in batch]
    with db.transaction() as s:
        s.execute(insert(DocumentRow), rows)
        prepared = [
            prepare_document(DocumentRow(**r), _extraction(d))
            for r, (_, d) in zip(rows, batch, strict=True)
        ]
        index.index_documents(s, prepared)  # type: ignore[attr-defined]
    for i, doc in batch:
        registry.add(i + 1, doc)


def main(argv: list[str]) -> int:
    """Build the bench database alone (bench.py builds it too unless given --reuse)."""
    from benchmarks.web.bench import DEFAULT_DB

    parser = argparse.ArgumentParser(prog="python -m benchmarks.web.build")
    parser.add_argument("--n", type=int, default=100_000, help="documents")
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    args = parser.parse_args(argv)
    args.db.parent.mkdir(parents=True, exist_ok=True)
    began = time.perf_counter()
    built = build(args.db, args.n)
    print(json.dumps({**built, "seconds": round(time.perf_counter() - began)}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
