"""Stage registry: built-in stages register exactly as a plug-in would."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from daphuong.errors import ConfigError
from daphuong.pipeline.context import DocContext


class Stage(Protocol):
    """A pipeline step: reads some context fields, assigns others."""

    def __call__(self, ctx: DocContext) -> None:
        """Process one document in place."""


@dataclass(frozen=True, slots=True)
class StageSpec:
    """A registered stage with its declared inputs and outputs."""

    name: str
    version: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    factory: Callable[[], Stage]
    description: str


_REGISTRY: dict[str, StageSpec] = {}


def register_stage(
    name: str,
    *,
    version: str,
    requires: tuple[str, ...] = (),
    assigns: tuple[str, ...] = (),
    description: str = "",
) -> Callable[[Callable[[], Stage]], Callable[[], Stage]]:
    """Decorator registering a stage factory under a unique name."""

    def decorate(factory: Callable[[], Stage]) -> Callable[[], Stage]:
        if name in _REGISTRY:
            raise ConfigError(f"stage {name!r} is registered twice")
        doc = description or (factory.__doc__ or "").strip().splitlines()[0:1]
        text = doc if isinstance(doc, str) else "".join(doc)
        _REGISTRY[name] = StageSpec(name, version, requires, assigns, factory, text)
        return factory

    return decorate


def registered() -> dict[str, StageSpec]:
    """All registered stages by name (built-ins are loaded first)."""
    from daphuong.pipeline import stages  # noqa: F401  (import registers built-ins)

    return dict(_REGISTRY)


def get_spec(name: str) -> StageSpec:
    """Look a stage up by name, with a clear error for typos."""
    specs = registered()
    if name not in specs:
        known = ", ".join(sorted(specs))
        raise ConfigError(f"unknown pipeline stage {name!r}; known stages: {known}")
    return specs[name]
