"""Extraction without a database: extract files to gold-shaped JSON and score against gold."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from daphuong.domain.document import Segment
from daphuong.domain.extraction import EntityType, ExtractionResult, Mention
from daphuong.errors import InvalidInput, NotFound
from daphuong.ingest.clean import find_clutter, find_dateline
from daphuong.ingest.readers import read_file
from daphuong.pipeline.extract.extractor import extract_with
from daphuong.pipeline.extract.scoring import Counts, score_corpus
from daphuong.text.keys import tone_key

GOLD_SUFFIX = ".gold.json"


@dataclass(frozen=True, slots=True)
class LoadedText:
    """A document's original text with what the clean stage finds in it."""

    text: str
    published: dt.date | None
    clutter: list[Segment]


@dataclass(slots=True)
class EvaluationReport:
    """Scores of the extractor on a folder of texts with gold files beside them."""

    directory: str
    documents: list[str] = field(default_factory=list)
    metrics: dict[str, Counts] = field(default_factory=dict)
    gold_mentions: bool = False

    def to_json(self) -> dict[str, Any]:
        """The report as JSON for machines."""
        return {
            "directory": self.directory,
            "documents": self.documents,
            "gold_mentions": self.gold_mentions,
            "metrics": {name: counts.to_json() for name, counts in self.metrics.items()},
        }


def load_text(path: Path) -> LoadedText:
    """Read a file through the ingest readers; find its clutter and its date line."""
    raw = read_file(path)
    text = raw.original_text
    known = {(s.start, s.end) for s in raw.clutter}
    clutter = [*raw.clutter, *(s for s in find_clutter(text) if (s.start, s.end) not in known)]
    published = raw.published or find_dateline(text)
    return LoadedText(text, published.date() if published else None, clutter)


def extract_file(path: Path, *, gold: dict[str, Any] | None = None) -> ExtractionResult:
    """Extract one file; with `gold`, its entities stand in for recognition (roles/events alone)."""
    loaded = load_text(path)
    mentions = project_gold_mentions(loaded.text, gold) if gold is not None else None
    return extract_with(
        loaded.text, path.stem, mentions, published=loaded.published, clutter=loaded.clutter
    )


def extract_files(paths: Sequence[Path], out_dir: Path) -> list[Path]:
    """Write `<stem>.json` in the gold shape for each input; returns the written paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for path in paths:
        result = extract_file(path)
        target = out_dir / f"{path.stem}.json"
        target.write_text(json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n")
        written.append(target)
    return written


def gold_pairs(directory: Path) -> list[tuple[Path, Path]]:
    """Every `*.txt` of a folder that has a `*.gold.json` beside it, in name order."""
    if not directory.is_dir():
        raise NotFound(f"{directory}: no such folder")
    pairs = [
        (txt, txt.with_name(txt.stem + GOLD_SUFFIX))
        for txt in sorted(directory.glob("*.txt"))
        if txt.with_name(txt.stem + GOLD_SUFFIX).is_file()
    ]
    if not pairs:
        raise InvalidInput(f"{directory}: no *.txt with a *{GOLD_SUFFIX} beside it")
    return pairs


def evaluate(directories: Iterable[Path], *, gold_mentions: bool = False) -> EvaluationReport:
    """Score the extractor on every gold-annotated text of the folders (micro-averaged)."""
    dirs = list(directories)
    report = EvaluationReport(", ".join(str(d) for d in dirs), gold_mentions=gold_mentions)
    scored: list[tuple[dict[str, Any], dict[str, Any]]] = []
    for directory in dirs:
        for txt, gold_path in gold_pairs(directory):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            result = extract_file(txt, gold=gold if gold_mentions else None)
            scored.append((gold, result.to_json()))
            report.documents.append(txt.stem)
    report.metrics = score_corpus(scored)
    return report


def project_gold_mentions(text: str, gold: dict[str, Any]) -> list[Mention]:
    """Every occurrence of each gold entity text as a mention (a stand-in recognizer)."""
    keyed = tone_key(text)
    out: list[Mention] = []
    for entity in gold.get("entities", []):
        key = tone_key(entity["text"])
        if not key:
            continue
        for m in re.finditer(re.escape(key), keyed):
            start, end = m.span()
            if (start and keyed[start - 1].isalnum()) or (
                end < len(keyed) and keyed[end].isalnum()
            ):
                continue
            out.append(
                Mention(
                    EntityType(entity["type"]), start, end, text[start:end], entity.get("value")
                )
            )
    return out


def format_table(report: EvaluationReport) -> str:
    """A readable table: one line per metric with P, R, F1 and counts."""
    lines = [
        f"{len(report.documents)} documents from {report.directory}"
        + (" (gold entities as mentions)" if report.gold_mentions else ""),
        f"{'metric':<26}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}",
    ]
    for name, c in report.metrics.items():
        label = "  " + name.split(".", 1)[1] if name.startswith("entities.") else name
        lines.append(
            f"{label:<26}{c.precision:>7.3f}{c.recall:>7.3f}{c.f1:>7.3f}{c.tp:>6}{c.fp:>6}{c.fn:>6}"
        )
    return "\n".join(lines)
