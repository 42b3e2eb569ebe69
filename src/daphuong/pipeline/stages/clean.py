"""Stage: mark page clutter (banners, share buttons, related links) and read the date line."""

from __future__ import annotations

from daphuong.ingest.clean import find_clutter, find_dateline
from daphuong.pipeline.context import DocContext
from daphuong.pipeline.registry import Stage, register_stage


class CleanStage:
    """Assigns ctx.clutter and ctx.published (reader metadata wins over the date line)."""

    def __call__(self, ctx: DocContext) -> None:
        """Find clutter segments and the publication date."""
        text = ctx.raw.original_text
        found = find_clutter(text)
        known = {(s.start, s.end) for s in ctx.raw.clutter}
        ctx.clutter = sorted(
            [*ctx.raw.clutter, *(s for s in found if (s.start, s.end) not in known)],
            key=lambda s: (s.start, s.end),
        )
        ctx.published = ctx.raw.published or find_dateline(text)


@register_stage(
    "clean",
    version="1",
    requires=("raw",),
    assigns=("clutter", "published"),
    description="Mark banners, share buttons and related-article tails; read the date line",
)
def make_clean() -> Stage:
    """Build the clean stage."""
    return CleanStage()
