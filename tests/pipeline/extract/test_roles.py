"""Tests for roles on synthetic sentences (mentions given, as a recognizer would give them)."""

from __future__ import annotations

import pytest

from daphuong.domain.extraction import ExtractedRole
from daphuong.pipeline.extract.roles import find_roles
from daphuong.pipeline.extract.tokens import tokenize
from daphuong.services.evaluation import project_gold_mentions

Triple = tuple[str, str, str]


def _roles(text: str, **types: list[str]) -> list[ExtractedRole]:
    gold = {"entities": [{"type": t, "text": n} for t, names in types.items() for n in names]}
    return find_roles(text, tokenize(text), project_gold_mentions(text, gold))


def _triples(roles: list[ExtractedRole]) -> set[Triple]:
    return {(r.person, r.title, r.org) for r in roles}


def test_title_before_name_with_ministry_named_by_the_title() -> None:
    text = "Sáng nay, Thứ trưởng Ngoại giao Nguyễn Văn An tiếp Đại sứ Nhật Bản."
    roles = _roles(text, PERSON=["Nguyễn Văn An"], LOCATION=["Nhật Bản"])
    assert _triples(roles) == {("Nguyễn Văn An", "Thứ trưởng", "Bộ Ngoại giao")}
    span = roles[0].mentions[0]
    assert text[span.start : span.end] == "Thứ trưởng Ngoại giao"


def test_apposition_gives_one_role_per_title() -> None:
    text = "Bà Trần Thị Bình, Ủy viên Trung ương Đảng, Trưởng ban Tuyên giáo Trung ương, phát biểu."
    roles = _roles(text, PERSON=["Trần Thị Bình"], ORG=["Trung ương Đảng"])
    assert _triples(roles) == {
        ("Trần Thị Bình", "Ủy viên Trung ương Đảng", ""),
        ("Trần Thị Bình", "Trưởng ban", "Ban Tuyên giáo Trung ương"),
    }


def test_org_after_title_is_taken_as_written_and_former_is_kept() -> None:
    text = "Có mặt ông Lê Minh Cường, nguyên Vụ trưởng Vụ Pháp chế, Bộ Tư pháp."
    roles = _roles(text, PERSON=["Lê Minh Cường"], ORG=["Vụ Pháp chế", "Bộ Tư pháp"])
    assert _triples(roles) == {("Lê Minh Cường", "Vụ trưởng", "Vụ Pháp chế")}
    assert roles[0].former is True


def test_combined_titles_each_give_a_role_with_the_shared_org() -> None:
    text = "Phó Chủ tịch kiêm Tổng Thư ký Hội Hữu nghị Việt Nam – Pháp Đỗ Thị Hoa trao quà."
    roles = _roles(text, PERSON=["Đỗ Thị Hoa"], ORG=["Hội Hữu nghị Việt Nam – Pháp"])
    assert _triples(roles) == {
        ("Đỗ Thị Hoa", "Phó Chủ tịch", "Hội Hữu nghị Việt Nam – Pháp"),
        ("Đỗ Thị Hoa", "Tổng Thư ký", "Hội Hữu nghị Việt Nam – Pháp"),
    }


def test_a_title_naming_a_minister_shares_no_org_with_a_unit_head() -> None:
    text = "Trợ lý Bộ trưởng kiêm Vụ trưởng Vụ Tổ chức Cán bộ Lê Văn Hùng dự."
    roles = _roles(text, PERSON=["Lê Văn Hùng"], ORG=["Vụ Tổ chức Cán bộ"])
    assert ("Lê Văn Hùng", "Trợ lý Bộ trưởng", "") in _triples(roles)


def test_military_ranks_are_not_roles() -> None:
    text = "Thiếu tướng Trần Văn Bình, Chỉ huy trưởng Bộ đội Biên phòng tỉnh, phát biểu."
    roles = _roles(text, PERSON=["Trần Văn Bình"], ORG=["Bộ đội Biên phòng tỉnh"])
    assert _triples(roles) == {("Trần Văn Bình", "Chỉ huy trưởng", "Bộ đội Biên phòng tỉnh")}


@pytest.mark.parametrize(
    "verb",
    ["hiện giữ chức", "được bầu làm", "đảm nhiệm cương vị", "tái đắc cử", "được bầu", "trúng cử"],
)
def test_a_holding_verb_links_the_person_to_the_title(verb: str) -> None:
    text = f"Ông Lê Văn Nam {verb} Chủ tịch Hội Hữu nghị Việt Nam – Lào."
    roles = _roles(text, PERSON=["Lê Văn Nam"], ORG=["Hội Hữu nghị Việt Nam – Lào"])
    assert _triples(roles) == {("Lê Văn Nam", "Chủ tịch", "Hội Hữu nghị Việt Nam – Lào")}


def test_acting_title_is_flagged_and_kept_as_written() -> None:
    text = "Quyền Giám đốc Sở Ngoại vụ Phạm Văn Dũng dự."
    roles = _roles(text, PERSON=["Phạm Văn Dũng"], ORG=["Sở Ngoại vụ"])
    assert len(roles) == 1 and roles[0].acting and roles[0].title == "Quyền Giám đốc"


