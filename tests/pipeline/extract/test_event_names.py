"""Tests for meeting-name candidates."""

from __future__ import annotations

import pytest

from daphuong.pipeline.extract import gazetteer
from daphuong.pipeline.extract.event_names import find
from daphuong.pipeline.extract.scan import Doc


def _events(text: str) -> set[str]:
    doc = Doc.build(text, gazetteer.load())
    return {text[c.start : c.end] for c in find(doc) if c.type.value == "EVENT"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("tiến tới Hội nghị Ngoại giao lần thứ 31, Bộ", "Hội nghị Ngoại giao lần thứ 31"),
        ("Hội nghị Ngoại giao lần này được tổ chức", "Hội nghị Ngoại giao"),
        ("tổ chức Hội nghị triển khai nhiệm vụ năm 2022.", "Hội nghị triển khai nhiệm vụ năm 2022"),
        (
            "như Đại hội lần thứ 22 của Hội đồng Hòa bình Thế giới; có",
            "Đại hội lần thứ 22 của Hội đồng Hòa bình Thế giới",
        ),
        ("hoạt động (ACCSM 21) năm 2022", "ACCSM 21"),
        ("tổ chức chương trình Xuân quê hương 2021, đón tiếp", "Xuân quê hương 2021"),
        ("Phiên thứ nhất với chủ đề “75 năm Đối ngoại” đã", "75 năm Đối ngoại"),
        ("Bộ tổ chức Tọa đàm “Đối ngoại Đa phương Việt Nam” tại", "Đối ngoại Đa phương Việt Nam"),
    ],
)
def test_meeting_names(text: str, name: str) -> None:
    assert name in _events(text)


@pytest.mark.parametrize(
    "text",
    [
        "Tại Hội nghị, các đại biểu thảo luận.",
        "Hội nghị đã trao đổi nhiều phương hướng.",
        "Hội nghị Ngoại giao 31 với chủ đề “Ngoại giao Việt Nam tiên phong”",
        "tổ chức các Hội nghị quốc tế cả bằng hình thức trực tuyến",
    ],
)
def test_unnamed_meetings_and_themes_of_named_ones_are_not_names(text: str) -> None:
    found = _events(text)
    assert "Ngoại giao Việt Nam tiên phong" not in found
    assert not any(name in ("Hội nghị", "Hội nghị quốc tế") for name in found)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Viện tổ chức Hội thảo quốc tế “Biển và con người” tại Huế.", "Biển và con người"),
        ("Trường tổ chức hội thảo “Ngoại giao văn hóa” chiều qua.", "Ngoại giao văn hóa"),
        ("Hội thảo khoa học lần thứ 3 “Di sản và phát triển” khai mạc.", "Di sản và phát triển"),
    ],
)
def test_a_quoted_title_after_a_head_and_its_modifiers_is_the_name(text: str, name: str) -> None:
    found = _events(text)
    assert name in found
    assert not any(n.lower().startswith("hội thảo") for n in found)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "dự Khóa họp thường kỳ lần thứ 50 của Hội đồng Nhân quyền Liên hợp quốc tại Geneva.",
            "Khóa họp thường kỳ lần thứ 50 của Hội đồng Nhân quyền Liên hợp quốc",
        ),
        (
            "Khóa đào tạo về ngoại giao kinh tế năm 2024 khai mạc sáng nay.",
            "Khóa đào tạo về ngoại giao kinh tế năm 2024",
        ),
        (
            "Diễn đàn Hợp tác Việt Nam - Lào năm 2024 diễn ra tại Viêng Chăn.",
            "Diễn đàn Hợp tác Việt Nam - Lào năm 2024",
        ),
        (
            "Hội nghị lần thứ 27 các Bên tham gia Công ước khung của Liên hợp quốc diễn ra.",
            "Hội nghị lần thứ 27 các Bên tham gia Công ước khung của Liên hợp quốc",
        ),
    ],
)
def test_meeting_names_with_lower_case_words_then_a_number(text: str, name: str) -> None:
    assert name in _events(text)


def test_a_letters_and_digits_code_is_a_meeting_but_a_one_digit_channel_is_not() -> None:
    found = _events("Thủ tướng dự COP28 tại Dubai, phát biểu trên VOV5.")
    assert "COP28" in found
    assert "VOV5" not in found


def test_lower_case_words_then_a_verb_open_no_meeting_name() -> None:
    assert _events("Hội nghị thông qua Tuyên bố chung. Hội nghị đã bế mạc.") == set()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Sáng nay, Hội nghị tổng kết công tác hợp tác quốc tế năm 2025 đã diễn ra",
            "Hội nghị tổng kết công tác hợp tác quốc tế năm 2025",
        ),
        (
            "UBND tổ chức Hội nghị xúc tiến đầu tư nông nghiệp công nghệ cao tỉnh Long An",
            "Hội nghị xúc tiến đầu tư nông nghiệp công nghệ cao tỉnh Long An",
        ),
        ("chuẩn bị cho SEAMEO-47 tại Đà Nẵng", "SEAMEO-47"),
        (
            "dự Kỳ họp lần thứ 12 Ủy ban Liên chính phủ Việt Nam – Lào tại Viêng Chăn",
            "Kỳ họp lần thứ 12 Ủy ban Liên chính phủ Việt Nam – Lào",
        ),
        ("tổ chức sự kiện bên lề với chủ đề “Trẻ em và biển” chiều", "Trẻ em và biển"),
        ("khai mạc Lễ hội Việt Nam tại Paris năm nay", "Lễ hội Việt Nam tại Paris"),
    ],
)
def test_names_closed_by_year_place_body_or_theme(text: str, name: str) -> None:
    assert name in _events(text)


