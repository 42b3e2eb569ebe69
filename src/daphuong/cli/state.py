"""Per-invocation CLI state: global options and lazily built services."""

from __future__ import annotations

from dataclasses import dataclass, field

import typer

from daphuong.services.container import Services, build_services
from daphuong.settings import Settings


@dataclass
class CliState:
    """Global options collected by the root callback."""

    database_url: str | None = None
    _services: Services | None = field(default=None, repr=False)

    def settings(self) -> Settings:
        """Settings with command-line overrides applied."""
        overrides = {"database_url": self.database_url} if self.database_url else {}
        return Settings(**overrides)  # type: ignore[arg-type]  # pydantic-settings kwargs

    def services(self) -> Services:
        """Build the services once per invocation."""
        if self._services is None:
            self._services = build_services(self.settings())
        return self._services


def state(ctx: typer.Context) -> CliState:
    """The CliState stored on the Typer context."""
    obj = ctx.find_root().obj
    if not isinstance(obj, CliState):
        obj = CliState()
        ctx.find_root().obj = obj
    return obj
