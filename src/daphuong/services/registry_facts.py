"""Turn one document's extraction and its links into statements with source spans."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from daphuong.domain.extraction import (
    EntityType,
    ExtractedEvent,
    ExtractedRole,
    ExtractionResult,
    Span,
)
from daphuong.services.linking import (
    Linker,
    Links,
    bare_person,
    find_abbreviations,
    link_key,
    occurrences,
)
from daphuong.services.linking_people import Sighting
from daphuong.store.models import DocumentRow
from daphuong.store.registry.keys import name_key
from daphuong.store.registry.statements import NewStatement, Origin
from daphuong.text.keys import tone_key

REGISTRY_TYPES = ("PERSON", "ORG", "LOCATION", "LEGAL_DOC", "EVENT")
# Words right before a title that change its meaning: former, acting, newly appointed.
_CUES = {"nguyên": "former", "quyền": "acting", "tân": "new"}
_WORD_BEFORE = re.compile(r"(\w+)\s+$")


@dataclass(frozen=True, slots=True)
class SourceDoc:
    """The document version statements cite, with the visibility they inherit."""

    id: int
    key: str
    version: int
    text: str
    published: dt.date | None
    visibility: str
    owner_org_id: int | None
    extractor: str = "extract@unknown"

    @classmethod
    def of(cls, row: DocumentRow, extractor: str) -> SourceDoc:
        """Provenance of a stored document version."""
        published = row.published.date() if row.published is not None else None
        return cls(
            row.id,
            row.key,
            row.version,
            row.original_text,
            published,
            row.visibility,
            row.owner_org_id,
            extractor,
        )

    def statement(self, entity_id: int, prop: str, value: str, **extra: object) -> NewStatement:
        """A machine statement citing this document."""
        new = NewStatement(entity_id=entity_id, prop=prop, value=value)
        for name, v in extra.items():
            setattr(new, name, v)
        new.extractor = self.extractor
        new.origin = Origin.MACHINE
        new.document_id, new.document_key, new.document_version = self.id, self.key, self.version
        new.visibility, new.owner_org_id = self.visibility, self.owner_org_id
        return new


@dataclass(slots=True)
class Form:
    """One surface form in a document: where it occurs and how sure the extractor was."""

    spans: list[tuple[int, int]] = field(default_factory=list)
    confidence: float = 1.0


def _spans(mentions: Sequence[Span]) -> list[tuple[int, int]]:
    return [(m.start, m.end) for m in mentions]


def collect_forms(
    extraction: ExtractionResult, text: str
) -> dict[str, dict[str, list[tuple[int, int]]]]:
    """Surface forms per type with spans, from entities, roles and event parties."""
    forms: dict[str, dict[str, list[tuple[int, int]]]] = {t: {} for t in REGISTRY_TYPES}
    for entity in extraction.entities:
        if entity.type.value in forms and entity.text.strip():
            spans = _spans(entity.mentions) or occurrences(text, entity.text)
            form = entity.text
            if entity.type is EntityType.PERSON:
                # Spans end where the name ends, so dropping an honorific moves the start.
                form = bare_person(entity.text)
                shift = len(entity.text) - len(form)
                spans = [(s + shift, e) for s, e in spans]
            forms[entity.type.value].setdefault(form, []).extend(spans)
    extra = [("PERSON", r.person) for r in extraction.roles]
    extra += [("ORG", r.org) for r in extraction.roles if r.org]
    for event in extraction.events:
        extra += [("ORG", o) for o in event.organizers] + [("PERSON", c) for c in event.chairs]
        if event.name:
            extra.append(("EVENT", event.name))
    for entity_type, written in extra:
        form = bare_person(written) if entity_type == "PERSON" else written
        if form.strip() and form not in forms[entity_type]:
            forms[entity_type][form] = occurrences(text, form)
    return forms


def _iso(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def role_dates(extraction: ExtractionResult, doc: SourceDoc) -> dict[str, dt.date | None]:
    """When each person was seen: the date of an event they chaired, else publication."""
    out: dict[str, dt.date | None] = {}
    for event in extraction.events:
        on = _iso(event.date)
        for chair in event.chairs:
            if on is not None:
                out.setdefault(link_key("PERSON", chair), on)
    return {
        link_key("PERSON", r.person): out.get(link_key("PERSON", r.person), doc.published)
        for r in extraction.roles
    }


def cues(text: str, role: ExtractedRole) -> set[str]:
    """`nguyên`, `Quyền`, `tân` written right before the title in the role's mentions."""
    found = {"former"} if role.former else set()
    if role.acting:
        found.add("acting")
    title = tone_key(role.title)
    for span in role.mentions:
        lo = max(0, span.start - 16)
        window = tone_key(text[lo : span.end])
        at = window.find(title)
        if at < 0:
            continue
        m = _WORD_BEFORE.search(window[:at])
        if m and m.group(1) in _CUES:
            found.add(_CUES[m.group(1)])
    return found


