"""Document hook: turn a document's extraction into machine statements, linked and cited."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy.orm import Session

from daphuong.domain.extraction import ExtractionResult
from daphuong.pipeline.context import DocContext
from daphuong.services.hooks import EntityIndexHook
from daphuong.services.linking import Linker, Links
from daphuong.services.linking_events import EventLinker
from daphuong.services.linking_people import PersonLinker
from daphuong.services.org_gazetteer import OrgGazetteer
from daphuong.services.registry_facts import SourceDoc, build_statements, collect_forms, sightings
from daphuong.store.models import DocumentRow
from daphuong.store.models.registry import StatementRow
from daphuong.store.registry.entities import EntityRepository
from daphuong.store.registry.statements import (
    NAME_PROPS,
    NewStatement,
    Origin,
    StatementRepository,
    Status,
    identity_of,
)

SIMPLE_TYPES = ("LOCATION", "LEGAL_DOC", "EVENT")


def replace_machine_statements(
    session: Session, document_key: str, facts: Sequence[NewStatement]
) -> set[int]:
    """Swap a document's machine proposals for new ones; decided statements are re-matched."""
    repo = StatementRepository(session)
    existing = repo.by_document_key(document_key)
    decided = {identity_of(r): r for r in existing if r.status != Status.PROPOSED.value}
    stale = [
        r for r in existing if r.status == Status.PROPOSED.value and r.origin == Origin.MACHINE
    ]
    touched = _entities_of(stale)
    repo.delete([r.id for r in stale])
    for fact in _dedupe(facts):
        touched.update(i for i in (fact.entity_id, fact.object_entity_id) if i is not None)
        row = decided.get(fact.identity)
        if row is None:
            repo.add(fact)
        else:
            # A person decided this fact already: keep the decision, refresh the evidence.
            repo.refresh_provenance(row, fact)
    session.flush()
    return touched


def _entities_of(rows: Iterable[StatementRow]) -> set[int]:
    out: set[int] = set()
    for r in rows:
        out.add(r.entity_id)
        if r.object_entity_id is not None:
            out.add(r.object_entity_id)
    return out


def _dedupe(facts: Sequence[NewStatement]) -> list[NewStatement]:
    """One statement per identity: spans are united, the highest confidence kept."""
    out: dict[tuple[int, str, str], NewStatement] = {}
    for fact in facts:
        seen = out.get(fact.identity)
        if seen is None:
            out[fact.identity] = fact
            continue
        seen.spans = sorted(set(seen.spans) | set(fact.spans))
        seen.confidence = max(seen.confidence, fact.confidence)
    return list(out.values())


def entity_names(session: Session, entity_id: int, gazetteer: OrgGazetteer) -> list[str]:
    """Every non-rejected name and alias of an entity's cluster, plus gazetteer forms."""
    entities = EntityRepository(session)
    rows = StatementRepository(session).of_subjects(entities.cluster(entity_id), NAME_PROPS)
    names = {r.value for r in rows}
    for name in list(names):
        org = gazetteer.lookup(name)
        if org is not None:
            names.update(org.forms)
    return sorted(names)


def reindex(
    session: Session,
    entity_ids: Iterable[int],
    hooks: Sequence[EntityIndexHook],
    gazetteer: OrgGazetteer,
) -> None:
    """Tell quick-find about changed entities: merged or deleted ones go, the rest are upserted."""
    if not hooks:
        return
    entities = EntityRepository(session)
    for entity_id in sorted(set(entity_ids)):
        row = entities.get(entity_id)
        names = entity_names(session, entity_id, gazetteer) if row is not None else []
        for hook in hooks:
            if row is None or row.merged_into_id is not None or not names:
                hook.delete_entity(session, entity_id)
            else:
                hook.upsert_entity(session, entity_id, row.type, names)


def record_extraction(
    session: Session, doc: SourceDoc, extraction: ExtractionResult, gazetteer: OrgGazetteer
) -> set[int]:
    """Link one document's extraction and write its statements; returns touched entity ids."""
    linker = Linker(session, gazetteer, doc.key)
    statements = StatementRepository(session)
    links = Links()
    forms = collect_forms(extraction, doc.text)
    linker.link_orgs(links, forms["ORG"], doc.text)
    people = PersonLinker(linker, statements)
    people.link(links, list(forms["PERSON"]), sightings(extraction, links, linker, doc))
    event_ids = EventLinker(linker, statements).link(links, extraction.events)
    for entity_type in SIMPLE_TYPES:
        linker.link_simple(links, entity_type, list(forms[entity_type]))
    captions = {
        p.target: row.caption
        for p in links.proposals
        if (row := linker.entities.get(p.target)) is not None
    }
    facts = build_statements(doc, extraction, links, forms, event_ids, captions)
    touched = replace_machine_statements(session, doc.key, facts)
    touched.update(linker.created)
    orphans = EntityRepository(session).delete_orphans(touched)
    return touched | set(orphans)


class RegistryHook:
    """Keeps the registry in step with documents, inside each document's transaction."""

    def __init__(
        self,
        gazetteer: OrgGazetteer | None = None,
        index_hooks: Sequence[EntityIndexHook] = (),
    ) -> None:
        self.gazetteer = gazetteer if gazetteer is not None else OrgGazetteer.bundled()
        self.index_hooks = list(index_hooks)

    def on_stored(self, session: Session, row: DocumentRow, ctx: DocContext) -> None:
        """Replace this document's machine statements with ones from its new extraction."""
        if ctx.extraction is None:
            return  # no extractor in the pipeline: nothing to say, nothing to replace
        extractor = f"extract@{ctx.stage_versions.get('extract', 'unknown')}"
        doc = SourceDoc.of(row, extractor)
        touched = record_extraction(session, doc, ctx.extraction, self.gazetteer)
        reindex(session, touched, self.index_hooks, self.gazetteer)

    def on_superseded(self, session: Session, old: DocumentRow) -> None:
        """Nothing to do: on_stored of the new version replaces the statements by key."""
