"""Ingest files, folders and streams: read, run the pipeline, store one transaction per file."""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from daphuong.domain.document import RawDocument, Visibility
from daphuong.errors import DaphuongError, IngestError
from daphuong.ingest.readers import SUPPORTED_SUFFIXES, read_bytes, read_file
from daphuong.pipeline.context import DocContext
from daphuong.pipeline.runner import Pipeline
from daphuong.services.hooks import DocumentHook
from daphuong.store.documents import DocumentRepository, NewDocument
from daphuong.store.engine import Database

STDIN = "-"


class Outcome(StrEnum):
    """What happened to one input."""

    INGESTED = "ingested"
    NEW_VERSION = "new_version"
    UNCHANGED = "unchanged"
    FAILED = "failed"


@dataclass(slots=True)
class IngestSummary:
    """Counts for a whole run, in the shape `--json` prints."""

    ingested: int = 0
    new_versions: int = 0
    unchanged: int = 0
    failed: list[dict[str, str]] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        """The summary as printed by `daphuong ingest --json`."""
        return {
            "ingested": self.ingested + self.new_versions,
            "new_versions": self.new_versions,
            "unchanged": self.unchanged,
            "failed": list(self.failed),
        }


def iter_inputs(paths: Sequence[str]) -> Iterator[str]:
    """Expand folders recursively (supported, non-hidden files only); keep files and '-'."""
    for p in paths:
        if p == STDIN:
            yield p
            continue
        path = Path(p)
        if not path.is_dir():
            yield p
            continue
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if not name.startswith(".") and Path(name).suffix.lower() in SUPPORTED_SUFFIXES:
                    yield str(Path(root) / name)


def content_hash(text: str) -> str:
    """SHA-256 of the decoded original text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class IngestionService:
    """Reads documents and stores them with their pipeline annotations."""

    def __init__(
        self,
        db: Database,
        pipeline: Pipeline,
        hooks: Iterable[DocumentHook] = (),
        max_file_bytes: int = 50 * 1024 * 1024,
    ) -> None:
        self.db = db
        self.pipeline = pipeline
        self.hooks = list(hooks)
        self.max_file_bytes = max_file_bytes

    def ingest(
        self,
        paths: Sequence[str],
        *,
        visibility: Visibility = Visibility.PUBLIC,
        owner_org_id: int | None = None,
        on_progress: Callable[[str, Outcome], None] | None = None,
    ) -> IngestSummary:
        """Ingest every input; failures are collected, the rest still go in."""
        summary = IngestSummary()
        for item in iter_inputs(paths):
            try:
                raw = self._read(item)
                outcome, key = self.store(raw, visibility=visibility, owner_org_id=owner_org_id)
            except DaphuongError as exc:
                reason = exc.reason if isinstance(exc, IngestError) else exc.message
                summary.failed.append({"path": item, "error": reason})
                outcome = Outcome.FAILED
            else:
                summary.documents.append(key)
                if outcome is Outcome.INGESTED:
                    summary.ingested += 1
                elif outcome is Outcome.NEW_VERSION:
                    summary.new_versions += 1
                else:
                    summary.unchanged += 1
            if on_progress is not None:
                on_progress(item, outcome)
        return summary

    def _read(self, item: str) -> RawDocument:
        if item == STDIN:
            data = sys.stdin.buffer.read(self.max_file_bytes + 1)
            if len(data) > self.max_file_bytes:
                raise IngestError("-", f"input is over the limit of {self.max_file_bytes} bytes")
            return read_bytes(data, "-", None)
        path = Path(item)
        if not path.exists():
            raise IngestError(item, "no such file or directory")
        return read_file(path, max_bytes=self.max_file_bytes)

    def store(
        self,
        raw: RawDocument,
        *,
        visibility: Visibility = Visibility.PUBLIC,
        owner_org_id: int | None = None,
        key: str | None = None,
    ) -> tuple[Outcome, str]:
        """Run the pipeline and write one document version in one transaction, retried."""
        return self.db.retrying(lambda: self._store_once(raw, visibility, owner_org_id, key))

    def _store_once(
        self,
        raw: RawDocument,
        visibility: Visibility,
        owner_org_id: int | None,
        key: str | None,
    ) -> tuple[Outcome, str]:
        digest = content_hash(raw.original_text)
        with self.db.transaction() as session:
            repo = DocumentRepository(session)
            same = repo.by_hash(digest)
            if same is not None:
                return Outcome.UNCHANGED, same.key
            previous = repo.current_by_source(raw.source) if raw.source != STDIN else None
            if previous is not None:
                key = previous.key
            else:
                key = key or _unique_key(repo, _base_key(raw.source, digest), digest)
            ctx = self.pipeline.run(DocContext(key=key, raw=raw))
            row = repo.add(
                _new_document(ctx, digest, visibility, owner_org_id), supersedes=previous
            )
            for hook in self.hooks:
                if previous is not None:
                    hook.on_superseded(session, previous)
                hook.on_stored(session, row, ctx)
            return (Outcome.NEW_VERSION if previous else Outcome.INGESTED), key


def _base_key(source: str, digest: str) -> str:
    if source == STDIN:
        return f"stdin-{digest[:12]}"
    stem = Path(source).stem if "://" not in source else source.rstrip("/").rsplit("/", 1)[-1]
    return (stem or digest[:12])[:150]


def _unique_key(repo: DocumentRepository, base: str, digest: str) -> str:
    if not repo.key_taken(base):
        return base
    return f"{base}-{digest[:8]}"


def _new_document(
    ctx: DocContext, digest: str, visibility: Visibility, owner_org_id: int | None
) -> NewDocument:
    raw = ctx.raw
    if ctx.normalized is None:
        raise IngestError(raw.source, "pipeline did not normalize the text (stage missing?)")
    return NewDocument(
        key=ctx.key,
        source=raw.source,
        content_hash=digest,
        media_type=raw.media_type,
        encoding=raw.encoding,
        title=raw.title,
        outlet=raw.outlet,
        url=raw.url,
        published=ctx.published or raw.published,
        original_text=raw.original_text,
        normalized_text=ctx.normalized.text,
        offsets_json=json.dumps(ctx.normalized.offsets.to_json()),
        clutter=ctx.clutter or raw.clutter,
        visibility=visibility,
        owner_org_id=owner_org_id,
    )
