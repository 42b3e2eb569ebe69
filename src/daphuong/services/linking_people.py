"""Link people across documents by name plus context: titles, organizations and dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from daphuong.services.linking import UNSURE, Linker, Links, Proposal, link_key
from daphuong.store.registry.keys import clean_name, name_key
from daphuong.store.registry.statements import StatementRepository, qualifiers_of

# Two sightings of one exclusive post at different organizations this close are two people.
CONFLICT_WINDOW = dt.timedelta(days=365)
# Membership titles: holding several at once is normal, so they never conflict.
_SHARED_TITLES = ("ủy viên", "thành viên", "hội viên", "đại biểu", "trưởng đoàn", "đại sứ")
_MIN_DISTINCT_SYLLABLES = 3


@dataclass(frozen=True, slots=True)
class Sighting:
    """A person seen with a title at an organization (canonical id) on a date."""

    title_key: str
    org_id: int | None
    on: dt.date | None
    former: bool = False


def _exclusive(s: Sighting) -> bool:
    return s.org_id is not None and not s.former and not s.title_key.startswith(_SHARED_TITLES)


def conflicts(a: Sighting, b: Sighting) -> bool:
    """The same exclusive title held at two different organizations at about the same time."""
    if not (_exclusive(a) and _exclusive(b)) or a.title_key != b.title_key:
        return False
    if a.org_id == b.org_id:
        return False
    if a.on is None or b.on is None:
        return True
    return abs(a.on - b.on) <= CONFLICT_WINDOW


def supports(a: Sighting, b: Sighting) -> bool:
    """Both sightings place the person at the same organization."""
    return a.org_id is not None and a.org_id == b.org_id


def distinctive(name: str) -> bool:
    """A full name (three syllables or more, not an all-caps tag) is safe to link on alone."""
    words = clean_name(name).split()
    if len(words) < _MIN_DISTINCT_SYLLABLES:
        return False
    return not all(w.isupper() for w in words)


class PersonLinker:
    """Decides, for each person named in a document, which canonical person it is."""

    def __init__(self, linker: Linker, statements: StatementRepository) -> None:
        self.linker = linker
        self.statements = statements

    def link(self, links: Links, names: Sequence[str], context: dict[str, list[Sighting]]) -> None:
        """Link every name; uncertain matches become same_as proposals, never silent merges."""
        pins = self.linker.aliases.pinned(self.linker.document_key, "PERSON")
        for name in names:
            key = link_key("PERSON", name)
            if not key or links.entity("PERSON", name) is not None:
                continue
            if key in pins:
                links.set("PERSON", name, pins[key], "pinned")
                continue
            self._link_one(links, name, context.get(key, []))

    def _link_one(self, links: Links, name: str, mine: list[Sighting]) -> None:
        aliases = self.linker.aliases
        earlier = aliases.entities_named([name], "PERSON", document_key=self.linker.document_key)
        compatible = self._compatible(name, mine)
        if earlier:
            # The same report extracted again: keep its earlier link, right or reviewed,
            # and propose again what was still open (decided proposals are re-matched).
            entity_id = min(earlier)
            links.set("PERSON", name, entity_id, "same document")
            own = self.linker.entities.canonical(entity_id)
            others = [c for c in compatible if c[1] != own]
        elif compatible and (compatible[0][0] > 0 or (distinctive(name) and len(compatible) == 1)):
            support, _canonical, raw = compatible[0]
            links.set("PERSON", name, raw, "name+context" if support else "name")
            return
        else:
            entity_id = self.linker.create("PERSON", clean_name(name))
            links.set("PERSON", name, entity_id, "new")
            others = compatible
        for _support, canonical, _raw in others:
            links.proposals.append(Proposal(entity_id, canonical, "same name", UNSURE))

    def _compatible(self, name: str, mine: list[Sighting]) -> list[tuple[int, int, int]]:
        """(support, canonical, raw id) of namesakes whose posts do not conflict, best first."""
        found = self.linker.aliases.entities_named([name], "PERSON")
        clusters: dict[int, list[int]] = {}
        for raw, canonical in self.linker.entities.canonical_map(found).items():
            clusters.setdefault(canonical, []).append(raw)
        compatible: list[tuple[int, int, int]] = []
        for canonical, raws in sorted(clusters.items()):
            theirs = self._sightings(self.linker.entities.cluster(canonical))
            if any(conflicts(a, b) for a in mine for b in theirs):
                continue  # different people sharing a name: keep them apart
            support = sum(1 for a in mine for b in theirs if supports(a, b))
            compatible.append((support, canonical, min(raws)))
        compatible.sort(key=lambda c: (-c[0], c[1]))
        return compatible

    def _sightings(self, entity_ids: list[int]) -> list[Sighting]:
        rows = self.statements.of_subjects(entity_ids, ["role"])
        rows = [r for r in rows if r.document_key != self.linker.document_key]
        orgs = self.linker.entities.canonical_map(
            r.object_entity_id for r in rows if r.object_entity_id is not None
        )
        return [
            Sighting(
                name_key(r.value),
                orgs.get(r.object_entity_id) if r.object_entity_id is not None else None,
                r.observed_on,
                bool(qualifiers_of(r).get("former")),
            )
            for r in rows
        ]
