"""Matching keys for registry values: cleaned, tone-canonical and folded forms of a name."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from daphuong.text.keys import fold_key, tone_key

# Quotes and punctuation that the annotation contract ignores at the edges of a name.
_EDGE = " \t\n\"'“”‘’«»()[]{}.,;:!?-–—…"
_FLAGS = ("former", "acting")


def clean_name(text: str) -> str:
    """Collapse inner whitespace and strip quotes and punctuation at the edges."""
    return " ".join(text.split()).strip(_EDGE)


def name_key(text: str) -> str:
    """Lower-case, one tone placement, cleaned: the key two spellings of a name share."""
    return tone_key(clean_name(text))


def folded_name(text: str) -> str:
    """Lower-case without diacritics, cleaned: a looser key for fallback matching."""
    return fold_key(clean_name(text))


def match_key(value: str, object_id: int | None, qualifiers: Mapping[str, Any]) -> str:
    """Identity of a fact under one subject and property (value, object and role flags)."""
    flags = ",".join(f for f in _FLAGS if qualifiers.get(f))
    return f"{name_key(value)}|{object_id or ''}|{flags}"
