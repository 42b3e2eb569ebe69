"""Pipeline composition: order checks, unknown stages, versions recorded."""

from __future__ import annotations

import pytest

from daphuong.domain.document import RawDocument
from daphuong.errors import ConfigError
from daphuong.pipeline.context import DocContext
from daphuong.pipeline.registry import Stage, register_stage
from daphuong.pipeline.runner import analyze, build_pipeline


def test_unknown_stage_names_the_known_ones() -> None:
    with pytest.raises(ConfigError, match=r"unknown pipeline stage 'nope'.*normalize"):
        analyze(["normalize", "nope"])


@register_stage("test-needs-normalized", version="0", requires=("normalized",))
def _needs_normalized() -> Stage:
    def stage(ctx: DocContext) -> None:
        return None

    return stage


def test_stage_whose_requirement_comes_later_is_refused() -> None:
    with pytest.raises(ConfigError, match="requires normalized"):
        analyze(["test-needs-normalized", "normalize"])
    assert len(analyze(["normalize", "test-needs-normalized"])) == 2


def test_pipeline_runs_stages_in_order_and_records_versions() -> None:
    pipeline = build_pipeline(["normalize"])
    raw = RawDocument(original_text="Ðà Nẵng\u00a0", source="x.txt", media_type="text/plain")
    ctx = pipeline.run(DocContext(key="x", raw=raw))
    assert ctx.normalized is not None
    assert ctx.normalized.text == "Đà Nẵng "
    assert ctx.stage_versions == {"normalize": "1"}
    assert [s["name"] for s in pipeline.describe()] == ["normalize"]
