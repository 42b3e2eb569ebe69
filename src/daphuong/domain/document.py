"""Documents as read from a source, before and after normalization."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class Visibility(StrEnum):
    """Who may see a record: everyone, coordinators and partners, or the owner only."""

    PUBLIC = "public"
    SHARED = "shared"
    INTERNAL = "internal"


@dataclass(frozen=True, slots=True)
class Segment:
    """A character range of the original text marked as page clutter (not indexed)."""

    start: int
    end: int
    kind: str  # banner | share | related | dateline | byline-footer | nav


@dataclass(slots=True)
class RawDocument:
    """What a reader produced from one file: decoded original text plus metadata."""

    original_text: str
    source: str  # path or URL as given
    media_type: str  # text/plain, text/html, application/pdf, ...
    encoding: str = "utf-8"
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.datetime | None = None
    clutter: list[Segment] = field(default_factory=list)
