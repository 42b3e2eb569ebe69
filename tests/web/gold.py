"""A stand-in "extract" stage for web tests: the gold record of a text, with spans found."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from daphuong.domain.extraction import (
    EntityType,
    ExtractedEntity,
    ExtractedEvent,
    ExtractedRole,
    ExtractionResult,
    Span,
)
from daphuong.pipeline.context import DocContext
from daphuong.pipeline.registry import StageSpec, get_spec
from daphuong.pipeline.runner import Pipeline


def occurrences(text: str, needle: str) -> list[Span]:
    """Every place `needle` occurs in `text` as written."""
    if not needle:
        return []
    return [Span(m.start(), m.end()) for m in re.finditer(re.escape(needle), text)]


def from_gold(text: str, gold: dict[str, Any]) -> ExtractionResult:
    """The gold record with mentions located in the text (what the extractor will give)."""
    entities = [
        ExtractedEntity(
            EntityType(e["type"]), e["text"], e.get("value"), occurrences(text, e["text"]), 0.9
        )
        for e in gold.get("entities", [])
        if occurrences(text, e["text"])
    ]
    roles = [
        ExtractedRole(
            r["person"],
            r["title"],
            r.get("org", ""),
            mentions=occurrences(text, r["person"])[:1],
            confidence=0.8,
        )
        for r in gold.get("roles", [])
    ]
    events = [
        ExtractedEvent(
            ev["kind"],
            ev.get("name", ""),
            ev.get("date", ""),
            list(ev.get("organizers", [])),
            list(ev.get("chairs", [])),
            mentions=occurrences(text, ev.get("name") or ev["kind"])[:1],
            confidence=0.7,
        )
        for ev in gold.get("events", [])
    ]
    return ExtractionResult(gold.get("doc", ""), entities, roles, events)


class GoldStage:
    """Sets ctx.extraction from the gold record registered for the document's key."""

    def __init__(self, golds: dict[str, dict[str, Any]]) -> None:
        self.golds = golds

    def __call__(self, ctx: DocContext) -> None:
        """Look the document up by key (the file's stem)."""
        gold = self.golds.get(ctx.key) or self.golds.get(Path(ctx.raw.source).stem)
        ctx.extraction = from_gold(ctx.text, gold) if gold else ExtractionResult(ctx.key)


def load_golds(folder: Path) -> dict[str, dict[str, Any]]:
    """Every *.gold.json of a folder by document key."""
    out: dict[str, dict[str, Any]] = {}
    for path in sorted(folder.glob("*.gold.json")):
        out[path.name.removesuffix(".gold.json")] = json.loads(path.read_text(encoding="utf-8"))
    return out


def gold_pipeline(golds: dict[str, dict[str, Any]]) -> Pipeline:
    """normalize → clean → gold "extract"."""
    base = (get_spec("normalize"), get_spec("clean"))
    spec = StageSpec(
        "extract", "gold", ("normalize",), ("extraction",), lambda: GoldStage(golds), ""
    )
    return Pipeline((*base, spec), (*(s.factory() for s in base), GoldStage(golds)))
