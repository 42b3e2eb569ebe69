"""Tests for title matching."""

from __future__ import annotations

import pytest

from daphuong.pipeline.extract.titles import lexicon
from daphuong.pipeline.extract.tokens import tokenize


def _hit_title(text: str, at: int = 0) -> str | None:
    tokens = tokenize(text)
    hit = lexicon().hit_at(tokens, at)
    return None if hit is None else text[tokens[hit.first].start : tokens[hit.stop - 1].end]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Thứ trưởng Thường trực Bộ Tư pháp", "Thứ trưởng Thường trực"),
        ("PHÓ CHỦ TỊCH NƯỚC", "PHÓ CHỦ TỊCH NƯỚC"),
        ("Phó trưởng ban Kinh tế", "Phó trưởng ban"),
        ("Uỷ viên Bộ Chính trị", "Uỷ viên Bộ Chính trị"),
        ("Đại sứ Đặc mệnh toàn quyền", "Đại sứ Đặc mệnh toàn quyền"),
        ("Phó Trưởng Ban Thường trực Ban Dân vận", "Phó Trưởng Ban Thường trực"),
        ("Tổng Vụ trưởng Vụ Hợp tác quốc tế", "Tổng Vụ trưởng"),
        ("Chủ tịch luân phiên ASEAN", "Chủ tịch luân phiên"),
    ],
)
def test_longest_title_is_matched_in_any_case_and_tone_style(text: str, title: str) -> None:
    assert _hit_title(text) == title


def test_embassy_is_not_the_title_ambassador() -> None:
    assert _hit_title("Đại sứ quán Pháp") is None


def test_prefix_words_mark_former_and_acting() -> None:
    tokens = tokenize("nguyên Bộ trưởng và Quyền Cục trưởng")
    former = lexicon().hit_at(tokens, 1)
    acting = lexicon().hit_at(tokens, 5)
    assert former is not None and former.former and former.lead == 0
    assert acting is not None and acting.acting and not acting.former


def test_plural_or_counted_titles_are_generic() -> None:
    tokens = tokenize("các Đại sứ và 12 Ủy viên")
    first, second = lexicon().hit_at(tokens, 1), lexicon().hit_at(tokens, 5)
    assert first is not None and first.generic
    assert second is not None and second.generic


@pytest.mark.parametrize(
    ("title", "member", "minister", "embedded"),
    [
        ("ủy viên trung ương đảng", True, False, 0),
        ("thường trực ban bí thư", True, False, 0),
        ("ủy viên ban thường vụ", False, False, 0),
        ("thứ trưởng", False, True, 0),
        ("phó trưởng ban", False, False, 1),
        ("chánh văn phòng", False, False, 2),
        ("trưởng đoàn", False, False, 0),
    ],
)
def test_entries_know_how_their_org_is_written(
    title: str, member: bool, minister: bool, embedded: int
) -> None:
    entry = lexicon().entries[title]
    assert (entry.member, entry.minister, entry.embedded_head) == (member, minister, embedded)


def test_academic_ranks_are_not_roles_but_are_skipped_before_names() -> None:
    tokens = tokenize("Phó Giáo sư Hà Văn Lâm")
    assert lexicon().entries["phó giáo sư"].is_role is False
    assert lexicon().honorific_end(tokens, 0) == 3


def test_ministry_named_by_its_short_name() -> None:
    tokens = tokenize("Ngoại giao Trần Văn Bình")
    assert lexicon().ministry_at(tokens, 0) == (2, "Bộ Ngoại giao")
