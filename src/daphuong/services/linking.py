"""Link a document's surface forms to canonical entities: names, abbreviations, gazetteer."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from daphuong.services.org_gazetteer import OrgGazetteer
from daphuong.store.registry.aliases import AliasRepository
from daphuong.store.registry.entities import EntityRepository
from daphuong.store.registry.keys import clean_name, name_key
from daphuong.text.keys import tone_key

# `Hiệp hội các quốc gia Đông Nam Á (ASEAN)`: an abbreviation in brackets right after a name.
_ABBR = re.compile(r"[ \t]*\([ \t]*([A-ZĐ][A-ZĐ0-9&.\-]{1,14})[ \t]*\)")
# Words before a name that are not part of it (the extractor sometimes keeps them).
_HONORIFICS = ("ông", "bà", "anh", "chị", "ngài", "đồng chí", "cô", "chú", "bác", "cụ", "em")
# Linker statements are proposals: confidence a reviewer can sort on.
CERTAIN = 1.0
LIKELY = 0.8
UNSURE = 0.5


@dataclass(frozen=True, slots=True)
class Proposal:
    """An uncertain link left for review: `subject` may be the same as `target`."""

    subject: int
    target: int
    reason: str
    confidence: float


@dataclass(slots=True)
class Links:
    """What linking decided for one document: entity per (type, name key), and why."""

    ids: dict[tuple[str, str], int] = field(default_factory=dict)
    methods: dict[tuple[str, str], str] = field(default_factory=dict)
    aliases: set[str] = field(default_factory=set)  # name keys used as abbreviations
    proposals: list[Proposal] = field(default_factory=list)

    def entity(self, entity_type: str, text: str) -> int | None:
        """The entity a surface form of a type was linked to."""
        return self.ids.get((entity_type, link_key(entity_type, text)))

    def set(self, entity_type: str, text: str, entity_id: int, method: str) -> None:
        """Record a link."""
        self.ids[(entity_type, link_key(entity_type, text))] = entity_id
        self.methods[(entity_type, link_key(entity_type, text))] = method


def bare_person(text: str) -> str:
    """A person's name without a leading honorific (`Ông Lê Hoài Trung` → `Lê Hoài Trung`)."""
    rest = text.strip()
    for _ in range(2):  # `bà đồng chí …` at most
        low = tone_key(rest)
        word = next((h for h in _HONORIFICS if low.startswith(h + " ")), None)
        left = len(rest.split()) - len(word.split()) if word else 0
        # `Ông Ích Khiêm`: a capitalised honorific before two syllables may be a surname.
        if word is None or left < 2 or (left == 2 and rest[0].isupper()):
            break
        rest = rest[len(word) :].lstrip()
    return rest


def link_key(entity_type: str, text: str) -> str:
    """The key a surface form is linked under (people without their honorific)."""
    return name_key(bare_person(text) if entity_type == "PERSON" else text)


def find_abbreviations(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[str, int, int]]:
    """Abbreviations defined right after the given name spans: (abbr, start, end)."""
    found: list[tuple[str, int, int]] = []
    for _start, end in spans:
        m = _ABBR.match(text, end)
        if m and sum(c.isupper() for c in m.group(1)) >= 2:
            found.append((m.group(1), m.start(1), m.end(1)))
    return found


def occurrences(text: str, form: str) -> list[tuple[int, int]]:
    """Every place a surface form occurs verbatim (when the extractor gave no spans)."""
    out: list[tuple[int, int]] = []
    start = text.find(form)
    while start >= 0 and form:
        out.append((start, start + len(form)))
        start = text.find(form, start + len(form))
    return out


