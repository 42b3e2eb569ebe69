"""Tests for legal-document candidates."""

from __future__ import annotations

import pytest

from daphuong.pipeline.extract import event_names, gazetteer, orgs
from daphuong.pipeline.extract.legal import find
from daphuong.pipeline.extract.recognize import recognize
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


@pytest.mark.parametrize("year", ["năm 2013", "1992"])
def test_a_constitution_is_named_by_its_year(year: str) -> None:
    doc = Doc.build(f"theo Hiến pháp {year}, công dân", gazetteer.load())
    texts = {doc.text[c.start : c.end] for c in find(doc, [])}
    assert f"Hiến pháp {year}" in texts


def test_generic_mentions_are_not_documents() -> None:
    assert (
        _docs("các Chương trình hành động thực hiện Đề án; Kế hoạch 5 năm; Hiến chương nhằm")
        == set()
    )


@pytest.mark.parametrize(
    "name",
    [
        "Tuyên ngôn Quốc tế Nhân quyền",
        "Tuyên bố và Chương trình hành động Viên",
        "Công ước về Quyền trẻ em",
        "Hiệp ước Thân thiện và Hợp tác ở Đông Nam Á",
        "Bộ luật Dân sự 2015",
        "Luật Điều ước quốc tế năm 2016",
        "Nghị quyết 2250 của Hội đồng Bảo an Liên hợp quốc",
        "Chiến lược phát triển văn hóa đối ngoại đến năm 2030",
        "Kế hoạch hành động quốc gia giai đoạn 2021-2025",
        "Biên bản ghi nhớ về hợp tác đào tạo",
    ],
)
def test_named_instruments_keep_their_year_issuer_and_region(name: str) -> None:
    assert name in _docs(f"Theo {name}, hai bên thống nhất.")


def test_a_domestic_issuer_is_not_part_of_the_document_name() -> None:
    assert "Chỉ thị 25 của Ban Bí thư" not in _docs("Thực hiện Chỉ thị 25 của Ban Bí thư, Bộ")


def test_two_documents_joined_by_and_stay_two() -> None:
    found = _docs("dựa trên Tuyên ngôn Quốc tế Nhân quyền và Hiến chương Liên hợp quốc.")
    assert {"Tuyên ngôn Quốc tế Nhân quyền", "Hiến chương Liên hợp quốc"} <= found


@pytest.mark.parametrize(
    "name",
    [
        "Luật Phòng, chống ma túy năm 2021",
        "Luật Phòng, chống tham nhũng",
        "Luật Cư trú của người nước ngoài tại Việt Nam năm 2014",
        "Pháp lệnh Ngoại hối 2005",
        "Biên bản ghi nhớ hợp tác giai đoạn 2025-2028",
        "Chiến lược phát triển du lịch giai đoạn 2021-2030, tầm nhìn đến năm 2045",
    ],
)
def test_laws_run_to_their_year_and_plans_to_their_vision(name: str) -> None:
    assert name in _docs(f"Theo {name}, hai bên thống nhất.")


def test_a_law_name_stops_where_the_clause_goes_on() -> None:
    assert _docs("Luật Đất đai đã được Quốc hội thông qua năm 2024.") == {"Luật Đất đai"}


def test_international_law_as_a_discipline_is_no_document() -> None:
    assert _docs("các chuyên gia về Luật Quốc tế tham dự") == set()


def test_a_convention_listed_as_a_body_is_a_document() -> None:
    text = "các Bên tham gia Công ước khung của Liên hợp quốc về biến đổi khí hậu tại Bonn"
    assert "Công ước khung của Liên hợp quốc về biến đổi khí hậu" in _docs(text)


def test_partnerships_joint_statements_and_issuer_codes() -> None:
    text = (
        "Tuyên bố chung Việt Nam – Nhật Bản về nâng cấp quan hệ lên Đối tác Chiến lược Toàn diện"
        " được ký; Thông tư 05/2025/TT-BNG có hiệu lực."
    )
    assert _docs(text) == {"Tuyên bố chung Việt Nam – Nhật Bản", "Thông tư 05/2025/TT-BNG"}
    assert "BNG" not in {
        text[c.start : c.end] for c in orgs.find(Doc.build(text, gazetteer.load()))
    }


