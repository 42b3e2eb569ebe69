"""Entities from mentions: one per distinct surface form per type, with all its spans."""

from __future__ import annotations

import re

from daphuong.domain.extraction import ExtractedEntity, Mention, Span
from daphuong.text.keys import tone_key

_EDGES = "\"'“”‘’«»„()[]{}.,;:!?-–—…*|/ \t\n"
_SPACES = re.compile(r"\s+")


def surface_key(text: str) -> str:
    """Dedup key: one tone style, lower-case, no edge quotes/punctuation, single spaces."""
    return tone_key(_SPACES.sub(" ", text.strip(_EDGES)))


def clean_surface(text: str) -> str:
    """The text as written, without edge quotes/punctuation and with single spaces."""
    return _SPACES.sub(" ", text.strip(_EDGES))


def build_entities(mentions: list[Mention]) -> list[ExtractedEntity]:
    """Group mentions by (type, surface key), keeping the fullest written form and every span."""
    groups: dict[tuple[str, str], ExtractedEntity] = {}
    for m in sorted(mentions, key=lambda x: (x.start, x.end)):
        text = clean_surface(m.text)
        if not text:
            continue
        key = (m.type.value, surface_key(m.text))
        entity = groups.get(key)
        if entity is None:
            groups[key] = ExtractedEntity(
                type=m.type,
                text=text,
                value=m.value,
                mentions=[Span(m.start, m.end)],
                confidence=m.confidence,
            )
            continue
        entity.mentions.append(Span(m.start, m.end))
        entity.confidence = max(entity.confidence, m.confidence)
        if _fuller(text, entity.text):
            entity.text = text
        if entity.value is None or (
            entity.value.startswith("--") and m.value and m.value[0] != "-"
        ):
            entity.value = m.value if m.value else entity.value
    return list(groups.values())


def _fuller(candidate: str, current: str) -> bool:
    """Prefer the form with more diacritics/capitals (the fuller spelling) on equal keys."""
    return sum(not c.isascii() for c in candidate) > sum(not c.isascii() for c in current)
