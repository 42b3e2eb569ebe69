"""Tests for person candidates."""

from __future__ import annotations

import pytest

from daphuong.pipeline.extract import gazetteer
from daphuong.pipeline.extract.persons import find
from daphuong.pipeline.extract.scan import Doc


def _people(text: str) -> set[str]:
    doc = Doc.build(text, gazetteer.load())
    return {text[c.start : c.end] for c in find(doc) if c.type.value == "PERSON"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Thứ trưởng Vũ Chiến Thắng nhấn mạnh", "Vũ Chiến Thắng"),
        ("Ủy viên Ban Thường vụ, Phan Nguyễn Như Khuê, Thành ủy viên", "Phan Nguyễn Như Khuê"),
        ("đã gặp Ngài Tijiani Muhammad-Bande, Chủ tịch", "Tijiani Muhammad-Bande"),
        ("Chủ tịch Đại hội đồng LHQ Csaba Kőrösi công bố", "Csaba Kőrösi"),
        ("do ông Lạc Huệ Ninh làm Trưởng đoàn", "Lạc Huệ Ninh"),
        ("Hình ảnh tại tọa đàm. Ảnh: Thúy Hồng, Báo TG&VN", "Thúy Hồng"),
        ("Quang cảnh Hội thảo (Photo: TV)", "TV"),
        ("Tổng thống Brazil Paulo Mendes da Costa phát biểu", "Paulo Mendes da Costa"),
        ("Thủ tướng Ý Marco di Stefano cho biết", "Marco di Stefano"),
        ("Bà Lê Thị Đoàn kết luận buổi họp", "Lê Thị Đoàn"),
        ("có Bộ trưởng Công Thương Trần Văn Bình và", "Trần Văn Bình"),
        ("Chủ tịch Thượng viện Malaysia Tan Sri Awang Kamal chủ trì", "Awang Kamal"),
        ("Thủ tướng hội kiến Chủ tịch Quốc hội Campuchia Hun Sam tại", "Hun Sam"),
        ("Thứ trưởng Tài chính Lê Minh Hoa cho biết", "Lê Minh Hoa"),
    ],
)
def test_people_are_found(text: str, name: str) -> None:
    assert name in _people(text)
    assert not any(p.startswith("Tan Sri") for p in _people(text))


def test_byline_lines_and_trailing_initials() -> None:
    text = "Tin chính.\nNội dung bài viết dài.\nNguyễn Hợp - Hoài Nga"
    assert {"Nguyễn Hợp", "Hoài Nga"} <= _people(text)
    assert "NN" in _people("Nội dung bài viết. NN")


@pytest.mark.parametrize(
    "text",
    [
        "Bản quyền: Số 8 Tôn Thất Thuyết - Nam Từ Liêm - Hà Nội",
        "sự tham gia của các đồng chí Lãnh đạo Cấp cao",
        "Tại thành phố Hà Nội và Lâm Đồng",
    ],
)
def test_places_addresses_and_common_words_are_not_people(text: str) -> None:
    assert _people(text) == set()


def test_a_hyphenated_foreign_given_name_stays_whole() -> None:
    assert "Park Mi-hyung" in _people("Bà Park Mi-hyung, Tổng Lãnh sự, phát biểu.")


def test_a_name_after_title_country_and_place() -> None:
    found = _people("Đại sứ Phần Lan tại Việt Nam Keijo Norvanto phát biểu.")
    assert "Keijo Norvanto" in found


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("MINH ANH - HỮU TÙNG", {"MINH ANH", "HỮU TÙNG"}),
        ("Thu Hằng/VOV.VN", {"Thu Hằng"}),
        ("Hương Giang", {"Hương Giang"}),
    ],
)
def test_bylines_on_the_last_line(byline: str, names: set[str]) -> None:
    assert names <= _people(f"Hai bên ký kết thỏa thuận hợp tác.\n{byline}")


def test_a_place_on_the_last_line_is_not_a_byline_without_given_name_syllables() -> None:
    assert "Hà Nội" not in _people("Hai bên ký kết thỏa thuận hợp tác.\nHà Nội")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("và bà Maria K. Ostrowska, Trưởng Đại diện UNFPA, cho biết", "Maria K. Ostrowska"),
        ("điện đàm với Ngoại trưởng Thái Lan Somsak Wong-ari về hợp tác", "Somsak Wong-ari"),
    ],
)
def test_initials_and_names_after_a_country_are_whole(text: str, name: str) -> None:
    people = _people(text)
    assert name in people
    assert not any(p.startswith("Thái Lan") for p in people)


def test_two_name_like_words_after_a_district_word_are_a_place() -> None:
    assert "Bảo Lâm" not in _people("đoàn đã khảo sát tại huyện Bảo Lâm, tỉnh Cao Bằng")
    assert "Trần Thị Mai" in _people("Chủ tịch Hội LHPN tỉnh Trần Thị Mai phát biểu")


def test_a_body_that_ends_in_a_surname_word_is_not_a_name_start() -> None:
    people = _people("Bí thư Trung ương Đoàn Lê Quang Huy phát biểu")
    assert people == {"Lê Quang Huy"}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Đoàn chụp ảnh lưu niệm. Ảnh: TTXVN/Minh Đức", {"Minh Đức"}),
        ("Tin, ảnh: THU HÀ - QUANG VINH", {"THU HÀ", "QUANG VINH"}),
        ("Hai bên ký kết biên bản.\n\nHoàng Yến (VNA)", {"Hoàng Yến"}),
    ],
)
def test_credits_and_bylines_with_outlets_and_several_names(text: str, names: set[str]) -> None:
    assert names <= _people(text)


def test_a_foreign_name_after_a_title_a_body_and_its_abbreviation() -> None:
    assert "Daren Tang" in _people(
        "Tổng Giám đốc Tổ chức Sở hữu trí tuệ Thế giới (WIPO) Daren Tang phát biểu"
    )


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("gặp Tổng thống Đức Frank-Walter Steinmeier tại Berlin", "Frank-Walter Steinmeier"),
        ("Chủ tịch Hạ viện Hà Lan Martin van der Berg phát biểu", "Martin van der Berg"),
        ("Quốc vương Jordan Abdullah bin Hussein tiếp đoàn", "Abdullah bin Hussein"),
    ],
)
def test_foreign_names_keep_their_particles(text: str, name: str) -> None:
    assert name in _people(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Quang cảnh buổi lễ. (Ảnh: Tuấn Anh/TTXVN)", "Tuấn Anh"),
        ("Hai bên trao quà.\n\nNGUYỄN HÀ - ĐỨC ANH (VNA)", "ĐỨC ANH"),
    ],
)
def test_the_person_before_an_outlet_and_a_byline_word_that_is_also_a_country(
    text: str, name: str
) -> None:
    assert name in _people(text)


def test_a_delegation_before_a_country_is_not_the_surname_doan() -> None:
    text = "Đoàn Việt Nam do ông Đoàn Văn Việt làm Trưởng đoàn. Đoàn Lào đến Hà Nội."
    people = _people(text)
    assert "Đoàn Văn Việt" in people
    assert not {"Đoàn Việt Nam", "Đoàn Lào"} & people
