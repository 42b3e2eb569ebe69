"""Stored records handed from the store to services and interfaces."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from daphuong.domain.document import Segment, Visibility


@dataclass(slots=True)
class DocumentRecord:
    """One stored version of a document."""

    id: int
    key: str
    source: str
    version: int
    is_current: bool
    content_hash: str
    media_type: str
    title: str | None
    outlet: str | None
    url: str | None
    published: dt.datetime | None
    original_text: str
    normalized_text: str
    visibility: Visibility
    owner_org_id: int | None
    ingested_at: dt.datetime
    clutter: list[Segment] = field(default_factory=list)
