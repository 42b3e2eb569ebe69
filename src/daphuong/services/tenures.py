"""Roles over time: role sightings become tenures (first and last seen) with citations."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from daphuong.store.registry.keys import name_key
from daphuong.store.registry.statements import AnyStatement, qualifiers_of, spans_of


@dataclass(slots=True)
class Tenure:
    """One post a person held: title at an organization, from sightings in documents."""

    title: str
    org_id: int | None
    org: str
    acting: bool = False
    first_seen: dt.date | None = None
    last_seen: dt.date | None = None
    appointed_on: dt.date | None = None  # a `tân` (newly appointed) sighting
    ended_before: dt.date | None = None  # a `nguyên` (former) sighting
    citations: list[dict[str, Any]] = field(default_factory=list)
    citations_total: int = 0

    def held_on(self, day: dt.date) -> str | None:
        """'seen' inside the sightings, 'assumed' after the last one until it ended, else None."""
        start = self.appointed_on or self.first_seen
        if self.ended_before is not None and day >= self.ended_before:
            return None
        if start is None or day < start:
            return None
        if self.last_seen is not None and day <= self.last_seen:
            return "seen"
        return "assumed"

    def to_json(self) -> dict[str, Any]:
        """The tenure as `entity show --json` prints it."""
        return {
            "title": self.title,
            "org": self.org,
            "org_id": self.org_id,
            "acting": self.acting,
            "first_seen": _iso(self.first_seen),
            "last_seen": _iso(self.last_seen),
            "appointed_on": _iso(self.appointed_on),
            "ended_before": _iso(self.ended_before),
            "citations": self.citations,
            "citations_total": self.citations_total,
        }


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def citation(row: AnyStatement, text: str | None = None) -> dict[str, Any]:
    """Where a statement comes from: document, version, spans, extractor, review state."""
    out: dict[str, Any] = {
        "statement_id": row.id,
        "document_id": row.document_id,
        "document_key": row.document_key,
        "document_version": row.document_version,
        "spans": spans_of(row),
        "extractor": row.extractor,
        "confidence": round(row.confidence, 3),
        "status": row.status,
    }
    if text is not None:
        out["quotes"] = [text[s:e] for s, e in spans_of(row)]
    return out


def _extend(tenure: Tenure, row: AnyStatement, quals: dict[str, Any]) -> None:
    day = row.observed_on
    if day is None:
        return
    if quals.get("former"):
        tenure.ended_before = min(filter(None, (tenure.ended_before, day)))
        return
    tenure.first_seen = min(filter(None, (tenure.first_seen, day)))
    tenure.last_seen = max(filter(None, (tenure.last_seen, day)))
    if quals.get("new"):
        tenure.appointed_on = min(filter(None, (tenure.appointed_on, day)))


def build_tenures(
    rows: Sequence[AnyStatement],
    canonical_orgs: dict[int, int],
    texts: dict[int, str],
    *,
    limit: int | None = None,
) -> list[Tenure]:
    """Group role statements by (title, organization, acting) into tenures.

    With `limit`, each tenure keeps its first citation and its latest ones up to `limit`.
    """
    tenures: dict[tuple[str, str, bool], Tenure] = {}
    keys: dict[str, str] = {}  # titles and org names repeat across hundreds of sightings
    decoded: dict[str, dict[str, Any]] = {}  # so do qualifiers: decode each text once
    sightings: dict[tuple[str, str, bool], list[_Seen]] = {}
    for row in sorted(rows, key=lambda r: (r.observed_on or dt.date.min, r.id)):
        quals = decoded.get(row.qualifiers_json)
        if quals is None:
            quals = decoded.setdefault(row.qualifiers_json, qualifiers_of(row))
        org_id = canonical_orgs.get(row.object_entity_id) if row.object_entity_id else None
        org_text = str(quals.get("org", ""))
        acting = bool(quals.get("acting"))
        title_key = keys.get(row.value) or keys.setdefault(row.value, name_key(row.value))
        org_key = str(org_id) if org_id else keys.setdefault(org_text, name_key(org_text))
        key = (title_key, org_key, acting)
        tenure = tenures.setdefault(key, Tenure(row.value, org_id, org_text, acting))
        _extend(tenure, row, quals)
        sightings.setdefault(key, []).append((row, quals))
    for key, seen in sightings.items():
        _cite(tenures[key], seen, texts, limit)
    return sorted(tenures.values(), key=lambda t: (t.first_seen or dt.date.max, t.title))


_Seen = tuple[AnyStatement, dict[str, Any]]


def _kept(seen: list[_Seen], limit: int | None) -> list[_Seen]:
    """The first sighting (it dates the tenure) and the latest ones, `limit` in all."""
    if limit is None or len(seen) <= limit:
        return seen
    if limit == 1:
        return seen[-1:]
    return seen[:1] + seen[len(seen) - (limit - 1) :]


def _cite(tenure: Tenure, seen: list[_Seen], texts: dict[int, str], limit: int | None) -> None:
    """Citations only for the sightings kept: building one costs two JSON decodes."""
    tenure.citations_total = len(seen)
    for row, quals in _kept(seen, limit):
        # Former sightings alone still tell us the post existed, ending before that date.
        cited = citation(row, texts.get(row.document_id) if row.document_id else None)
        cited["observed_on"] = _iso(row.observed_on)
        cited["former"] = bool(quals.get("former"))
        tenure.citations.append(cited)


def attach_quotes(
    citations: Sequence[dict[str, Any]], quotes: dict[tuple[int, int, int], str]
) -> None:
    """Add the quoted text of each span to citations that have a document."""
    for cite in citations:
        doc_id = cite.get("document_id")
        if doc_id:
            cite["quotes"] = [quotes.get((doc_id, s, e), "") for s, e in cite["spans"]]


def quoted_spans(citations: Sequence[dict[str, Any]]) -> set[tuple[int, int, int]]:
    """(document id, start, end) of every span the citations point at."""
    return {
        (cite["document_id"], s, e)
        for cite in citations
        if cite.get("document_id")
        for s, e in cite["spans"]
    }


def held_on(tenures: Sequence[Tenure], day: dt.date) -> list[dict[str, Any]]:
    """The titles held on `day`, each with how sure we are (seen / assumed)."""
    out = []
    for tenure in tenures:
        basis = tenure.held_on(day)
        if basis is not None:
            out.append(
                {"title": tenure.title, "org": tenure.org, "org_id": tenure.org_id, "basis": basis}
            )
    return out
