"""Tests for meeting names closed by their topic or by the document they spread."""

from __future__ import annotations

import pytest

from daphuong.pipeline.extract import gazetteer
from daphuong.pipeline.extract.event_topics import (
    anniversary_end,
    edition_end,
    spreads_document,
    topic_end,
)
from daphuong.pipeline.extract.extractor import extract
from daphuong.pipeline.extract.scan import Doc


def _entities(text: str, kind: str) -> set[str]:
    return {e.text for e in extract(text, "t").entities if e.type.value == kind}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Sáng 12/3, tại Hà Nội diễn ra Hội nghị quốc tế lần thứ III về hợp tác giữa Việt Nam"
            " và các đối tác phát triển, các tổ chức quốc tế vì mục tiêu bền vững.",
            "Hội nghị quốc tế lần thứ III về hợp tác giữa Việt Nam và các đối tác phát triển,"
            " các tổ chức quốc tế vì mục tiêu bền vững",
        ),
        (
            "Chiều 5/9, Bộ Công Thương tổ chức Hội thảo về thúc đẩy xuất khẩu nông sản sang thị"
            " trường châu Âu tại Cần Thơ.",
            "Hội thảo về thúc đẩy xuất khẩu nông sản sang thị trường châu Âu",
        ),
        (
            "Ngày 8/4, Việt Nam sẽ chủ trì Phiên thảo luận về vai trò của phụ nữ trong gìn giữ"
            " hòa bình.",
            "Phiên thảo luận về vai trò của phụ nữ trong gìn giữ hòa bình",
        ),
        (
            "Ngày 2/10, tỉnh tổ chức Hội nghị tổng kết về công tác thông tin đối ngoại, với sự"
            " tham gia của 200 đại biểu.",
            "Hội nghị tổng kết về công tác thông tin đối ngoại",
        ),
        ("Hội nghị phổ biến về công tác bảo hộ công dân ở nước ngoài", None),
        (
            "Hôm nay, thành phố tổ chức Hội thảo về phát triển khoa học, công nghệ và đổi mới"
            " sáng tạo.",  # a list's comma and 'sáng tạo' (not a morning) stay in the topic
            "Hội thảo về phát triển khoa học, công nghệ và đổi mới sáng tạo",
        ),
        (
            "Tỉnh tổ chức Hội thảo về phát triển du lịch bền vững sáng 12/5 tại Huế.",
            "Hội thảo về phát triển du lịch bền vững",
        ),
    ],
)
def test_a_capitalised_head_runs_through_its_topic(text: str, name: str | None) -> None:
    expected = name or text  # a headline: the whole line is the name
    assert expected in _entities(text, "EVENT")


@pytest.mark.parametrize(
    "text",
    [
        "Hội nghị về an ninh lương thực đã diễn ra tại Rome trong hai ngày.",  # capital by place
        "Tại Hội thảo các đại biểu cùng thảo luận về vị trí của phụ nữ trong kinh tế số.",
        "Chiều 4/4, sở tổ chức hội nghị về công tác lãnh sự.",  # lower-case: a description
    ],
)
def test_no_topic_name_after_a_sentence_opening_head_or_a_subject(text: str) -> None:
    assert not any("về" in e for e in _entities(text, "EVENT"))


@pytest.mark.parametrize(
    ("text", "name", "document"),
    [
        (
            "Chiều 17/10, Đảng ủy Bộ Tư pháp tổ chức Hội nghị quán triệt, triển khai Nghị quyết"
            " số 57-NQ/TW của Bộ Chính trị về đột phá phát triển khoa học.",
            "Hội nghị quán triệt, triển khai Nghị quyết số 57-NQ/TW của Bộ Chính trị về đột phá"
            " phát triển khoa học",
            "Nghị quyết số 57-NQ/TW",
        ),
        (
            "Sáng 3/4, Sở Ngoại vụ tổ chức Hội nghị sơ kết 5 năm thực hiện Chỉ thị 25 về đối"
            " ngoại đa phương.",
            "Hội nghị sơ kết 5 năm thực hiện Chỉ thị 25 về đối ngoại đa phương",
            "Chỉ thị 25",
        ),
    ],
)
def test_a_meeting_spreading_a_document_names_it_and_lists_it(
    text: str, name: str, document: str
) -> None:
    assert name in _entities(text, "EVENT")
    assert document in _entities(text, "LEGAL_DOC")


