"""Tests for legal-document candidates."""

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
        ("triển khai Chỉ thị số 32 – CT/TW của Bộ Chính trị", "Chỉ thị số 32 – CT/TW"),
        ("quán triệt Chỉ thị số số 25-CT/TW, đồng thời", "Chỉ thị số số 25-CT/TW"),
        ("theo Nghị định 80/2020/NĐ-CP của Chính phủ", "Nghị định 80/2020/NĐ-CP"),
        ("ban hành Đề án số 01-ĐA/BCSĐ về", "Đề án số 01-ĐA/BCSĐ"),
        ("tinh thần Kết luận số 12 của Bộ Chính trị", "Kết luận số 12"),
        (
            "tuân thủ luật pháp quốc tế, Hiến chương Liên hợp quốc, chủ động",
            "Hiến chương Liên hợp quốc",
        ),
        (
            "thực hiện Nghị quyết Đại hội XIII của Đảng, chiến lược",
            "Nghị quyết Đại hội XIII của Đảng",
        ),
        (
            "Nghị quyết về gia hạn Phái bộ tại Yemen, tổ chức",
            "Nghị quyết về gia hạn Phái bộ tại Yemen",
        ),
    ],
)
def test_documents_are_found(text: str, name: str) -> None:
    assert name in _docs(text)


def test_generic_mentions_are_not_documents() -> None:
    assert (
        _docs("các Chương trình hành động thực hiện Đề án; Kế hoạch 5 năm; Hiến chương nhằm")
        == set()
    )