def test_a_bare_repeat_of_an_acting_title_is_the_same_role() -> None:
    text = "Bà Đỗ Thu Hà, Quyền Cục trưởng Cục Lễ tân, cho biết. Cục trưởng Đỗ Thu Hà nói thêm."
    roles = _roles(text, PERSON=["Đỗ Thu Hà"], ORG=["Cục Lễ tân"])
    assert _triples(roles) == {("Đỗ Thu Hà", "Quyền Cục trưởng", "Cục Lễ tân")}


def test_ambassador_to_a_country_has_no_org() -> None:
    text = "Đại sứ Việt Nam tại Ai Cập Hoàng Văn Khánh cho biết"
    roles = _roles(text, PERSON=["Hoàng Văn Khánh"], LOCATION=["Việt Nam", "Ai Cập"])
    assert _triples(roles) == {("Hoàng Văn Khánh", "Đại sứ", "")}


def test_party_membership_title_takes_a_party_named_right_after() -> None:
    text = "Ủy viên Bộ Chính trị Đảng Nhân dân Cách mạng Lào Khamla Vongsa thăm Hà Nội."
    roles = _roles(
        text,
        PERSON=["Khamla Vongsa"],
        ORG=["Bộ Chính trị", "Đảng Nhân dân Cách mạng Lào"],
        LOCATION=["Hà Nội"],
    )
    assert _triples(roles) == {
        ("Khamla Vongsa", "Ủy viên Bộ Chính trị", "Đảng Nhân dân Cách mạng Lào")
    }


def test_member_of_a_standing_committee_names_the_committee_s_body() -> None:
    text = "ông Vương Đình Huy, Ủy viên Ban Thường vụ Tỉnh ủy Hà Tĩnh, dự lễ"
    roles = _roles(text, PERSON=["Vương Đình Huy"], ORG=["Tỉnh ủy Hà Tĩnh"])
    assert _triples(roles) == {("Vương Đình Huy", "Ủy viên Ban Thường vụ", "Tỉnh ủy Hà Tĩnh")}


def test_academic_ranks_and_generic_titles_are_not_roles() -> None:
    text = "Phó Giáo sư, Tiến sĩ Vũ Đức Long cùng các Đại sứ và phóng viên Lý Hà dự."
    assert _roles(text, PERSON=["Vũ Đức Long", "Lý Hà"]) == []


def test_short_reference_attaches_to_the_full_name() -> None:
    text = "Thứ trưởng Y tế Ngô Quang Xuân khai mạc. Phát biểu, Thứ trưởng Xuân nhấn mạnh."
    roles = _roles(text, PERSON=["Ngô Quang Xuân"])
    assert _triples(roles) == {("Ngô Quang Xuân", "Thứ trưởng", "Bộ Y tế")}
    assert len(roles[0].mentions) == 2


def test_head_of_delegation_after_lam() -> None:
    text = "Đoàn do ông Trịnh Văn Hải, Chủ tịch Liên hiệp, làm Trưởng đoàn đã đến."
    roles = _roles(text, PERSON=["Trịnh Văn Hải"], ORG=["Liên hiệp"])
    assert _triples(roles) == {
        ("Trịnh Văn Hải", "Chủ tịch", "Liên hiệp"),
        ("Trịnh Văn Hải", "Trưởng đoàn", ""),
    }


def test_a_list_of_people_keeps_each_title_with_its_person() -> None:
    text = (
        "Dự có bà Mai Thị Lan, Phó Chủ tịch Hội Nông dân và ông Đào Văn Hùng, "
        "Giám đốc Sở Công Thương."
    )
    roles = _roles(
        text, PERSON=["Mai Thị Lan", "Đào Văn Hùng"], ORG=["Hội Nông dân", "Sở Công Thương"]
    )
    assert _triples(roles) == {
        ("Mai Thị Lan", "Phó Chủ tịch", "Hội Nông dân"),
        ("Đào Văn Hùng", "Giám đốc", "Sở Công Thương"),
    }


def test_bare_repeat_of_a_title_is_dropped_when_the_org_was_given() -> None:
    text = "Bộ trưởng Bộ Xây dựng Kha Minh Tâm đến. Bộ trưởng Kha Minh Tâm nói."
    roles = _roles(text, PERSON=["Kha Minh Tâm"], ORG=["Bộ Xây dựng"])
    assert _triples(roles) == {("Kha Minh Tâm", "Bộ trưởng", "Bộ Xây dựng")}


def test_text_without_people_has_no_roles() -> None:
    assert _roles("Thứ trưởng nhấn mạnh vai trò của Chủ tịch ASEAN.") == []


