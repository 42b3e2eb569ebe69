"""Tests for location candidates."""

from __future__ import annotations

import pytest

from daphuong.pipeline.extract import gazetteer
from daphuong.pipeline.extract.places import find
from daphuong.pipeline.extract.recognize import recognize
from daphuong.pipeline.extract.scan import Doc


def _places(text: str) -> set[str]:
    return {text[c.start : c.end] for c in find(Doc.build(text, gazetteer.load()))}


def test_gazetteer_places_and_administrative_names() -> None:
    text = "tại xóm Roòng Khai, xã Điềm Mặc, huyện Định Hóa, tỉnh Thái Nguyên và New York"
    assert {"Roòng Khai", "Điềm Mặc", "Định Hóa", "Thái Nguyên", "New York"} <= _places(text)


def test_republic_names_run_to_the_country() -> None:
    text = "Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam và nước Cộng hòa Armenia"
    assert {"Cộng hòa xã hội chủ nghĩa Việt Nam", "Cộng hòa Armenia"} <= _places(text)


def test_lower_case_admin_word_without_a_name_gives_nothing() -> None:
    assert _places("các tỉnh, huyện và xã trên cả nước") == set()


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Đoàn thăm tỉnh Takeo của Campuchia.", "Takeo"),
        ("Doanh nghiệp vùng Kansai đầu tư.", "Kansai"),
        ("lực lượng tại khu vực Abyei hôm qua", "Abyei"),
        ("Đoàn làm việc tại bang Queensland.", "Queensland"),
    ],
)
def test_foreign_places_after_a_region_word(text: str, place: str) -> None:
    assert place in _places(text)


def test_a_generic_word_before_a_place_is_not_part_of_it() -> None:
    found = _places("tại thành phố Hải Phòng và khu vực Trung Đông, châu Á - Thái Bình Dương")
    assert {"Hải Phòng", "Trung Đông"} <= found
    assert not any(p.startswith(("thành phố", "khu vực")) for p in found)


def test_a_language_is_not_a_place() -> None:
    assert "Pháp" not in _places("lớp học tiếng Pháp cho cán bộ tại Hà Nội")


def test_a_one_word_foreign_place_listed_after_places() -> None:
    assert "Gonaives" in _places("lực lượng tại Nam Sudan, Cộng hòa Trung Phi, Gonaives và Haiti")
    assert not any("Phomkhe" in p for p in _places("gặp Bộ trưởng Lào, Vilayvanh Phomkhe và đoàn"))


def test_a_nationality_is_not_a_place() -> None:
    found = _places("các hội viên người Pháp quyên góp cho người Việt Nam tại Lyon")
    assert "Pháp" not in found and "Lyon" in found


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Bão gây thiệt hại lớn cho các tỉnh miền Trung.", "miền Trung"),
        ("Đoàn đã thăm Hủa Phăn và Bô-ly-khăm-xay.", "Hủa Phăn"),
        ("Doanh nghiệp từ Chiết Giang, Trung Quốc sang đầu tư.", "Chiết Giang"),
        ("Lao động Việt Nam tại Saitama đông nhất.", "Saitama"),
        ("Cộng đồng người Việt ở Ontario tổ chức Tết.", "Ontario"),
    ],
)
def test_regions_and_foreign_provinces_without_a_cue_word(text: str, place: str) -> None:
    assert place in _places(text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Dự án hỗ trợ nông dân đồng bằng sông Cửu Long chống hạn mặn.", "đồng bằng sông Cửu Long"),
        ("Đoàn khảo sát các tỉnh miền núi phía Bắc trong tháng này.", "miền núi phía Bắc"),
        ("Lễ hội được tổ chức ở vùng Ngã ba Đông Dương hằng năm.", "Ngã ba Đông Dương"),
    ],
)
def test_regions_written_with_a_lower_case_first_word(text: str, place: str) -> None:
    found = {m.text for m in recognize(text)}
    assert place in found and "sông Cửu Long" not in found


def _located(text: str) -> set[str]:
    return {m.text for m in recognize(text) if m.type.name == "LOCATION"}


def test_a_city_word_before_a_place_is_not_part_of_it() -> None:
    found = _located("Hội chợ mở tại TP Đà Nẵng rồi Thủ đô Hà Nội và Thành phố Hồ Chí Minh.")
    assert {"Đà Nẵng", "Hà Nội", "Thành phố Hồ Chí Minh"} <= found
    assert not found & {"TP Đà Nẵng", "Thủ đô Hà Nội"}


@pytest.mark.parametrize(
    ("text", "places"),
    [
        (
            "Dự án triển khai ở các huyện vùng cao Mù Cang Chải, Trạm Tấu.",
            {"Mù Cang Chải", "Trạm Tấu"},
        ),
        ("Mưa lớn ở ba xã Tân Lập, Hòa Bình và Đông Sơn.", {"Tân Lập", "Hòa Bình", "Đông Sơn"}),
        ("Hàng hóa qua cửa khẩu Tà Lùng tăng.", {"Tà Lùng"}),
        ("Đoàn thăm thị trấn Mộc Châu và đặc khu Phú Quý.", {"Mộc Châu", "Phú Quý"}),
        ("Nhà máy ở tỉnh Santa Cruz de Tenerife sẽ mở.", {"Santa Cruz de Tenerife"}),
    ],
)
def test_places_after_cue_words_and_in_plural_lists(text: str, places: set[str]) -> None:
    assert places <= _located(text)


def test_a_compass_point_before_a_country_is_a_region() -> None:
    found = _located("Hàng hóa đi Đông Bắc Ấn Độ và miền Bắc Lào qua Tây Nam Trung Quốc.")
    assert {"Đông Bắc Ấn Độ", "Tây Nam Trung Quốc"} <= found


def test_a_full_name_after_the_provinces_committee_is_no_place() -> None:
    assert _located("Phó Chủ tịch UBND tỉnh Trần Văn Hùng phát biểu.") == set()


def test_a_pair_of_border_gates_gives_both_places() -> None:
    found = _located("Hai tỉnh nâng cấp cặp cửa khẩu quốc tế Tây Trang – Sơn La Mới.")
    assert {"Tây Trang", "Sơn La Mới"} <= found


def test_a_country_word_used_as_a_name_or_honorific_is_no_place() -> None:
    found = _located("Bà Nga nói thêm. Anh Trần Văn Bình, Bí thư Đoàn, và chị Pháp đến Nga.")
    assert found == {"Nga"}
    assert "Anh" in _located("Quan hệ Việt Nam – Anh phát triển tốt.")


def test_a_country_ending_the_text_is_a_place() -> None:
    assert _located("Đoàn lên đường sang Anh") == {"Anh"}
