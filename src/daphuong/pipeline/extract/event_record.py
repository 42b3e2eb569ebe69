"""An event while a document is read: the fields it gathers from repeated reports."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from daphuong.domain.extraction import Span
from daphuong.pipeline.extract.scoring import normalize_text

_ORDINAL = re.compile(r"\blần thứ\s+")


@dataclass(slots=True)
class EventDraft:
    """An event while the document is read."""

    kind: str
    form: str
    name: str = ""
    date: str = ""
    organizers: list[str] = field(default_factory=list)
    chairs: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    confidence: float = 0.5

    def absorb(self, other: EventDraft) -> None:
        """Take in a repeated report of this event."""
        self.date = self.date or other.date
        if not self.name or (other.name and same_name(self.name, other.name)):
            self.name = max(self.name, other.name, key=len)
        extend_unique(self.organizers, other.organizers)
        extend_unique(self.chairs, other.chairs)
        self.spans.extend(other.spans)
        self.confidence = max(self.confidence, other.confidence)


def extend_unique(target: list[str], values: list[str]) -> None:
    """Append the values not yet in the list, in order."""
    for value in values:
        if value not in target:
            target.append(value)


def same_name(a: str, b: str) -> bool:
    """Two forms of one name ('Hội nghị Ngoại giao 31' ≡ 'Hội nghị Ngoại giao lần thứ 31')."""
    return _ORDINAL.sub("", normalize_text(a)) == _ORDINAL.sub("", normalize_text(b))
