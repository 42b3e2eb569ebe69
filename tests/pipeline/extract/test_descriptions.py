"""Tests for plans and memoranda named by a lower-case description."""

from __future__ import annotations

import pytest

from daphuong.pipeline.extract import event_names, gazetteer
from daphuong.pipeline.extract.legal import find
from daphuong.pipeline.extract.scan import Doc


def _docs(text: str) -> set[str]:
    doc = Doc.build(text, gazetteer.load())
    return {text[c.start : c.end] for c in find(doc, event_names.find(doc))}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Tỉnh ban hành Đề án nâng cao năng lực hội nhập quốc tế đến năm 2030 và giao sở.",
            "Đề án nâng cao năng lực hội nhập quốc tế đến năm 2030",
        ),
        (
            "Thực hiện Chương trình thu hút đầu tư nước ngoài vào nông nghiệp giai đoạn 2026-2030;",
            "Chương trình thu hút đầu tư nước ngoài vào nông nghiệp giai đoạn 2026-2030",
        ),
    ],
)
def test_a_plan_with_verbs_in_its_description_runs_to_its_horizon(text: str, name: str) -> None:
    assert name in _docs(text)


def test_a_clause_word_before_the_year_means_no_plan_name() -> None:
    assert not _docs("Chương trình đã giúp đỡ nhiều hộ nghèo vượt khó năm 2020.")
