"""Tests for plans named by the document they carry out."""

from __future__ import annotations

import pytest

from daphuong.pipeline.extract.recognize import recognize


def _legal(text: str) -> set[str]:
    return {m.text for m in recognize(text) if m.type.name == "LEGAL_DOC"}


@pytest.mark.parametrize(
    ("text", "plan", "inner"),
    [
        (
            "Chính phủ ban hành Chương trình hành động thực hiện Nghị quyết số 59-NQ/TW.",
            "Chương trình hành động thực hiện Nghị quyết số 59-NQ/TW",
            "Nghị quyết số 59-NQ/TW",
        ),
        (
            "triển khai Chương trình hành động của Chính phủ thực hiện Nghị quyết số 22-NQ/TW",
            "Chương trình hành động của Chính phủ thực hiện Nghị quyết số 22-NQ/TW",
            "Nghị quyết số 22-NQ/TW",
        ),
        (
            "Tỉnh ban hành Kế hoạch triển khai Kết luận số 57-KL/TW ngày 15/6.",
            "Kế hoạch triển khai Kết luận số 57-KL/TW",
            "Kết luận số 57-KL/TW",
        ),
    ],
)
def test_a_plan_runs_to_the_document_it_carries_out(text: str, plan: str, inner: str) -> None:
    assert {plan, inner} <= _legal(text)


def test_a_plan_without_a_numbered_document_is_not_named_so() -> None:
    assert _legal("Tỉnh ban hành kế hoạch thực hiện các nhiệm vụ đối ngoại.") == set()
