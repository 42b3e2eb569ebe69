"""ANNOTATION.md's scoring: per-document set comparison, micro P/R/F1 over a corpus."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from daphuong.text.keys import tone_key

_EDGE = " \t\n\"'“”‘’«»„‹›.,;:!?…()[]{}-–—/*•·|"


def normalize_text(value: str) -> str:
    """Lower-case, one tone placement, no quotes or punctuation at the edges, single spaces."""
    return " ".join(tone_key(value or "").split()).strip(_EDGE)


@dataclass(slots=True)
class Counts:
    """True positives, false positives and false negatives of one metric."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        """Sum another document's counts into these."""
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        """tp / (tp + fp); 1.0 when nothing was predicted and nothing was expected."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else float(self.fn == 0)

    @property
    def recall(self) -> float:
        """tp / (tp + fn); 1.0 when nothing was expected."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict[str, Any]:
        """Counts and ratios as a JSON object."""
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


def compare_sets(gold: Iterable[object], predicted: Iterable[object]) -> Counts:
    """Counts of two collections compared as sets."""
    g, p = set(gold), set(predicted)
    return Counts(len(g & p), len(p - g), len(g - p))


def _entities(doc: Mapping[str, Any]) -> set[tuple[str, str]]:
    return {(e["type"], normalize_text(e["text"])) for e in doc.get("entities", [])}


def _roles(doc: Mapping[str, Any], with_org: bool) -> set[tuple[str, ...]]:
    out: set[tuple[str, ...]] = set()
    for r in doc.get("roles", []):
        key = (normalize_text(r["person"]), normalize_text(r["title"]))
        out.add((*key, normalize_text(r.get("org", ""))) if with_org else key)
    return out


def _event_match(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> int:
    """0 when the events do not match; higher when more of their fields agree."""
    if gold["kind"] != pred.get("kind"):
        return 0
    same_name = normalize_text(gold.get("name", "")) == normalize_text(pred.get("name", ""))
    if gold.get("date"):
        return 2 + same_name if gold["date"] == pred.get("date") else 0
    return 2 if same_name else 0


def match_events(
    gold: Sequence[Mapping[str, Any]], pred: Sequence[Mapping[str, Any]]
) -> list[tuple[int, int]]:
    """Pairs (gold index, predicted index), each event used once, best agreements first."""
    candidates = [
        (score, gi, pi)
        for gi, g in enumerate(gold)
        for pi, p in enumerate(pred)
        if (score := _event_match(g, p))
    ]
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, gi, pi in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def score_document(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> dict[str, Counts]:
    """Every metric of ANNOTATION.md's scoring for one document."""
    out: dict[str, Counts] = {}
    g_ents, p_ents = _entities(gold), _entities(pred)
    out["entities"] = compare_sets(g_ents, p_ents)
    for etype in sorted({t for t, _ in g_ents | p_ents}):
        out[f"entities.{etype}"] = compare_sets(
            (e for e in g_ents if e[0] == etype), (e for e in p_ents if e[0] == etype)
        )
    out["roles"] = compare_sets(_roles(gold, True), _roles(pred, True))
    out["roles_without_org"] = compare_sets(_roles(gold, False), _roles(pred, False))
    g_events, p_events = list(gold.get("events", [])), list(pred.get("events", []))
    pairs = match_events(g_events, p_events)
    out["events"] = Counts(len(pairs), len(p_events) - len(pairs), len(g_events) - len(pairs))
    for field in ("organizers", "chairs"):
        counts = Counts()
        for gi, pi in pairs:
            counts.add(
                compare_sets(
                    (normalize_text(x) for x in g_events[gi].get(field, [])),
                    (normalize_text(x) for x in p_events[pi].get(field, [])),
                )
            )
        out[field] = counts
    return out


def score_corpus(
    pairs: Iterable[tuple[Mapping[str, Any], Mapping[str, Any]]],
) -> dict[str, Counts]:
    """Micro-averaged metrics over (gold, predicted) document pairs."""
    total: dict[str, Counts] = {}
    for gold, pred in pairs:
        for name, counts in score_document(gold, pred).items():
            total.setdefault(name, Counts()).add(counts)
    return dict(sorted(total.items(), key=lambda kv: _order(kv[0])))


def _order(name: str) -> tuple[int, str]:
    ranks = ["entities", "entities.", "roles", "roles_without_org", "events", "organizers"]
    for i, prefix in enumerate(ranks):
        if name == prefix or (prefix.endswith(".") and name.startswith(prefix)):
            return i, name
    return len(ranks), name
