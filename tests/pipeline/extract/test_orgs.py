"""Tests for organisation candidates."""

from __future__ import annotations

import pytest

from daphuong.pipeline.extract import gazetteer
from daphuong.pipeline.extract.orgs import find
from daphuong.pipeline.extract.scan import Doc


def _orgs(text: str) -> set[str]:
    return {text[c.start : c.end] for c in find(Doc.build(text, gazetteer.load()))}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ông A, Vụ trưởng Vụ Công tác thanh niên Hoàng Quốc Long dự.", "Vụ Công tác thanh niên"),
        ("lãnh đạo Sở Nội vụ tỉnh Nghệ An; các đồng chí", "Sở Nội vụ tỉnh Nghệ An"),
        ("Bộ Tài nguyên và Môi trường, Bộ Y tế", "Bộ Tài nguyên và Môi trường"),
        ("Hội Hữu nghị Việt Nam – Armenia thuộc Liên hiệp", "Hội Hữu nghị Việt Nam – Armenia"),
        ("với Đại sứ quán Hàn Quốc tại Việt Nam do ngài", "Đại sứ quán Hàn Quốc tại Việt Nam"),
        ("Trưởng ban Đối ngoại Trung ương, làm Trưởng đoàn", "ban Đối ngoại Trung ương"),
        (
            "Trung tâm nước sạch và VSMTNT tỉnh cung cấp số liệu",
            "Trung tâm nước sạch và VSMTNT tỉnh",
        ),
        ("Đặc biệt, Hội luôn coi trọng", "Hội"),
        (  # 'Nông Lâm' is no person here: 'Lâm nghiệp' goes on to a place
            "cùng Trường Cao đẳng Nông Lâm nghiệp Đông Bắc tổ chức",
            "Trường Cao đẳng Nông Lâm nghiệp Đông Bắc",
        ),
        (
            "Giám đốc Văn phòng Chương trình Hợp tác Phát triển Ireland (IrishAid) cho biết",
            "Văn phòng Chương trình Hợp tác Phát triển Ireland",
        ),
    ],
)
def test_head_noun_names_end_at_the_right_word(text: str, name: str) -> None:
    assert name in _orgs(text)


def test_titles_and_generic_heads_are_not_bodies() -> None:
    found = _orgs("Bộ trưởng phát biểu. Đại diện các Bộ, ban, ngành. Báo cáo tại hội nghị.")
    assert found == set()


def test_name_stops_before_a_person_and_a_verb() -> None:
    found = _orgs("Chủ nhiệm Ủy ban Đối ngoại Vũ Hải Hà cho biết; Bộ Ngoại giao đã tổ chức.")
    assert {"Ủy ban Đối ngoại", "Bộ Ngoại giao"} <= found
    assert not any("Vũ" in name or "đã" in name for name in found)


def test_abbreviations_tags_outlets_and_domains() -> None:
    text = "(PLVN) - Học viện Ngoại giao (DAV) và tổ chức GPI/Hàn Quốc. Nguồn: http://vufo.org.vn/a"
    assert {"PLVN", "DAV", "GPI", "vufo.org.vn"} <= _orgs(text)


def test_non_governmental_is_not_the_government() -> None:
    assert "Chính phủ" not in _orgs("các tổ chức phi Chính phủ nước ngoài")


@pytest.mark.parametrize(
    ("text", "name", "not_name"),
    [
        ("Quỹ sẵn sàng hỗ trợ các dự án.", "Quỹ", "Quỹ sẵn sàng"),
        ("Năm nay, Hội triển khai nhiều hoạt động.", "Hội", "Hội triển khai"),
        ("Sau đó, Bộ triển khai chương trình hành động.", "Bộ", "Bộ triển khai chương"),
        ("Học viện sẽ mở thêm lớp.", "Học viện", "Học viện sẽ"),
    ],
)
def test_a_verb_after_an_elliptical_name_ends_it(text: str, name: str, not_name: str) -> None:
    found = _orgs(text)
    assert name in found
    assert not_name not in found


@pytest.mark.parametrize(
    "name",
    ["Sở ngoại vụ tỉnh", "Hội nông dân tỉnh", "Viện nghiên cứu chiến lược"],
)
def test_typical_lower_case_name_words_continue_a_name(name: str) -> None:
    assert name in _orgs(f"Đại diện {name} cho biết.")


@pytest.mark.parametrize(
    "name",
    [
        "Văn phòng UNDP tại Việt Nam",
        "Phân hiệu Đại học Huế tại Quảng Trị",
        "Văn phòng Cao ủy Liên hợp quốc về người tị nạn",
        "Trường Đại học Khoa học Xã hội và Nhân văn",
        "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Lạng Sơn",
        "Tỉnh đoàn Lạng Sơn",
        "Thành đoàn Đà Nẵng",
    ],
)
def test_long_and_local_body_names_are_kept_whole(name: str) -> None:
    assert name in _orgs(f"Lãnh đạo {name} dự buổi làm việc.")