def sightings(
    extraction: ExtractionResult, links: Links, linker: Linker, doc: SourceDoc
) -> dict[str, list[Sighting]]:
    """Each person's roles in this document, as context for linking them."""
    dates = role_dates(extraction, doc)
    out: dict[str, list[Sighting]] = {}
    for role in extraction.roles:
        org = links.entity("ORG", role.org) if role.org else None
        org_id = linker.entities.canonical(org) if org is not None else None
        key = link_key("PERSON", role.person)
        former = "former" in cues(doc.text, role)
        out.setdefault(key, []).append(Sighting(name_key(role.title), org_id, dates[key], former))
    return out


def _name_statements(
    doc: SourceDoc,
    links: Links,
    forms: dict[str, dict[str, list[tuple[int, int]]]],
    conf: dict[str, float],
) -> list[NewStatement]:
    out: list[NewStatement] = []
    for entity_type, by_form in forms.items():
        for form, spans in by_form.items():
            entity_id = links.entity(entity_type, form)
            if entity_id is None:
                continue
            key = (entity_type, name_key(form))
            prop = "alias" if name_key(form) in links.aliases else "name"
            out.append(
                doc.statement(
                    entity_id,
                    prop,
                    form,
                    spans=sorted(set(spans)),
                    confidence=conf.get(form, 1.0),
                    qualifiers={"link": links.methods.get(key, "")},
                )
            )
        if entity_type == "ORG":
            out.extend(_abbreviation_statements(doc, links, by_form))
    return out


def _abbreviation_statements(
    doc: SourceDoc, links: Links, by_form: dict[str, list[tuple[int, int]]]
) -> list[NewStatement]:
    out: list[NewStatement] = []
    for form, spans in by_form.items():
        entity_id = links.entity("ORG", form)
        for abbr, start, end in find_abbreviations(doc.text, spans):
            if entity_id is not None and abbr not in by_form:
                out.append(
                    doc.statement(
                        entity_id,
                        "alias",
                        abbr,
                        spans=[(start, end)],
                        qualifiers={"link": "abbreviation", "of": form},
                    )
                )
    return out


def _role_statements(
    doc: SourceDoc, extraction: ExtractionResult, links: Links
) -> list[NewStatement]:
    dates = role_dates(extraction, doc)
    out: list[NewStatement] = []
    for role in extraction.roles:
        person = links.entity("PERSON", role.person)
        if person is None:
            continue
        org = links.entity("ORG", role.org) if role.org else None
        qualifiers: dict[str, object] = {"org": role.org, "person": bare_person(role.person)}
        qualifiers.update(dict.fromkeys(sorted(cues(doc.text, role)), True))
        out.append(
            doc.statement(
                person,
                "role",
                role.title,
                object_entity_id=org,
                qualifiers=qualifiers,
                observed_on=dates.get(link_key("PERSON", role.person)),
                spans=_spans(role.mentions),
                confidence=role.confidence,
            )
        )
    return out


def _event_statements(
    doc: SourceDoc, events: Sequence[ExtractedEvent], event_ids: Sequence[int], links: Links
) -> list[NewStatement]:
    out: list[NewStatement] = []
    for event, entity_id in zip(events, event_ids, strict=True):
        common = {"spans": _spans(event.mentions), "confidence": event.confidence}
        on = _iso(event.date)
        out.append(doc.statement(entity_id, "kind", event.kind, observed_on=on, **common))
        if event.date:
            out.append(doc.statement(entity_id, "date", event.date, observed_on=on, **common))
        for org in event.organizers:
            target = links.entity("ORG", org)
            out.append(
                doc.statement(entity_id, "organizer", org, object_entity_id=target, **common)
            )
        for chair in event.chairs:
            target = links.entity("PERSON", chair)
            out.append(doc.statement(entity_id, "chair", chair, object_entity_id=target, **common))
    return out


def build_statements(
    doc: SourceDoc,
    extraction: ExtractionResult,
    links: Links,
    forms: dict[str, dict[str, list[tuple[int, int]]]],
    event_ids: Sequence[int],
    captions: dict[int, str],
) -> list[NewStatement]:
    """Every machine statement one document yields, same_as proposals included."""
    conf = {e.text: e.confidence for e in extraction.entities}
    out = _name_statements(doc, links, forms, conf)
    out += _role_statements(doc, extraction, links)
    out += _event_statements(doc, extraction.events, event_ids, links)
    for p in links.proposals:
        out.append(
            doc.statement(
                p.subject,
                "same_as",
                captions.get(p.target, str(p.target)),
                object_entity_id=p.target,
                confidence=p.confidence,
                qualifiers={"reason": p.reason},
            )
        )
    return out