@pytest.mark.parametrize(
    "name",
    [
        "Đề án “Đào tạo cán bộ đối ngoại giai đoạn 2026-2030”",
        "Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021 - 2025",
    ],
)
def test_quoted_schemes_and_national_target_programmes(name: str) -> None:
    assert name in _docs(f"Tỉnh triển khai {name}, đạt kết quả tốt.")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Hai nước ký Hiệp định khung về hợp tác kinh tế.", "Hiệp định khung về hợp tác kinh tế"),
        (
            "tuân thủ Công ước Viên về quan hệ ngoại giao năm 1961 và",
            "Công ước Viên về quan hệ ngoại giao năm 1961",
        ),
        (
            "phê chuẩn Công ước của Liên hợp quốc về chống tham nhũng.",
            "Công ước của Liên hợp quốc về chống tham nhũng",
        ),
        ("ký Thỏa thuận hợp tác giai đoạn 2024-2028 và", "Thỏa thuận hợp tác giai đoạn 2024-2028"),
        ("thông qua Chương trình hành động Hà Nội.", "Chương trình hành động Hà Nội"),
        (
            "ra Tuyên bố Viêng Chăn về tăng cường hợp tác phòng chống thiên tai và Kế hoạch",
            "Tuyên bố Viêng Chăn về tăng cường hợp tác phòng chống thiên tai",
        ),
    ],
)
def test_treaties_and_programmes_named_by_subject_horizon_or_place(text: str, name: str) -> None:
    assert name in _docs(text)


def test_a_memorandum_ends_before_its_parties() -> None:
    docs = _docs("Hai nước ký Bản ghi nhớ về hợp tác giáo dục giữa hai bộ.")
    assert docs == {"Bản ghi nhớ về hợp tác giáo dục"}
    long_parties = (
        "Hai bên ký Bản ghi nhớ về hợp tác giáo dục giữa Bộ Giáo dục và Đào tạo Việt Nam và "
        "Bộ Giáo dục và Thể thao Lào."
    )
    assert _docs(long_parties) == {"Bản ghi nhớ về hợp tác giáo dục"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Các bên phải tôn trọng các Công ước Geneva năm 1949.", "Công ước Geneva năm 1949"),
        (
            "Hai nước thông qua Kế hoạch hành động ASEAN – Ấn Độ giai đoạn 2026-2030 tại Hà Nội.",
            "Kế hoạch hành động ASEAN – Ấn Độ giai đoạn 2026-2030",
        ),
        (
            "Đại hội đồng thông qua Nghị quyết về phụ nữ trong nghị viện tại Kỳ họp thứ 10.",
            "Nghị quyết về phụ nữ trong nghị viện",
        ),
        (
            "Hai bên triển khai Đồng thuận ASEAN về phòng chống thiên tai.",
            "Đồng thuận ASEAN về phòng chống thiên tai",
        ),
        (
            "Hai bộ ký Bản ghi nhớ về hợp tác đào tạo nguồn nhân lực và chuyển đổi số"
            " ngành nông nghiệp bền vững giai đoạn 2026-2030.",
            "Bản ghi nhớ về hợp tác đào tạo nguồn nhân lực và chuyển đổi số"
            " ngành nông nghiệp bền vững giai đoạn 2026-2030",
        ),
        (
            "Các nước nhất trí Kế hoạch hành động 3 năm Hợp tác Mekong – Hàn Quốc giai đoạn"
            " 2026-2028.",
            "Kế hoạch hành động 3 năm Hợp tác Mekong – Hàn Quốc giai đoạn 2026-2028",
        ),
    ],
)
def test_plural_paired_and_long_document_names(text: str, name: str) -> None:
    assert name in _docs(text)


def test_the_acronym_of_the_body_a_document_ends_with_is_no_document() -> None:
    found = {
        (m.type.name, m.text)
        for m in recognize("Việt Nam phê chuẩn Công ước số 105 của Tổ chức Lao động quốc tế (ILO).")
    }
    assert ("ORG", "ILO") in found and ("LEGAL_DOC", "ILO") not in found
