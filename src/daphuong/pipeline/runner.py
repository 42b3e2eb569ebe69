"""Compose registered stages into a pipeline, checking requires/assigns order."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from daphuong.errors import ConfigError
from daphuong.pipeline.context import DocContext
from daphuong.pipeline.registry import Stage, StageSpec, get_spec

# Fields present before any stage runs.
_INITIAL = frozenset({"raw", "key"})


@dataclass(frozen=True, slots=True)
class Pipeline:
    """An ordered chain of instantiated stages."""

    specs: tuple[StageSpec, ...]
    stages: tuple[Stage, ...]

    def run(self, ctx: DocContext) -> DocContext:
        """Run every stage on one document."""
        for spec, stage in zip(self.specs, self.stages, strict=True):
            stage(ctx)
            ctx.stage_versions[spec.name] = spec.version
        return ctx

    def describe(self) -> list[dict[str, object]]:
        """The chain as data (for `daphuong pipeline show`)."""
        return [
            {
                "name": s.name,
                "version": s.version,
                "requires": list(s.requires),
                "assigns": list(s.assigns),
                "description": s.description,
            }
            for s in self.specs
        ]


def analyze(names: Sequence[str]) -> tuple[StageSpec, ...]:
    """Resolve names and check each stage's requirements are assigned earlier."""
    specs = tuple(get_spec(n) for n in names)
    available = set(_INITIAL)
    for spec in specs:
        missing = [r for r in spec.requires if r not in available]
        if missing:
            raise ConfigError(
                f"stage {spec.name!r} requires {', '.join(missing)}, which no earlier stage assigns"
            )
        available.update(spec.assigns)
    return specs


def build_pipeline(names: Sequence[str]) -> Pipeline:
    """Instantiate the configured stages in order."""
    specs = analyze(names)
    return Pipeline(specs, tuple(s.factory() for s in specs))
