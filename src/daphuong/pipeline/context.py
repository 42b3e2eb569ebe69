"""The state a document carries through the pipeline stages."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from daphuong.domain.document import RawDocument, Segment
from daphuong.domain.extraction import ExtractionResult
from daphuong.text.normalize import Normalized


@dataclass(slots=True)
class DocContext:
    """One document in flight: the raw input and what each stage assigned."""

    key: str
    raw: RawDocument
    normalized: Normalized | None = None
    clutter: list[Segment] = field(default_factory=list)
    published: dt.datetime | None = None
    extraction: ExtractionResult | None = None
    stage_versions: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The original text (what offsets point into)."""
        return self.raw.original_text