def test_the_topic_is_not_read_into_a_clause_or_a_quote() -> None:
    text = "tổ chức Hội thảo về “Kinh tế xanh” tại Huế"
    doc = Doc.build(text, gazetteer.load())
    assert topic_end(doc, 2, 4, 4) == 4  # the quoted title names it (event_names)
    assert not spreads_document(doc, 4)


def _end_text(text: str, head: str, end_of: str) -> str:
    doc = Doc.build(text, gazetteer.load())
    head_end = next(i for i, t in enumerate(doc.tokens) if t.text == head) + 1
    end = anniversary_end(doc, head_end) if end_of == "years" else edition_end(doc, head_end)
    return text[doc.tokens[0].start : doc.tokens[end - 1].end]


@pytest.mark.parametrize(
    ("text", "head", "end_of", "name"),
    [
        (
            "Lễ kỷ niệm 75 năm Ngày Quốc khánh diễn ra",
            "niệm",
            "years",
            "Lễ kỷ niệm 75 năm Ngày Quốc khánh",
        ),
        ("Lễ kỷ niệm 5 năm, sáng nay", "niệm", "years", "Lễ kỷ niệm"),
        (
            "Lễ kỷ niệm 30 năm quan hệ Việt Nam – Chile và trao tặng kỷ niệm chương",
            "niệm",
            "years",
            "Lễ kỷ niệm 30 năm quan hệ Việt Nam – Chile",
        ),
        (
            "Lễ kỷ niệm 30 năm hợp tác giữa Việt Nam và các tổ chức quốc tế diễn ra",
            "niệm",
            "years",
            "Lễ kỷ niệm 30 năm hợp tác giữa Việt Nam và các tổ chức quốc tế",
        ),
        (
            "Hội nghị Đại sứ, Trưởng Cơ quan đại diện lần thứ 32.",
            "nghị",
            "edition",
            "Hội nghị Đại sứ, Trưởng Cơ quan đại diện lần thứ 32",
        ),
        (
            "Hội nghị Đối tác (P4G) lần thứ 2 tại",
            "nghị",
            "edition",
            "Hội nghị Đối tác (P4G) lần thứ 2",
        ),
        ("Hội nghị ABC được tổ chức lần thứ 2", "nghị", "edition", "Hội nghị"),
    ],
)
def test_names_closed_by_their_years_or_edition(
    text: str, head: str, end_of: str, name: str
) -> None:
    assert _end_text(text, head, end_of) == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Chiều 4/6, Bộ Công Thương tổ chức Hội nghị xúc tiến về hợp tác đầu tư, du lịch "
            "giữa Việt Nam và Ấn Độ tại Hà Nội.",
            "Hội nghị xúc tiến về hợp tác đầu tư, du lịch giữa Việt Nam và Ấn Độ",
        ),
        (
            "Sáng 2/10, Thành ủy Hải Phòng tổ chức Hội nghị quán triệt Chỉ thị số 05-CT/TW về "
            "đẩy mạnh, nâng cao chất lượng công tác dân vận trong tình hình mới.",
            "Hội nghị quán triệt Chỉ thị số 05-CT/TW về đẩy mạnh, nâng cao chất lượng công tác "
            "dân vận trong tình hình mới",
        ),
        (
            "Ngày 9/5, Hội đồng Hòa bình Việt Nam tổ chức Tọa đàm về quan hệ với các phong "
            "trào hòa bình châu Âu.",
            "Tọa đàm về quan hệ với các phong trào hòa bình châu Âu",
        ),
        (
            "Ngày 1/7, Ban Dân vận tổ chức Hội thảo về phát huy vai trò của nhân dân trong "
            "xây dựng nông thôn mới.",
            "Hội thảo về phát huy vai trò của nhân dân trong xây dựng nông thôn mới",
        ),
    ],
)
def test_a_topic_runs_on_past_listed_sectors_policy_verbs_and_nouns_of_clause_words(
    text: str, name: str
) -> None:
    assert name in _entities(text, "EVENT")


def test_a_comma_before_another_clause_still_ends_the_topic() -> None:
    text = "Sáng 3/3, Hội tổ chức Hội thảo về giáo dục nghề nghiệp, thu hút 200 đại biểu."
    assert "Hội thảo về giáo dục nghề nghiệp" in _entities(text, "EVENT")
