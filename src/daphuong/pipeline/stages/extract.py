"""Stage: extract entities, roles and events from the document (ANNOTATION.md's record)."""

from __future__ import annotations

from daphuong.pipeline.context import DocContext
from daphuong.pipeline.extract.extractor import VERSION, extract
from daphuong.pipeline.registry import Stage, register_stage


class ExtractStage:
    """Assigns ctx.extraction from the original text, its date line and its clutter."""

    def __call__(self, ctx: DocContext) -> None:
        """Extract one document."""
        published = ctx.published.date() if ctx.published is not None else None
        ctx.extraction = extract(
            ctx.raw.original_text, ctx.key, published=published, clutter=ctx.clutter
        )


@register_stage(
    "extract",
    version=VERSION,
    requires=("raw", "normalized", "published"),
    assigns=("extraction",),
    description="People, organizations, places, dates, money, legal documents, roles and events",
)
def make_extract() -> Stage:
    """Build the extract stage."""
    return ExtractStage()
