"""The extractor's record for one document, in ANNOTATION.md's gold shape plus spans."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class EntityType(StrEnum):
    """Entity types of the annotation contract."""

    PERSON = "PERSON"
    ORG = "ORG"
    LOCATION = "LOCATION"
    DATE = "DATE"
    MONEY = "MONEY"
    LEGAL_DOC = "LEGAL_DOC"
    EVENT = "EVENT"


EVENT_KINDS = (
    "hội nghị",
    "hội thảo",
    "tọa đàm",
    "phiên họp",
    "diễn đàn",
    "đại hội",
    "chuyến thăm",
    "cuộc gặp",
    "lễ",
    "tập huấn",
    "khác",
)


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range [start, end) into the document's original text."""

    start: int
    end: int

    def to_list(self) -> list[int]:
        """Return the span as a JSON-friendly pair."""
        return [self.start, self.end]


@dataclass(frozen=True, slots=True)
class Mention:
    """One recognized occurrence: a typed span of the original text."""

    type: EntityType
    start: int
    end: int
    text: str
    value: str | None = None  # ISO date for DATE
    source: str = ""  # which recognizer found it (gazetteer, pattern, model…)
    confidence: float = 1.0


@dataclass(slots=True)
class ExtractedEntity:
    """One distinct surface form of a typed entity, with every place it occurs."""

    type: EntityType
    text: str
    value: str | None = None  # ISO date for DATE
    mentions: list[Span] = field(default_factory=list)
    confidence: float = 1.0

    def to_json(self) -> dict[str, Any]:
        """Serialize in the gold shape plus mentions."""
        out: dict[str, Any] = {"type": self.type.value, "text": self.text}
        if self.value is not None:
            out["value"] = self.value
        out["mentions"] = [m.to_list() for m in self.mentions]
        out["confidence"] = round(self.confidence, 3)
        return out


@dataclass(slots=True)
class ExtractedRole:
    """A person holding a title, at an organization where the text names one."""

    person: str
    title: str
    org: str = ""
    former: bool = False
    acting: bool = False
    mentions: list[Span] = field(default_factory=list)
    confidence: float = 1.0

    def to_json(self) -> dict[str, Any]:
        """Serialize in the gold shape plus mentions."""
        out: dict[str, Any] = {"person": self.person, "title": self.title, "org": self.org}
        if self.former:
            out["former"] = True
        if self.acting:
            out["acting"] = True
        out["mentions"] = [m.to_list() for m in self.mentions]
        out["confidence"] = round(self.confidence, 3)
        return out


@dataclass(slots=True)
class ExtractedEvent:
    """A meeting, visit or activity the text reports."""

    kind: str
    name: str = ""
    date: str = ""
    organizers: list[str] = field(default_factory=list)
    chairs: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    confidence: float = 1.0

    def to_json(self) -> dict[str, Any]:
        """Serialize in the gold shape plus mentions."""
        return {
            "kind": self.kind,
            "name": self.name,
            "date": self.date,
            "organizers": list(self.organizers),
            "chairs": list(self.chairs),
            "mentions": [m.to_list() for m in self.mentions],
            "confidence": round(self.confidence, 3),
        }


@dataclass(slots=True)
class ExtractionResult:
    """Everything extracted from one document."""

    doc: str
    entities: list[ExtractedEntity] = field(default_factory=list)
    roles: list[ExtractedRole] = field(default_factory=list)
    events: list[ExtractedEvent] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """Serialize in the gold shape of ANNOTATION.md (extra keys allowed)."""
        return {
            "doc": self.doc,
            "entities": [e.to_json() for e in self.entities],
            "roles": [r.to_json() for r in self.roles],
            "events": [e.to_json() for e in self.events],
        }
