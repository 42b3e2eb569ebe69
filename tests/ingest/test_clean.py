"""Tests for clutter segments, the date line and the title guess."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from daphuong.ingest.clean import find_clutter, find_dateline, guess_title
from daphuong.ingest.dateline import VIETNAM_TZ

from .conftest import SHARED, sample_paths, shared_texts

SEED_002 = SHARED / "seeds" / "002_c4a81783b3a0a098.txt"
BODY = (
    "Sáng 30/11, tại Hà Nội, Liên hiệp các tổ chức hữu nghị Việt Nam tổ chức hội thảo về "
    "vai trò của các tổ chức nhân dân trong ngoại giao đa phương, do Chủ tịch Liên hiệp chủ trì.\n"
    "Các đại biểu đánh giá cao những đóng góp của kênh nhân dân, đề nghị tăng cường phối hợp "
    "với Bộ Ngoại giao và Ban Đối ngoại Trung ương trong thời gian tới.\n"
)
PAGE = (
    "CHÀO MỪNG KỶ NIỆM 70 NĂM CHIẾN THẮNG ĐIỆN BIÊN PHỦ - CHÀO MỪNG ĐẠI HỘI ĐẢNG BỘ TỈNH LẦN"
    " THỨ XX - THI ĐUA LẬP THÀNH TÍCH CHÀO MỪNG NGÀY QUỐC KHÁNH 2/9\n"
    "Thứ Hai, ngày 23/11/2026\n"
    "Tiếng Việt | English\n"
    "Hội thảo về đối ngoại nhân dân\n"
    "13/04/2024 | 03:38 GMT+7\n"
    "Chia sẻ | Facebook | Zalo | In bài\n" + BODY + "Từ khóa: đối ngoại, hội thảo\n"
    "Tin liên quan\n"
    "Khai mạc triển lãm ảnh hữu nghị\n"
    "Thanh niên ASEAN chung tay vì môi trường\n"
    "Bình luận (2)\n"
    "Bạn đọc A: Bài viết hay.\n"
)


def _marked(text: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for s in find_clutter(text):
        out.setdefault(s.kind, []).append(text[s.start : s.end])
    return out


def test_synthetic_page_clutter_is_marked_by_kind() -> None:
    marked = _marked(PAGE)
    assert marked["banner"][0].startswith("CHÀO MỪNG KỶ NIỆM")
    assert marked["banner"][1] == "Thứ Hai, ngày 23/11/2026"
    assert marked["nav"] == ["Tiếng Việt | English"]
    assert marked["dateline"] == ["13/04/2024 | 03:38 GMT+7"]
    assert marked["share"] == ["Chia sẻ | Facebook | Zalo | In bài"]
    assert marked["tags"] == ["Từ khóa: đối ngoại, hội thảo"]
    assert marked["related"][0].startswith("Tin liên quan\n")
    assert marked["related"][0].endswith("Bài viết hay.")


def test_body_is_never_clutter() -> None:
    start = PAGE.index(BODY)
    for s in find_clutter(PAGE):
        assert s.end <= start or s.start >= start + len(BODY)


def test_dateline_is_the_published_moment_not_the_today_banner() -> None:
    assert find_dateline(PAGE) == dt.datetime(2024, 4, 13, 3, 38, tzinfo=VIETNAM_TZ)
    assert find_dateline("Thứ Hai, ngày 23/11/2026\n" + BODY) is None


def test_title_skips_clutter() -> None:
    assert guess_title(PAGE) == "Hội thảo về đối ngoại nhân dân"


def test_early_related_block_stops_at_the_body() -> None:
    text = BODY + "TIN LIÊN QUAN\nTin thứ nhất\nTin thứ hai\n\n" + BODY + BODY + BODY
    related = _marked(text)["related"]
    assert related == ["TIN LIÊN QUAN\nTin thứ nhất\nTin thứ hai"]


def test_seed_002_banner_and_date_line_are_clutter() -> None:
    if not SEED_002.is_file():
        pytest.skip(f"shared seed texts not present at {SEED_002}")
    text = SEED_002.read_text(encoding="utf-8")
    marked = _marked(text)
    first, second = text.splitlines()[:2]
    assert marked["banner"] == [first]
    assert marked["dateline"] == [second] == ["Thứ Bảy, 13/04/2024 03:38"]
    assert find_dateline(text) == dt.datetime(2024, 4, 13, 3, 38, tzinfo=VIETNAM_TZ)
    assert guess_title(text) == (
        "Đối ngoại nhân dân góp phần nâng cao vị thế và uy tín của Việt Nam trên trường quốc tế"
    )


@pytest.mark.parametrize("path", shared_texts(), ids=lambda p: p.name)
def test_shared_texts_keep_most_of_their_body(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    marked = sum(s.end - s.start for s in find_clutter(text))
    assert marked < 0.35 * len(text)


@pytest.mark.parametrize("path", sample_paths(".txt"), ids=lambda p: p.name)
def test_samples_have_a_date_line_and_title(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert find_dateline(text) is not None
    assert guess_title(text) == text.splitlines()[0]
    assert sum(s.end - s.start for s in find_clutter(text)) < 0.15 * len(text)


@given(st.text(st.sampled_from(list("ab Đệ:/|0123456789\n,.-")), max_size=300))
def test_segments_are_ordered_disjoint_and_inside_the_text(text: str) -> None:
    segments = find_clutter(text)
    previous_end = 0
    for s in segments:
        assert previous_end <= s.start < s.end <= len(text)
        previous_end = s.end


@pytest.mark.parametrize(
    ("line", "day"),
    [("Thứ Sáu, 20/09/2024", 20), ("Thứ Sáu, ngày 20/9/2024", 20), ("Chủ nhật, 22/9/2024", 22)],
)
def test_weekday_date_under_the_headline_is_the_article_date_line(line: str, day: int) -> None:
    text = "Hội thảo về đối ngoại nhân dân\n\n" + line + "\n\n" + BODY
    when = find_dateline(text)
    assert when is not None and when.date() == dt.date(2024, 9, day)
    assert _marked(text)["dateline"] == [line]


def test_weekday_date_above_the_headline_stays_a_today_banner() -> None:
    text = "Thứ Sáu, 20/09/2024\nHội thảo về đối ngoại nhân dân\n\n" + BODY
    assert find_dateline(text) is None
    assert _marked(text)["banner"] == ["Thứ Sáu, 20/09/2024"]
