"""Tests for folding repeated statements of one role."""

from __future__ import annotations

from daphuong.domain.extraction import ExtractedRole, Span
from daphuong.pipeline.extract.role_repeats import dedupe


def _role(title: str, org: str, start: int) -> ExtractedRole:
    return ExtractedRole("Lê Thu Hà", title, org, mentions=[Span(start, start + 5)])


def test_bare_and_acting_repeats_fold_into_the_fuller_role() -> None:
    roles = dedupe(
        [
            _role("Quyền Cục trưởng", "Cục Lễ tân", 0),
            _role("Cục trưởng", "", 40),
            _role("Đại sứ Đặc mệnh toàn quyền", "", 80),
            _role("Đại sứ", "", 120),
        ]
    )
    assert [(r.title, r.org) for r in roles] == [
        ("Quyền Cục trưởng", "Cục Lễ tân"),
        ("Đại sứ Đặc mệnh toàn quyền", ""),
    ]
    assert len(roles[0].mentions) == 2 and len(roles[1].mentions) == 2