class _Groups:
    """Union-find over surface-form keys, remembering one written form per key."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.form: dict[str, str] = {}

    def add(self, text: str) -> str:
        key = name_key(text)
        if key and key not in self.parent:
            self.parent[key] = key
            self.form[key] = clean_name(text)
        return key

    def find(self, key: str) -> str:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: str, b: str) -> None:
        self.parent[self.find(a)] = self.find(b)

    def groups(self) -> list[list[str]]:
        out: dict[str, list[str]] = {}
        for key in self.parent:
            out.setdefault(self.find(key), []).append(key)
        return [sorted(v) for _, v in sorted(out.items())]


class Linker:
    """Finds or creates the canonical entity for each surface form of one document."""

    def __init__(self, session: Session, gazetteer: OrgGazetteer, document_key: str) -> None:
        self.entities = EntityRepository(session)
        self.aliases = AliasRepository(session)
        self.gazetteer = gazetteer
        self.document_key = document_key
        self.created: list[int] = []

    def create(self, entity_type: str, caption: str) -> int:
        """A new entity, remembered so the caller can re-index it."""
        entity_id = self.entities.create(entity_type, caption).id
        self.created.append(entity_id)
        return entity_id

    def best_match(self, found: set[int]) -> tuple[int | None, list[int]]:
        """The raw entity to attach to, plus other canonical entities sharing the name."""
        if not found:
            return None, []
        by_canonical: dict[int, list[int]] = {}
        for raw, canonical in sorted(self.entities.canonical_map(found).items()):
            by_canonical.setdefault(canonical, []).append(raw)
        # The oldest canonical entity wins; the others become same_as proposals.
        ordered = sorted(by_canonical)
        return min(by_canonical[ordered[0]]), ordered[1:]

    def link_orgs(self, links: Links, forms: dict[str, list[tuple[int, int]]], text: str) -> None:
        """Link ORG forms, grouping abbreviations defined in the text and gazetteer aliases."""
        groups = _Groups()
        for form in forms:
            groups.add(form)
        for form, spans in forms.items():
            for abbr, _s, _e in find_abbreviations(text, spans):
                if self._known_apart(form, abbr):
                    continue
                key = groups.add(abbr)
                groups.union(key, name_key(form))
                links.aliases.add(key)
        self._union_gazetteer(groups)
        pins = self.aliases.pinned(self.document_key, "ORG")
        for keys in groups.groups():
            self._link_org_group(links, [groups.form[k] for k in keys], pins)

    def _known_apart(self, name: str, abbr: str) -> bool:
        """The gazetteer lists the name and the bracketed abbreviation as two organizations."""
        a, b = self.gazetteer.lookup(name), self.gazetteer.lookup(abbr)
        return a is not None and b is not None and a != b

    def _union_gazetteer(self, groups: _Groups) -> None:
        by_org: dict[str, str] = {}
        for key in list(groups.parent):
            org = self.gazetteer.lookup(groups.form[key])
            if org is None:
                continue
            if org.name in by_org:
                groups.union(key, by_org[org.name])
            else:
                by_org[org.name] = key

    def _link_org_group(self, links: Links, forms: list[str], pins: dict[str, int]) -> None:
        pinned = [pins[name_key(f)] for f in forms if name_key(f) in pins]
        known = [o for o in map(self.gazetteer.lookup, forms) if o is not None]
        method = "pinned"
        if pinned:
            entity_id: int | None = pinned[0]
            others: list[int] = []
        else:
            names = [*forms, *(f for org in known for f in org.forms)]
            entity_id, others = self.best_match(self.aliases.entities_named(names, "ORG"))
            method = "name"
            if entity_id is None:
                folded = self.aliases.entities_named(names, "ORG", folded=True)
                entity_id, others = self.best_match(folded)
                method = "folded"
        if entity_id is None:
            caption = known[0].name if known else max(forms, key=len)
            entity_id, method = self.create("ORG", caption), "new"
        for other in others:
            links.proposals.append(Proposal(other, entity_id, "same name", LIKELY))
        for form in forms:
            links.set("ORG", form, entity_id, method if not known else f"{method}+gazetteer")

    def link_simple(self, links: Links, entity_type: str, forms: Sequence[str]) -> None:
        """Link places, legal documents and event names by exact then folded name."""
        pins = self.aliases.pinned(self.document_key, entity_type)
        for form in forms:
            if links.entity(entity_type, form) is not None:
                continue
            if name_key(form) in pins:
                links.set(entity_type, form, pins[name_key(form)], "pinned")
                continue
            entity_id, _ = self.best_match(self.aliases.entities_named([form], entity_type))
            method = "name"
            if entity_id is None:
                folded = self.aliases.entities_named([form], entity_type, folded=True)
                entity_id, _ = self.best_match(folded)
                method = "folded"
            if entity_id is None:
                entity_id, method = self.create(entity_type, clean_name(form)), "new"
            links.set(entity_type, form, entity_id, method)