def test_a_building_named_after_meetings_is_no_meeting_name() -> None:
    assert not _events("Lễ ký kết diễn ra tại Trung tâm Hội nghị Quốc gia.")
    assert _events("Trung tâm tổ chức Hội nghị Quốc gia về nước sạch.")


@pytest.mark.parametrize(
    "text",
    [
        "Hội nghị được tổ chức vào năm 2025 tại Huế.",
        "phòng chống COVID-19 hiệu quả",
        "theo Nghị quyết số 130/2020/QH14 của Quốc hội",
    ],
)
def test_clauses_diseases_and_codes_are_no_meeting_names(text: str) -> None:
    found = _events(text)
    assert not any(n.endswith(("2025", "19", "QH14")) for n in found)


def test_lower_case_words_run_to_the_ordinal() -> None:
    text = "WEF tổ chức Hội nghị thường niên các nhà kinh tế lần thứ 9 tại Thiên Tân"
    assert "Hội nghị thường niên các nhà kinh tế lần thứ 9" in _events(text)


def test_a_count_of_years_is_not_an_edition_number() -> None:
    found = _events("Bộ tổ chức Lễ kỷ niệm 80 năm Ngày thành lập ngành Ngoại giao.")
    assert found == {"Lễ kỷ niệm 80 năm Ngày thành lập ngành Ngoại giao"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Bộ tổ chức Hội nghị lần thứ 28 Hội đồng Bộ trưởng về hợp tác kinh tế.",
            "Hội nghị lần thứ 28 Hội đồng Bộ trưởng về hợp tác kinh tế",
        ),
        (
            "Sở tổ chức Lễ kỷ niệm 50 năm thiết lập quan hệ ngoại giao Việt Nam – Nhật Bản.",
            "Lễ kỷ niệm 50 năm thiết lập quan hệ ngoại giao Việt Nam – Nhật Bản",
        ),
        (
            "Tối 2/9, Lễ kỷ niệm 30 năm quan hệ Việt Nam – Hàn Quốc diễn ra tại Seoul.",
            "Lễ kỷ niệm 30 năm quan hệ Việt Nam – Hàn Quốc",
        ),
        ("Chiều 1/6, Đối thoại Shangri-La lần thứ 21 khai mạc.", "Đối thoại Shangri-La lần thứ 21"),
        (
            "Bộ tổ chức Đối thoại chính sách về kinh tế số.",
            "Đối thoại chính sách về kinh tế số",
        ),
        (
            "Thủ tướng dự Hội nghị Thượng đỉnh các nhà lãnh đạo G20 tại Rio.",
            "Hội nghị Thượng đỉnh các nhà lãnh đạo G20",
        ),
        (
            "Bộ tổ chức Hội nghị Đại sứ, Trưởng Cơ quan đại diện Việt Nam ở nước ngoài lần thứ 32.",
            "Hội nghị Đại sứ, Trưởng Cơ quan đại diện Việt Nam ở nước ngoài lần thứ 32",
        ),
        (
            "Thủ tướng dự Hội nghị thượng đỉnh Đối tác vì tăng trưởng xanh và Mục tiêu toàn cầu"
            " 2030 (P4G) lần thứ 2.",
            "Hội nghị thượng đỉnh Đối tác vì tăng trưởng xanh và Mục tiêu toàn cầu 2030 (P4G)"
            " lần thứ 2",
        ),
        (
            "Bộ tổ chức Hội nghị Bộ trưởng Năng lượng ASEAN - Nhật Bản.",
            "Hội nghị Bộ trưởng Năng lượng ASEAN - Nhật Bản",
        ),
        (
            "Ngày 10/5, Hội thảo quốc tế về Biển Đông lần thứ 15 khai mạc tại Hà Nội.",
            "Hội thảo quốc tế về Biển Đông lần thứ 15",
        ),
    ],
)
def test_names_with_titles_plurals_years_and_editions_inside(text: str, name: str) -> None:
    assert name in _events(text)


