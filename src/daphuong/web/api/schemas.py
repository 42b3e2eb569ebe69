"""Response models of the JSON API, with examples for the OpenAPI document."""

from __future__ import annotations

import datetime as dt
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from daphuong.services.catalog import DocumentSummary, DocumentView, Fact, Highlight

T = TypeVar("T")


class ApiModel(BaseModel):
    """Base of response models: strict about unknown fields."""

    model_config = ConfigDict(extra="forbid")


class PageOut(ApiModel, Generic[T]):
    """One page of a list with the total count for paging."""

    items: list[T]
    total: int = Field(examples=[1234])
    limit: int = Field(examples=[20])
    offset: int = Field(examples=[0])


class DocumentOut(ApiModel):
    """A document in a listing."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": 42,
                    "key": "hoi-thao-ngoai-giao-da-phuong",
                    "title": "Hội thảo “Vai trò của các tổ chức nhân dân”",
                    "outlet": "Vietpeace",
                    "published": "2021-11-30T00:00:00+07:00",
                    "ingested_at": "2026-11-23T08:00:00Z",
                    "version": 1,
                    "visibility": "public",
                    "url": "/documents/42",
                }
            ]
        }
    )

    id: int
    key: str
    title: str
    outlet: str | None
    published: dt.datetime | None
    ingested_at: dt.datetime
    version: int
    visibility: str
    url: str

    @classmethod
    def of(cls, doc: DocumentSummary) -> DocumentOut:
        """Build from the catalogue's summary."""
        return cls(
            id=doc.id,
            key=doc.key,
            title=doc.title,
            outlet=doc.outlet,
            published=doc.published,
            ingested_at=doc.ingested_at,
            version=doc.version,
            visibility=doc.visibility,
            url=f"/documents/{doc.id}",
        )


class HighlightOut(ApiModel):
    """A typed span of the original text."""

    start: int = Field(examples=[120])
    end: int = Field(examples=[132])
    type: str = Field(examples=["PERSON"])
    text: str = Field(examples=["Phan Anh Sơn"])
    entity_id: int | None = None
    statement_id: int | None = None

    @classmethod
    def of(cls, h: Highlight, text: str) -> HighlightOut:
        """Build from a highlight and the document text it points into."""
        return cls(
            start=h.start,
            end=h.end,
            type=h.type,
            text=text[h.start : h.end],
            entity_id=h.entity_id,
            statement_id=h.statement_id,
        )


class FactOut(ApiModel):
    """A role, event or other statement drawn from the document."""

    id: int
    kind: str = Field(examples=["role"])
    summary: str = Field(examples=["Phan Anh Sơn — Viện trưởng"])
    confidence: float = Field(examples=[0.92])
    review_state: str = Field(examples=["proposed"])
    anchor: str | None = Field(default=None, examples=["span-120-180"])
    entity_id: int | None = None

    @classmethod
    def of(cls, f: Fact) -> FactOut:
        """Build from a catalogue fact."""
        return cls(
            id=f.id,
            kind=f.kind,
            summary=f.summary,
            confidence=f.confidence,
            review_state=f.review_state,
            anchor=f.anchor,
            entity_id=f.entity_id,
        )


class DocumentDetailOut(DocumentOut):
    """A document with its original text, highlighted spans and facts."""

    source: str
    original_text: str
    highlights: list[HighlightOut]
    facts: list[FactOut]

    @classmethod
    def of_view(cls, view: DocumentView, summary: DocumentSummary) -> DocumentDetailOut:
        """Build from the catalogue's reading view."""
        text = view.document.original_text
        base: dict[str, Any] = DocumentOut.of(summary).model_dump()
        return cls(
            **base,
            source=view.document.source,
            original_text=text,
            highlights=[HighlightOut.of(h, text) for h in view.highlights],
            facts=[FactOut.of(f) for f in view.facts],
        )


class UploadResultOut(ApiModel):
    """What happened to one uploaded file."""

    filename: str = Field(examples=["bai-viet.txt"])
    outcome: str = Field(examples=["ingested"], description="ingested|new_version|unchanged|failed")
    key: str | None = None
    document_id: int | None = None
    error: str | None = Field(default=None, examples=[None])


class UploadOut(ApiModel):
    """Per-file outcomes of an upload."""

    results: list[UploadResultOut]


class ProblemOut(BaseModel):
    """An error (application/problem+json)."""

    model_config = ConfigDict(extra="allow")

    type: str = Field(examples=["/api/v1/problems/not_found"])
    title: str = Field(examples=["not found"])
    status: int = Field(examples=[404])
    detail: str = Field(examples=["document 9 not found"])
    code: str = Field(examples=["not_found"])
    instance: str = Field(examples=["/api/v1/documents/9"])


PROBLEMS: dict[int | str, dict[str, Any]] = {
    400: {"model": ProblemOut, "description": "invalid_input"},
    403: {"model": ProblemOut, "description": "permission_denied"},
    404: {"model": ProblemOut, "description": "not_found"},
}
