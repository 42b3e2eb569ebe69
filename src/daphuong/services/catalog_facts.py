"""What the registry says about one document: entity spans to mark and facts to review."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from daphuong.services.catalog import Fact, Highlight
from daphuong.store.models.registry import EntityRow, StatementRow
from daphuong.store.registry.entities import EntityRepository
from daphuong.store.registry.statements import StatementRepository, qualifiers_of, spans_of

NAME_PROPS = frozenset({"name", "alias"})
# Statements shown beside the text, in this order; names are shown as marks instead.
FACT_PROPS = ("role", "kind", "date", "organizer", "chair", "same_as")


def _captions(session: Session, rows: Sequence[StatementRow]) -> dict[int, EntityRow]:
    ids = {r.entity_id for r in rows} | {r.object_entity_id for r in rows if r.object_entity_id}
    repo = EntityRepository(session)
    canonical = repo.canonical_map(ids)
    entities = {e.id: e for e in repo.rows(sorted(set(canonical.values())))}
    return {i: entities[c] for i, c in canonical.items() if c in entities}


def summarize_statement(row: StatementRow, entities: dict[int, EntityRow]) -> str:
    """A one-line reading of a fact: 'Person — Title, Org' or 'Event: organizer X'."""
    subject = entities.get(row.entity_id)
    name = subject.caption if subject else row.value
    if row.prop == "role":
        org = str(qualifiers_of(row).get("org") or "")
        return f"{name} — {row.value}" + (f", {org}" if org else "")
    if row.prop == "kind":
        return f"{row.value}: {name}"
    if row.prop == "same_as":
        other = entities.get(row.object_entity_id or 0)
        return f"{name} = {other.caption if other else row.value}"
    return f"{name}: {row.value}"


def to_fact(row: StatementRow, entities: dict[int, EntityRow]) -> Fact:
    """The fact form of a statement, linked to its first source span."""
    spans = spans_of(row)
    anchor = f"span-{spans[0][0]}-{spans[0][1]}" if spans else None
    subject = entities.get(row.entity_id)
    return Fact(
        id=row.id,
        kind=row.prop,
        summary=summarize_statement(row, entities),
        confidence=row.confidence,
        review_state=row.status,
        anchor=anchor,
        entity_id=subject.id if subject else None,
    )


def registry_highlights(session: Session, doc_id: int) -> tuple[list[Highlight], list[Fact]]:
    """Marks from name statements and facts from the others, for one document version."""
    # By version id: reading every version's statements by key and the document again cost
    # a second full-text load per page.
    rows = StatementRepository(session).of_document(doc_id)
    entities = _captions(session, rows)
    highlights: list[Highlight] = []
    for row in rows:
        if row.prop not in NAME_PROPS or row.entity_id not in entities:
            continue
        entity = entities[row.entity_id]
        for start, end in spans_of(row):
            highlights.append(Highlight(start, end, entity.type, row.value, entity.id, row.id))
    order = {p: i for i, p in enumerate(FACT_PROPS)}
    facts = [to_fact(r, entities) for r in rows if r.prop in order]
    facts.sort(key=lambda f: (order[f.kind], f.anchor is None, f.id))
    return highlights, facts
