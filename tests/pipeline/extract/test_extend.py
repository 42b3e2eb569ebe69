"""Tests for how far a name runs after its head noun."""

from __future__ import annotations

from daphuong.pipeline.extract import gazetteer
from daphuong.pipeline.extract.extend import Extent, extend
from daphuong.pipeline.extract.scan import Doc


def _run(text: str, start: int, rule: Extent | None = None) -> str:
    doc = Doc.build(text, gazetteer.load())
    end = extend(doc, start, rule)
    return " ".join(t.text for t in doc.tokens[start:end])


def test_a_place_closes_an_organisation_name() -> None:
    assert _run("Ủy ban Hòa bình Việt Nam nhân kỷ niệm", 2) == "Hòa bình Việt Nam"


def test_and_joins_words_of_one_name_but_not_two_bodies() -> None:
    assert _run("Bộ Kế hoạch và Đầu tư, Bộ Y tế", 1) == "Kế hoạch và Đầu tư"
    assert _run("Bộ Ngoại giao và Hội Nhà văn", 1) == "Ngoại giao"


def test_meeting_names_keep_ordinals_and_the_convening_body() -> None:
    rule = Extent(event=True)
    assert _run("Đại hội XIII của Đảng tiếp tục", 2, rule) == "XIII của Đảng"
    assert _run("Đại hội Đảng lần thứ XIII về “tiếp tục”", 2, rule) == "Đảng lần thứ XIII"


def test_missions_continue_with_their_place() -> None:
    text = "Phái bộ của Liên hợp quốc tại Yemen, tổ chức"
    assert _run(text, 2, Extent(mission=True)) == "của Liên hợp quốc tại Yemen"


def test_a_local_body_runs_through_a_district_no_list_holds() -> None:
    assert _run("Chủ tịch UBND huyện Mường Tè tiếp đoàn", 3) == "huyện Mường Tè"
    assert _run("Chủ tịch UBND huyện Nguyễn Văn An tiếp đoàn", 3) == "huyện"


def test_a_run_of_foreign_words_continues_a_name() -> None:
    assert _run("Tổ chức Good Neighbors International tài trợ", 2) == "Good Neighbors International"


def test_an_acronym_closes_a_name_before_a_lower_case_verb() -> None:
    assert _run("Phó Chủ tịch Hội LHPN phát biểu khai mạc", 4) == "LHPN"
    assert _run("Chủ tịch Ủy ban MTTQ tỉnh Bắc Ninh dự lễ", 4) == "MTTQ tỉnh Bắc Ninh"
    rule = Extent(event=True)  # a meeting's number goes on after its acronym
    assert _run("Hội nghị SOM APEC lần thứ 2 bế mạc", 2, rule) == "SOM APEC lần thứ 2"


def test_a_working_groups_subject_after_ve_continues_its_name() -> None:
    assert (
        _run("Nhóm Công tác ASEAN về bình đẳng giới họp", 1) == "Công tác ASEAN về bình đẳng giới"
    )


def test_a_known_body_opening_the_name_closes_it() -> None:
    text = "Bộ Ngoại giao gắn kết các địa phương"
    doc = Doc.build(text, gazetteer.load())
    known = doc.name_at(0)[0]
    end = extend(doc, 1, None, known)
    assert " ".join(t.text for t in doc.tokens[0:end]) == "Bộ Ngoại giao"


def test_a_comma_inside_a_bodys_subject_before_the_parties_names() -> None:
    text = "Ủy ban Hỗn hợp về hợp tác nông nghiệp, thủy sản Việt Nam – Chile họp tại Hà Nội"
    assert _run(text, 2) == "Hỗn hợp về hợp tác nông nghiệp , thủy sản Việt Nam – Chile"
    assert _run("Ủy ban về hợp tác kinh tế, đồng thời họp", 2) == "về hợp tác kinh tế"
