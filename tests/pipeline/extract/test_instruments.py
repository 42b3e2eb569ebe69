"""Tests for international instruments named by a description and their acronym."""

from __future__ import annotations

import pytest

from daphuong.pipeline.extract.recognize import recognize


def _docs(text: str) -> set[str]:
    return {m.text for m in recognize(text) if m.type.value == "LEGAL_DOC"}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Việt Nam đã phê chuẩn Công ước về quyền của người khuyết tật (CRPD) từ lâu.",
            {"Công ước về quyền của người khuyết tật", "CRPD"},
        ),
        (
            "Các bên cam kết thực hiện Tuyên bố về các nguyên tắc ứng xử ở Biển Đông (DOC).",
            {"Tuyên bố về các nguyên tắc ứng xử ở Biển Đông", "DOC"},
        ),
        (
            "thực hiện Chương trình nghị sự 2030 vì sự phát triển bền vững và Hiệp định"
            " Thương mại tự do Việt Nam – EU (EVFTA).",
            {"Chương trình nghị sự 2030 vì sự phát triển bền vững", "EVFTA"},
        ),
    ],
)
def test_an_acronym_in_brackets_closes_an_instruments_name(text: str, names: set[str]) -> None:
    assert names <= _docs(text)


def test_a_meeting_code_after_a_convention_is_no_document() -> None:
    text = "dự Hội nghị lần thứ 29 các Bên tham gia Công ước về đa dạng sinh học (COP29) tại Baku."
    assert "COP29" not in _docs(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Nhiều nước đã thông qua Hiệp ước toàn cầu về tị nạn an toàn, nhân đạo và bền vững"
            " tại Geneva.",
            "Hiệp ước toàn cầu về tị nạn an toàn, nhân đạo và bền vững",
        ),
        (
            "Hai nước ký Hiệp định về miễn thị thực cho người mang hộ chiếu công vụ.",
            "Hiệp định về miễn thị thực cho người mang hộ chiếu công vụ",
        ),
        (
            "Hai bộ ký Nghị định thư về hợp tác lao động, được hai bên đánh giá cao.",
            "Nghị định thư về hợp tác lao động",
        ),
    ],
)
def test_a_treaty_is_named_by_its_lower_case_subject(text: str, name: str) -> None:
    assert name in _docs(text)


def test_a_statement_about_a_topic_is_not_named_by_it() -> None:
    assert not _docs("Bộ ra Tuyên bố về tình hình biển, nêu rõ lập trường.")


def test_an_action_plan_named_by_its_place_and_subject_with_its_period() -> None:
    found = _docs(
        "Các nước cam kết thực hiện Kế hoạch hành động quốc tế Lima về giáo dục"
        " và Chương trình hành động quốc gia về trẻ em giai đoạn 2026-2030."
    )
    assert {
        "Kế hoạch hành động quốc tế Lima về giáo dục",
        "Chương trình hành động quốc gia về trẻ em giai đoạn 2026-2030",
    } <= found