@pytest.mark.parametrize(
    "text",
    [
        "Hội nghị Ngoại giao lần thứ 31, các đại biểu đã thảo luận lần thứ hai về dự thảo.",
        "Bộ tổ chức Hội nghị tổng kết tại Hà Nội lần thứ hai trong năm.",
    ],
)
def test_an_edition_after_a_clause_word_is_not_part_of_the_name(text: str) -> None:
    assert not any(n.endswith(("hai", "thảo")) for n in _events(text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Hội nghị Ban Chấp hành Hội A lần thứ 4 khóa VI đã diễn ra.",
            "Hội nghị Ban Chấp hành Hội A lần thứ 4 khóa VI",
        ),
        (
            "Hai bên đồng chủ trì Tham vấn chính trị cấp Thứ trưởng Việt Nam - Lào lần thứ 8.",
            "Tham vấn chính trị cấp Thứ trưởng Việt Nam - Lào lần thứ 8",
        ),
    ],
)
def test_a_term_after_the_edition_and_consultations_are_named(text: str, name: str) -> None:
    assert name in _events(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Ông dự Hội nghị Cấp cao đặc biệt kỷ niệm 50 năm quan hệ ASEAN - Úc tại Melbourne.",
            "Hội nghị Cấp cao đặc biệt kỷ niệm 50 năm quan hệ ASEAN - Úc",
        ),
        (
            "Đại sứ quán khai mạc Tuần lễ Văn hóa Việt Nam tại Ấn Độ năm 2024.",
            "Tuần lễ Văn hóa Việt Nam tại Ấn Độ năm 2024",
        ),
        (
            "Ủy ban tổ chức Hội nghị Ban Chấp hành lần thứ 3 nhiệm kỳ 2022-2027.",
            "Hội nghị Ban Chấp hành lần thứ 3 nhiệm kỳ 2022-2027",
        ),
    ],
)
def test_an_anniversary_or_a_term_after_the_name_belongs_to_it(text: str, name: str) -> None:
    assert name in _events(text)


def test_a_programme_held_is_named_by_its_quoted_title_a_policy_is_not() -> None:
    assert "Mùa hè xanh vì biển đảo" in _events(
        "Tỉnh đoàn đã tổ chức chương trình “Mùa hè xanh vì biển đảo” cho 200 sinh viên."
    )
    assert not _events("Bộ tiếp tục triển khai chương trình “Mỗi xã một sản phẩm” năm nay.")


def test_an_assembly_session_named_by_its_edition_code_is_one_event_name() -> None:
    assert "Đại hội đồng AIPA-46" in _events("bên lề Đại hội đồng AIPA-46 tại Kuala Lumpur, đoàn")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Hai bên thống nhất Diễn đàn lần thứ ba sẽ tổ chức tại Viêng Chăn.",
            "Diễn đàn lần thứ ba",
        ),
        ("Trước đó, Hội nghị lần thứ hai diễn ra tại Huế.", "Hội nghị lần thứ hai"),
        (
            "Tối 3/4, Tỉnh đoàn tổ chức chương trình giao lưu văn hóa “Sắc xuân biên giới” ở bản.",
            "Sắc xuân biên giới",
        ),
    ],
)
def test_a_bare_head_with_its_edition_and_a_held_programme_s_title_are_names(
    text: str, name: str
) -> None:
    assert name in _events(text)


def test_a_programme_carried_out_is_a_policy_not_a_named_activity() -> None:
    assert _events("Tỉnh triển khai chương trình hỗ trợ sinh kế “Nông thôn xanh” năm nay.") == set()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Sáng 8/1, Sở tổ chức Hội nghị tổng kết công tác năm 2024, triển khai nhiệm vụ năm "
            "2025 tại Huế.",
            "Hội nghị tổng kết công tác năm 2024, triển khai nhiệm vụ năm 2025",
        ),
        (
            "Theo Bộ trưởng, tại Hội nghị Thượng đỉnh G7 hồi tháng 5, các nước đã cam kết.",
            "Hội nghị Thượng đỉnh G7",
        ),
    ],
)
def test_a_review_runs_on_to_next_year_s_tasks_and_a_trailing_time_word_is_cut(
    text: str, name: str
) -> None:
    assert name in _events(text)


def test_a_review_year_followed_by_another_clause_closes_the_name() -> None:
    text = "Sáng 8/1, Sở tổ chức Hội nghị tổng kết công tác năm 2024, thu hút 200 đại biểu."
    assert "Hội nghị tổng kết công tác năm 2024" in _events(text)


def test_a_session_named_by_its_number_alone_is_a_name() -> None:
    text = "Sáng 4/6, Ủy ban Thường vụ Quốc hội tiến hành Phiên họp thứ 33 tại Nhà Quốc hội."
    assert "Phiên họp thứ 33" in _events(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Họ tổ chức Hội nghị lần thứ 9 giữa Bộ Tư pháp Việt Nam và Bộ Tư pháp Lào tại Huế.",
            "Hội nghị lần thứ 9 giữa Bộ Tư pháp Việt Nam và Bộ Tư pháp Lào",
        ),
        (
            "Tỉnh dự Hội nghị lần thứ 9 Nhóm công tác chung giữa các tỉnh biên giới.",
            "Hội nghị lần thứ 9 Nhóm công tác chung",
        ),
    ],
)
def test_a_numbered_meeting_runs_on_to_the_two_parties_it_is_held_between(
    text: str, name: str
) -> None:
    assert name in _events(text)
