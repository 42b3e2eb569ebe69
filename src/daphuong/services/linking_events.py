"""Link events across reports: one meeting told by several outlets is one canonical event."""

from __future__ import annotations

from dataclasses import dataclass

from daphuong.domain.extraction import ExtractedEvent
from daphuong.services.linking import LIKELY, UNSURE, Linker, Links, Proposal
from daphuong.store.registry.events import EventRepository
from daphuong.store.registry.keys import folded_name
from daphuong.store.registry.statements import StatementRepository

_EVENT_PROPS = ("kind", "date", "name", "organizer", "chair")
NAME_SIMILARITY = 0.6


def dates_compatible(a: str, b: str) -> bool:
    """Equal dates, or equal month and day where one side does not know the year."""
    if not a or not b:
        return False
    if a == b:
        return True
    return (a.startswith("--") or b.startswith("--")) and a[-6:] == b[-6:]


def name_similarity(a: str, b: str) -> float:
    """Word-set overlap (Jaccard) of two folded names; 0 when either is empty."""
    wa, wb = set(folded_name(a).split()), set(folded_name(b).split())
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / len(wa | wb)


@dataclass(slots=True)
class EventFacts:
    """What one side (a report, or a canonical event) says about a meeting."""

    kinds: set[str]
    dates: set[str]
    names: set[str]
    parties: set[int]  # canonical organizers and chairs
    documents: set[str]


class EventLinker:
    """Decides, for each event a document reports, which canonical event it is."""

    def __init__(self, linker: Linker, statements: StatementRepository) -> None:
        self.linker = linker
        self.statements = statements
        self.events = EventRepository(linker.entities.session)

    def link(self, links: Links, events: list[ExtractedEvent]) -> list[int]:
        """The event entity for each extracted event, in order."""
        out: list[int] = []
        for event in events:
            entity_id = self._link_one(links, event)
            out.append(entity_id)
            if event.name:
                links.set("EVENT", event.name, entity_id, "event")
        return out

    def _mine(self, links: Links, event: ExtractedEvent) -> EventFacts:
        parties = {links.entity("ORG", o) for o in event.organizers}
        parties |= {links.entity("PERSON", c) for c in event.chairs}
        canon = self.linker.entities.canonical_map(p for p in parties if p is not None)
        return EventFacts(
            {event.kind},
            {event.date} - {""},
            {event.name} - {""},
            set(canon.values()),
            {self.linker.document_key},
        )

    def _link_one(self, links: Links, event: ExtractedEvent) -> int:
        mine = self._mine(links, event)
        found = set(self.events.in_document(self.linker.document_key))
        if event.date:
            found |= self.events.on_month_day(event.date[-6:])
        if event.name:
            found |= self.linker.aliases.entities_named([event.name], "EVENT")
        scored: list[tuple[float, int]] = []
        for canonical in sorted(set(self.linker.entities.canonical_map(found).values())):
            score = self._score(mine, self._theirs(canonical))
            if score > 0:
                scored.append((score, canonical))
        scored.sort(key=lambda s: (-s[0], s[1]))
        if scored and scored[0][0] >= LIKELY:
            return scored[0][1]
        caption = event.name or f"{event.kind} {event.date}".strip()
        entity_id = self.linker.create("EVENT", caption)
        for score, canonical in scored:
            links.proposals.append(Proposal(entity_id, canonical, "same kind and date", score))
        return entity_id

    def _theirs(self, canonical: int) -> EventFacts:
        rows = self.statements.of_subjects(self.linker.entities.cluster(canonical), _EVENT_PROPS)
        objects = self.linker.entities.canonical_map(
            r.object_entity_id for r in rows if r.object_entity_id is not None
        )
        return EventFacts(
            {r.value for r in rows if r.prop == "kind"},
            {r.value for r in rows if r.prop == "date"},
            {r.value for r in rows if r.prop == "name"},
            set(objects.values()),
            {r.document_key for r in rows if r.document_key},
        )

    @staticmethod
    def _score(mine: EventFacts, theirs: EventFacts) -> float:
        """1.0 same meeting, LIKELY probably, UNSURE maybe (review), 0 different."""
        dated = bool(mine.dates and theirs.dates)
        kind_clash = bool(theirs.kinds) and not (mine.kinds & theirs.kinds)
        date_clash = dated and not any(
            dates_compatible(a, b) for a in mine.dates for b in theirs.dates
        )
        if kind_clash or date_clash:
            return 0.0
        similar = max(
            (name_similarity(a, b) for a in mine.names for b in theirs.names), default=0.0
        )
        rereport = bool(mine.documents & theirs.documents) and (
            mine.names == theirs.names and mine.dates == theirs.dates
        )
        score = 0.0
        if (similar >= NAME_SIMILARITY and (dated or similar == 1.0)) or rereport:
            score = 1.0
        elif dated and mine.parties & theirs.parties:
            # Same day, same organizer, but two different names: two meetings, unless a
            # person says otherwise (a proposal, not a merge).
            score = UNSURE if mine.names and theirs.names else LIKELY
        elif dated and not (mine.names and theirs.names):
            score = UNSURE
        return score