@pytest.mark.parametrize(
    ("text", "person", "title", "org"),
    [
        (
            "Bà Anna Berg, Trưởng Đại diện thường trú UNICEF tại Việt Nam, phát biểu.",
            "Anna Berg",
            "Trưởng Đại diện thường trú",
            "UNICEF",
        ),
        (
            "Ông Lee Min-ho, Giám đốc quốc gia KOICA, cho biết.",
            "Lee Min-ho",
            "Giám đốc quốc gia",
            "KOICA",
        ),
        (
            "Ông Tom Reed, Trưởng Phái bộ IOM tại Lào, cho biết.",
            "Tom Reed",
            "Trưởng Phái bộ",
            "Phái bộ IOM tại Lào",
        ),
    ],
)
def test_qualified_titles_and_mission_heads(text: str, person: str, title: str, org: str) -> None:
    roles = _roles(text, PERSON=[person], ORG=[org])
    assert _triples(roles) == {(person, title, org)}


def test_titles_with_words_between_them_are_not_one_chain() -> None:
    text = "Đón Tổng Giám đốc WHO lần đầu sang thăm, Phó Thủ tướng Trần Văn Hải cảm ơn."
    roles = _roles(text, PERSON=["Trần Văn Hải"], ORG=["WHO"])
    assert _triples(roles) == {("Trần Văn Hải", "Phó Thủ tướng", "")}


def test_a_year_after_the_org_keeps_the_chain() -> None:
    text = "Bà Hồ Thu Lan - Cố vấn của Ủy ban ASEAN 2030, Phó Chủ tịch Hội Hữu nghị Việt - Lào dự."
    roles = _roles(text, PERSON=["Hồ Thu Lan"], ORG=["Ủy ban ASEAN", "Hội Hữu nghị Việt - Lào"])
    assert ("Hồ Thu Lan", "Phó Chủ tịch", "Hội Hữu nghị Việt - Lào") in _triples(roles)


@pytest.mark.parametrize(
    "text",
    [
        "Ông Lê Văn Nam, Giám đốc Sở Ngoại vụ, được bầu giữ chức Chủ tịch Hội Hữu nghị"
        " Việt Nam – Lào.",
        "Tại Đại hội, ông Lê Văn Nam được bầu giữ chức Chủ tịch Hội Hữu nghị Việt Nam – Lào"
        " khóa V.",
    ],
)
def test_elected_to_a_post_after_an_apposition(text: str) -> None:
    roles = _roles(text, PERSON=["Lê Văn Nam"], ORG=["Sở Ngoại vụ", "Hội Hữu nghị Việt Nam – Lào"])
    assert ("Lê Văn Nam", "Chủ tịch", "Hội Hữu nghị Việt Nam – Lào") in _triples(roles)


def test_an_abbreviation_between_the_org_and_the_name() -> None:
    text = "Tổng Giám đốc Tổ chức Nông Lương (FAO) Qu Dongyu phát biểu."
    roles = _roles(text, PERSON=["Qu Dongyu"], ORG=["Tổ chức Nông Lương", "FAO"])
    assert _triples(roles) == {("Qu Dongyu", "Tổng Giám đốc", "Tổ chức Nông Lương")}


def test_a_province_after_a_title_keeps_the_chain_to_truong_doan() -> None:
    text = (
        "Đoàn tỉnh Luang Prabang do ông Bounmy Phan, Phó Tỉnh trưởng tỉnh Luang Prabang làm"
        " Trưởng đoàn."
    )
    roles = _roles(text, PERSON=["Bounmy Phan"], LOCATION=["Luang Prabang"])
    assert ("Bounmy Phan", "Trưởng đoàn", "") in _triples(roles)


def test_a_term_after_a_title_keeps_the_chain() -> None:
    text = "Ông Lê Văn Hai, Phó Chủ tịch UBND tỉnh Bến Tre nhiệm kỳ 2021 - 2026, Trưởng Ban Chỉ đạo"
    roles = _roles(text + " tỉnh, phát biểu.", PERSON=["Lê Văn Hai"], ORG=["UBND tỉnh Bến Tre"])
    assert ("Lê Văn Hai", "Trưởng Ban", "Ban Chỉ đạo tỉnh") in _triples(roles)


def test_a_title_word_inside_a_place_name_opens_no_title() -> None:
    text = "Bộ trưởng Ngoại giao Hàn Quốc Vương Minh phát biểu tại hội nghị."
    roles = _roles(text, PERSON=["Vương Minh"], LOCATION=["Hàn Quốc"])
    assert _triples(roles) == {("Vương Minh", "Bộ trưởng", "Bộ Ngoại giao")}


@pytest.mark.parametrize(
    ("text", "person", "title"),
    [
        (
            "Thừa ủy quyền của Chủ tịch nước, Phó Chủ tịch nước Lê Thị Hoa trao Huân chương.",
            "Lê Thị Hoa",
            "Phó Chủ tịch nước",
        ),
        (
            "Theo Quyết định số 20/QĐ-CTN ngày 8/11/2025 của Chủ tịch nước, Đại sứ John Smith "
            "được tặng Huân chương.",
            "John Smith",
            "Đại sứ",
        ),
    ],
)
def test_an_office_acted_for_or_issuing_a_decision_is_not_the_next_person_s_title(
    text: str, person: str, title: str
) -> None:
    roles = _roles(
        text,
        PERSON=[person],
        LEGAL_DOC=["Quyết định số 20/QĐ-CTN"],
        DATE=["8/11/2025"],
    )
    assert _triples(roles) == {(person, title, "")}