def test_a_title_after_a_head_is_part_of_the_name_only_before_a_body_or_name_word() -> None:
    found = _orgs("Văn phòng Chủ tịch nước và Hội Hữu nghị Việt Nam – Lào Chủ tịch Nguyễn Văn An")
    assert "Văn phòng Chủ tịch nước" in found
    assert not any("Nguyễn" in name for name in found)


def test_a_party_committee_alone_is_a_body_but_listed_heads_are_not() -> None:
    assert "Tỉnh ủy" in _orgs("Ban Thường vụ Tỉnh ủy, các sở ngành dự.")
    assert "Bộ" not in _orgs("Đại diện các Bộ, ban, ngành dự.")


def test_a_mission_beside_a_body_keeps_its_host_and_seat() -> None:
    name = "Phái đoàn đại diện thường trực Việt Nam bên cạnh Liên hợp quốc tại Geneva"
    assert name in _orgs(f"Trưởng {name} phát biểu.")
    assert "Bộ Ngoại giao" in _orgs("Bộ Ngoại giao bên cạnh đó cũng đề nghị.")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ban Thư ký AIPA đang chuẩn bị hồ sơ", "Ban Thư ký AIPA"),
        ("Chủ tịch Ủy ban Quốc gia APEC 2030 phát biểu", "Ủy ban Quốc gia APEC 2030"),
    ],
)
def test_a_title_inside_a_body_and_the_year_of_a_committee(text: str, name: str) -> None:
    assert name in _orgs(text)


def test_a_forum_year_is_an_edition_not_part_of_the_body() -> None:
    assert "Diễn đàn Thanh niên ASEAN 2031" not in _orgs("Diễn đàn Thanh niên ASEAN 2031 khai mạc")


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        (
            "đại diện Hội Liên hiệp Thanh niên Lào dự",
            "Hội Liên hiệp Thanh niên Lào",
            "Liên hiệp Thanh niên Lào",
        ),
        ("Phó Chủ tịch Hiệp hội cho biết", "Hiệp hội", ""),
        ("Theo báo cáo của Sở, số lao động tăng", "Sở", ""),
        ("cùng Tổ chức Cứu trợ Quốc tế tài trợ", "Tổ chức Cứu trợ Quốc tế", "Cứu trợ Quốc tế"),
        ("Vụ trưởng Vụ Tổ chức Cán bộ dự", "Vụ Tổ chức Cán bộ", "Tổ chức Cán bộ"),
        ("đối tác Tổ chức KOICA cho biết", "KOICA", "Tổ chức KOICA"),
        ("lao động tại Nhật Bản và Đài Loan (Trung Quốc)", "", "Đài Loan"),
    ],
)
def test_compound_heads_elliptical_bodies_and_places(text: str, present: str, absent: str) -> None:
    found = _orgs(text)
    assert not present or present in found
    assert not absent or absent not in found


def test_no_body_inside_a_plans_number() -> None:
    assert "UBND" not in _orgs("Sở Ngoại vụ ban hành Kế hoạch số 45/KH-UBND về hợp tác")


@pytest.mark.parametrize("name", ["Đại học Harvard", "Quỹ Rockefeller", "Viện Brookings"])
def test_a_foreign_word_right_after_a_head_names_the_body(name: str) -> None:
    assert name in _orgs(f"chuyên gia của {name} tham dự")


def test_kiem_joins_two_titles_and_ends_the_body() -> None:
    found = _orgs("Thứ trưởng Bộ Tư pháp kiêm Chủ tịch Hội đồng Phối hợp phát biểu")
    assert "Bộ Tư pháp" in found and not any(n.endswith("kiêm") for n in found)


def test_no_body_starts_at_the_second_word_of_a_head() -> None:
    assert "ban châu Âu" not in _orgs("Chủ tịch Ủy ban châu Âu phát biểu")


def test_a_longer_body_starting_at_a_known_names_last_word() -> None:
    text = "Bí thư Ban Chấp hành Trung ương Đảng Nhân dân Cách mạng Lào dẫn đầu đoàn"
    found = _orgs(text)
    assert "Ban Chấp hành Trung ương Đảng Nhân dân Cách mạng Lào" in found
    assert not any(n.endswith("dẫn đầu") for n in found)


def test_a_count_before_an_elliptical_head_is_no_body() -> None:
    assert "Bộ" not in _orgs("Thỏa thuận hợp tác giữa hai Bộ được ký kết")


