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
