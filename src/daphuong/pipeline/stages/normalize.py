"""Stage: NFC-normalize the original text, keeping an offsets map."""

from __future__ import annotations

from daphuong.pipeline.context import DocContext
from daphuong.pipeline.registry import Stage, register_stage
from daphuong.text.normalize import normalize


class NormalizeStage:
    """Assigns ctx.normalized from ctx.raw.original_text."""

    def __call__(self, ctx: DocContext) -> None:
        """Normalize one document."""
        ctx.normalized = normalize(ctx.raw.original_text)


@register_stage(
    "normalize",
    version="1",
    requires=("raw",),
    assigns=("normalized",),
    description="NFC, Đ for Eth, plain spaces and line ends; offsets map to the original",
)
def make_normalize() -> Stage:
    """Build the normalize stage."""
    return NormalizeStage()