def test_an_outlet_after_a_photographers_slash_is_a_body() -> None:
    assert "TTXVN" in _orgs("Quang cảnh buổi lễ. (Ảnh: Tuấn Anh/TTXVN)")


def test_a_numbered_district_stays_in_its_peoples_committee() -> None:
    assert "Ủy ban nhân dân quận 3" in _orgs("Đại diện Ủy ban nhân dân quận 3 tham dự")


def test_so_di_is_a_conjunction_not_a_department() -> None:
    assert not any(n.startswith("Sở") for n in _orgs("Sở dĩ Việt Nam đạt kết quả này"))


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("sinh viên tại Trường Đại học Cần Thơ nhận", "Trường Đại học Cần Thơ", "Đại học Cần Thơ"),
        (
            "Phân hiệu Đại học Huế tại Quảng Trị tuyển sinh",
            "Phân hiệu Đại học Huế tại Quảng Trị",
            "Phân hiệu Đại học Huế tại Quảng Trị tuyển sinh",
        ),
    ],
)
def test_school_heads_and_a_place_closing_a_mission(text: str, present: str, absent: str) -> None:
    found = _orgs(text)
    assert present in found and absent not in found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Đoàn làm việc với Đảng Cộng hòa Nhân dân Thổ Nhĩ Kỳ.",
            "Đảng Cộng hòa Nhân dân Thổ Nhĩ Kỳ",
        ),
        ("Đại diện Đảng Bảo thủ tham dự.", "Đảng Bảo thủ"),
        ("Hội người Việt Nam tại Lào tổ chức Tết.", "Hội người Việt Nam tại Lào"),
        (
            "Hiệp hội Doanh nghiệp Việt Nam tại Nhật Bản ra mắt.",
            "Hiệp hội Doanh nghiệp Việt Nam tại Nhật Bản",
        ),
        ("Bộ Tư lệnh Cảnh sát biển phối hợp.", "Bộ Tư lệnh Cảnh sát biển"),
        (
            "Bộ Kinh tế, Thương mại và Công nghiệp Nhật Bản hỗ trợ.",
            "Bộ Kinh tế, Thương mại và Công nghiệp Nhật Bản",
        ),
    ],
)
def test_foreign_parties_overseas_associations_and_comma_ministries(text: str, name: str) -> None:
    assert name in _orgs(text)


def test_the_party_before_a_person_is_the_party_alone() -> None:
    assert "Đảng" in _orgs("Tổng Bí thư Đảng Tô Lâm tiếp đoàn.")
    assert not any(n.startswith("Đảng Tô") for n in _orgs("Tổng Bí thư Đảng Tô Lâm tiếp đoàn."))


def test_every_mission_abroad_is_no_one_body() -> None:
    found = _orgs("Các Cơ quan đại diện Việt Nam ở nước ngoài và Đại sứ quán Việt Nam tại Lào.")
    assert "Đại sứ quán Việt Nam tại Lào" in found
    assert not any(n.startswith("Cơ quan đại diện") for n in found)


def test_a_national_body_goes_on_with_its_country() -> None:
    found = _orgs("Chính phủ Pháp và Quốc hội Hàn Quốc chúc mừng; Thủ tướng Chính phủ phát biểu.")
    assert {"Chính phủ Pháp", "Quốc hội Hàn Quốc", "Chính phủ"} <= found


def test_a_chamber_or_office_is_headed_by_phong() -> None:
    assert "Phòng Thương mại Hoa Kỳ" in _orgs("Đại diện Phòng Thương mại Hoa Kỳ phát biểu.")
    assert _orgs("Phòng chống dịch là ưu tiên.") == set()


def test_the_party_before_another_name_is_the_party_alone() -> None:
    found = _orgs("Quan hệ giữa hai Đảng Việt Nam – Lào; Đảng Nhà nước và nhân dân.")
    assert not any(n.startswith("Đảng ") for n in found)


def test_a_verb_and_a_document_end_an_elliptical_name() -> None:
    found = _orgs("Liên hiệp triển khai Kế hoạch số 220/KH-UBND của UBND tỉnh.")
    assert not any("Kế hoạch" in n for n in found)


def test_a_plural_before_a_lower_case_name_is_a_kind_of_body() -> None:
    assert "Hội hữu nghị thành viên" not in _orgs("cùng các Hội hữu nghị thành viên tham dự")


def test_a_known_name_ends_before_the_verb_of_a_document() -> None:
    found = _orgs("Bộ Ngoại giao triển khai Chương trình hành động của Chính phủ.")
    assert "Bộ Ngoại giao" in found
    assert not any("triển khai" in n for n in found)


