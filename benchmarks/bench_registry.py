"""Registry hook cost: link and write statements for extracted documents on SQLite.

Runs the real pipeline once per text in ../shared (seeds + dev corpus), then times the
registry hook alone: first pass (every document new, linking across a growing registry),
then a re-extraction pass (replacing machine statements, re-matching decisions).
Texts are repeated under new keys to reach --docs documents.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from daphuong.ingest.readers import read_file
from daphuong.pipeline.context import DocContext
from daphuong.pipeline.runner import build_pipeline
from daphuong.services.org_gazetteer import OrgGazetteer
from daphuong.services.registry import RegistryHook
from daphuong.store.documents import DocumentRepository, NewDocument
from daphuong.store.engine import Database
from daphuong.store.migrate import upgrade

SHARED = Path(__file__).resolve().parents[2] / "shared"


def _contexts() -> list[DocContext]:
    pipeline = build_pipeline(["normalize", "clean", "extract"])
    paths = sorted((SHARED / "seeds").glob("*.txt")) + sorted((SHARED / "corpus/dev").glob("*.txt"))
    return [pipeline.run(DocContext(key=p.stem, raw=read_file(p))) for p in paths]


def _store(db: Database, ctx: DocContext, key: str) -> int:
    with db.transaction() as s:
        row = DocumentRepository(s).add(
            NewDocument(
                key=key,
                source=key,
                content_hash=key,
                media_type="text/plain",
                encoding="utf-8",
                title=None,
                outlet=None,
                url=None,
                published=ctx.published,
                original_text=ctx.text,
                normalized_text=ctx.text,
                offsets_json="[[0, 0]]",
                clutter=[],
            )
        )
        return row.id


def _pass(db: Database, hook: RegistryHook, docs: list[tuple[int, DocContext]]) -> float:
    start = time.perf_counter()
    for doc_id, ctx in docs:
        with db.transaction() as s:
            row = DocumentRepository(s).get(doc_id)
            assert row is not None
            hook.on_stored(s, row, ctx)
    return time.perf_counter() - start


def main(argv: list[str]) -> int:
    """Print documents/s for the first pass and for re-extraction."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks registry")
    parser.add_argument("--docs", type=int, default=500)
    args = parser.parse_args(argv)
    contexts = _contexts()
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(f"sqlite:///{tmp}/bench.db")
        upgrade(db.engine)
        hook = RegistryHook(OrgGazetteer.bundled())
        docs = []
        for i in range(args.docs):
            ctx = contexts[i % len(contexts)]
            key = f"{ctx.key}-{i}"
            ctx_i = DocContext(
                key=key,
                raw=ctx.raw,
                extraction=ctx.extraction,
                published=ctx.published,
                stage_versions={"extract": "b1"},
            )
            docs.append((_store(db, ctx_i, key), ctx_i))
        first = _pass(db, hook, docs)
        for _, ctx in docs:
            ctx.stage_versions["extract"] = "b2"
        again = _pass(db, hook, docs)
        db.dispose()
    n = len(docs)
    print(f"registry hook, {n} docs ({len(contexts)} distinct texts), SQLite")
    print(f"first pass:    {first:.2f} s, {n / first:.0f} docs/s, {1000 * first / n:.1f} ms/doc")
    print(f"re-extraction: {again:.2f} s, {n / again:.0f} docs/s, {1000 * again / n:.1f} ms/doc")
    return 0
