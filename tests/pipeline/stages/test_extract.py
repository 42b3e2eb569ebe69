"""Tests for the extract stage in the default pipeline."""

from __future__ import annotations

import datetime as dt

import pytest

from daphuong.domain.document import RawDocument
from daphuong.errors import ConfigError
from daphuong.pipeline.context import DocContext
from daphuong.pipeline.runner import analyze, build_pipeline
from daphuong.settings import DEFAULT_STAGES

_TEXT = (
    "Hội nghị hợp tác nhân dân\n"
    "10/05/2023 08:15\n"
    "Sáng 9/5, Liên hiệp các tổ chức hữu nghị tỉnh Cao Bằng tổ chức hội nghị tổng kết. "
    "Ông Nông Văn Sáng, Chủ tịch Liên hiệp các tổ chức hữu nghị tỉnh Cao Bằng, chủ trì hội nghị.\n"
)


def test_default_pipeline_assigns_the_extraction_with_the_date_line_year() -> None:
    pipeline = build_pipeline(DEFAULT_STAGES)
    raw = RawDocument(original_text=_TEXT, source="a.txt", media_type="text/plain")
    ctx = pipeline.run(DocContext(key="a", raw=raw))
    assert ctx.published is not None and ctx.published.date() == dt.date(2023, 5, 10)
    assert ctx.extraction is not None and ctx.extraction.doc == "a"
    events = [(e.kind, e.date) for e in ctx.extraction.events]
    assert ("hội nghị", "2023-05-09") in events
    assert ctx.stage_versions["extract"] == "1.0.0"


def test_extract_needs_the_clean_stage_before_it() -> None:
    with pytest.raises(ConfigError, match=r"requires .*published"):
        analyze(["normalize", "extract"])
