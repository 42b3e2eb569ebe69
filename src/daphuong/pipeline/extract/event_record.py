"""An event while a document is read: the fields it gathers from repeated reports."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from daphuong.domain.extraction import Span
from daphuong.pipeline.extract.scoring import normalize_text
from daphuong.pipeline.extract.tokens import Token

_ORDINAL = re.compile(r"\blần thứ\s+")
# First words of a ceremony's kind after 'lễ' ('lễ đón', 'lễ ký kết', 'lễ khai mạc'); any other
# word ('Dự lễ có …', 'tại lễ, …') says nothing about which ceremony it is.
_RITES = frozenset(
    {"đón", "tiễn", "ký", "trao", "mít", "khai", "bế", "kỷ", "ra", "động", "khởi", "khánh"}
    | {"công", "phát", "tuyên", "tôn", "dâng", "đặt", "thượng", "chào", "gắn", "cắt", "tổng"}
)


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
    rite: str = ""  # 'lễ đón', 'lễ ký kết': the kind of ceremony, '' when not said

    def absorb(self, other: EventDraft) -> None:
        """Take in a repeated report of this event."""
        self.date = self.date or other.date
        self.rite = self.rite or other.rite
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


def rite(tokens: list[Token], head: int) -> str:
    """The word after 'lễ' at token `head` that says which ceremony it is, else ''."""
    if tokens[head].key != "lễ" or head + 1 >= len(tokens):
        return ""
    after = tokens[head + 1].key
    return after if after in _RITES else ""