@pytest.mark.parametrize(
    ("text", "name", "longer"),
    [
        ("Kế hoạch của Bộ Chính trị gắn với việc đào tạo cán bộ.", "Bộ Chính trị", "gắn"),
        ("Giám đốc Học viện Ngoại giao đồng chủ trì buổi lễ.", "Học viện Ngoại giao", "đồng"),
        ("Năm nay Bộ Tư pháp sơ kết ba năm hợp tác.", "Bộ Tư pháp", "sơ kết"),
    ],
)
def test_a_known_name_ends_before_a_lower_case_verb(text: str, name: str, longer: str) -> None:
    found = _orgs(text)
    assert name in found and not any(longer in f for f in found)


@pytest.mark.parametrize(
    "name",
    [
        "Quỹ Hợp tác ASEAN – Hàn Quốc",
        "Quỹ ủy thác Nhật Bản – UNESCO",
        "Hội Hữu nghị Việt Nam – Cu Ba",
    ],
)
def test_a_dash_joins_a_grouping_and_a_partner_inside_a_body(name: str) -> None:
    assert name in _orgs(f"Năm 2030, {name} sẽ hỗ trợ các dự án mới.")


def test_a_credit_naming_two_outlets_is_no_document_code() -> None:
    found = _orgs("(TTXVN/Vietnam+) Theo Thông tư 05/2025/TT-BNG")
    assert {"TTXVN", "Vietnam+"} <= found and "BNG" not in found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Bí thư Ban Cán sự đảng, Bộ trưởng Bộ Y tế phát biểu.", "Ban Cán sự đảng"),
        ("Nhóm công tác về UPR gồm nhiều nước.", "UPR"),
        ("Việt Nam là thành viên UNIDROIT từ năm 2019.", "UNIDROIT"),
    ],
)
def test_elliptical_party_committees_and_legal_bodies(text: str, name: str) -> None:
    assert name in _orgs(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Tổ chức Save the Children tài trợ xây trường.", "Save the Children"),
        ("Tổ chức Caritas Switzerland hỗ trợ 20 hộ.", "Caritas Switzerland"),
        ("Tổ chức Habitat for Humanity xây nhà.", "Habitat for Humanity"),
    ],
)
def test_a_foreign_name_after_to_chuc_is_the_body(text: str, name: str) -> None:
    found = _orgs(text)
    assert name in found and f"Tổ chức {name}" not in found


def test_a_vietnamese_name_after_to_chuc_keeps_its_head() -> None:
    assert "Tổ chức Hợp tác Hồi giáo" in _orgs("Tổ chức Hợp tác Hồi giáo ra tuyên bố.")


def test_trung_uong_after_uy_ban_opens_no_body_of_its_own() -> None:
    found = _orgs("Phó Chủ tịch Ủy ban Trung ương Mặt trận Dân tộc thống nhất Campuchia dự.")
    assert not any(f.startswith("Trung ương") for f in found)


def test_a_local_body_named_by_its_level_alone() -> None:
    assert "Công an huyện" in _orgs("Vụ việc được Công an huyện tiếp nhận và xử lý.")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Bộ Giáo dục và Đào tạo tổ chức hội nghị.", "Bộ Giáo dục và Đào tạo"),
        ("Sở Giáo dục và Đào tạo tỉnh Cà Mau cử đoàn.", "Sở Giáo dục và Đào tạo tỉnh Cà Mau"),
    ],
)
def test_a_name_ending_in_a_compound_name_word_is_kept_whole(text: str, name: str) -> None:
    assert name in _orgs(text)


def test_the_government_inside_intergovernmental_is_no_body() -> None:
    found = _orgs("Ủy ban Liên Chính phủ Việt Nam – Lào họp kỳ thứ 45.")
    assert "Chính phủ Việt Nam" not in found and "Chính phủ" not in found


def test_a_nested_body_leaves_the_level_word_to_the_outer_one() -> None:
    found = _orgs("Chánh Văn phòng Sở Ngoại vụ tỉnh dự họp.")
    assert "Sở Ngoại vụ" in found and "Sở Ngoại vụ tỉnh" not in found
    assert "Văn phòng Sở Ngoại vụ tỉnh" in found


def test_a_presidium_alone_is_a_body_but_not_before_of_and_a_name() -> None:
    assert "Đoàn Chủ tịch" in _orgs("Đại hội do Đoàn Chủ tịch gồm năm người điều hành.")
    assert "Đoàn Chủ tịch" not in _orgs("Đoàn Chủ tịch của Hội Nông dân Việt Nam họp.")


def test_a_missions_head_alone_inside_a_sentence_names_the_mission() -> None:
    assert "Phái đoàn" in _orgs("Sau đó, Phái đoàn đã gặp Cao ủy.")
    assert _orgs("Phái đoàn gồm 12 người.") == set()
