"""The stage registry: built-ins register like plug-ins, names are unique."""

from __future__ import annotations

import pytest

from daphuong.errors import ConfigError
from daphuong.pipeline.context import DocContext
from daphuong.pipeline.registry import Stage, register_stage, registered


def test_builtin_stages_are_registered_with_versions() -> None:
    specs = registered()
    assert {"normalize", "clean"} <= set(specs)
    assert all(spec.version for spec in specs.values())


def test_registering_a_name_twice_is_an_error() -> None:
    def factory() -> Stage:
        def stage(ctx: DocContext) -> None:
            return None

        return stage

    with pytest.raises(ConfigError, match="registered twice"):
        register_stage("normalize", version="9")(factory)
