"""Tests for event phrasing families on sentences written for them (mentions given)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from daphuong.pipeline.extract.events import find_events
from daphuong.pipeline.extract.tokens import tokenize
from daphuong.services.evaluation import project_gold_mentions


def _events(text: str, published: dt.date | None = None, **types: list[str]) -> list[Any]:
    gold = {"entities": [{"type": t, "text": n} for t, names in types.items() for n in names]}
    found = find_events(
        text, tokenize(text), project_gold_mentions(text, gold), published=published
    )
    return [(e.kind, e.date, e.name) for e in found]


def test_an_invitation_is_a_noun_not_a_verb_subordinating_the_visit() -> None:
    text = (
        "Đoàn đại biểu Hội Hữu nghị Mông Cổ – Việt Nam, đáp lời mời của Hội Hữu nghị "
        "Việt Nam – Mông Cổ, thăm và làm việc tại Việt Nam từ ngày 3 đến 7/4."
    )
    orgs = ["Hội Hữu nghị Việt Nam – Mông Cổ", "Hội Hữu nghị Mông Cổ – Việt Nam"]
    assert _events(text, ORG=orgs, LOCATION=["Việt Nam"], DATE=["3 đến 7/4"]) == [
        ("chuyến thăm", "--04-03", "")
    ]


def test_touring_an_exhibition_that_day_is_an_activity_named_by_its_title() -> None:
    text = (
        "Sáng 14/9, Bộ Văn hóa tổ chức lễ khai mạc Tuần phim Ấn Độ. "
        "Nhân dịp này, khách mời tham quan triển lãm ảnh “Sắc màu Ấn Độ” tại sảnh rạp."
    )
    events = _events(text, DATE=["14/9"], ORG=["Bộ Văn hóa"], EVENT=["Sắc màu Ấn Độ"])
    assert ("khác", "--09-14", "Sắc màu Ấn Độ") in events


def test_a_day_still_to_come_is_not_the_day_a_later_same_day_report_refers_to() -> None:
    text = (
        "Chiều 6/3, Bộ trưởng Lê Văn An tiếp Đại sứ Pháp. Đại sứ cho biết ngày 20/3 tới, "
        "Ủy ban liên chính phủ sẽ họp tại Paris. "
        "Sáng cùng ngày, Bộ trưởng Lê Văn An đã hội kiến Tổng Giám đốc UNESCO."
    )
    events = _events(
        text, DATE=["6/3", "20/3"], PERSON=["Lê Văn An"], ORG=["UNESCO"], LOCATION=["Paris"]
    )
    assert [e for e in events if e[0] == "cuộc gặp"] == [
        ("cuộc gặp", "--03-06", ""),
        ("cuộc gặp", "--03-06", ""),
    ]


def test_a_same_day_sentence_with_no_meeting_word_reports_an_activity_on_that_day() -> None:
    text = (
        "Sáng 9/11, tại Cần Thơ, Hội Hữu nghị Việt Nam – Hà Lan tổ chức hội thảo về nước. "
        "Cùng ngày, các đại biểu khảo sát mô hình trữ nước ngọt tại huyện Phong Điền. "
        "Buổi tối, Hội Hữu nghị Việt Nam – Hà Lan tổ chức chương trình giao lưu "
        "“Dòng sông kết nối” tại bến Ninh Kiều."
    )
    events = _events(
        text,
        DATE=["9/11"],
        LOCATION=["Cần Thơ", "Phong Điền"],
        ORG=["Hội Hữu nghị Việt Nam – Hà Lan"],
        EVENT=["Dòng sông kết nối"],
    )
    assert events == [
        ("hội thảo", "--11-09", ""),
        ("khác", "--11-09", ""),
        ("khác", "--11-09", "Dòng sông kết nối"),
    ]


def test_an_award_handed_over_on_the_occasion_is_part_of_the_meeting() -> None:
    text = (
        "Chiều 2/12, Liên hiệp các tổ chức hữu nghị tỉnh Huế gặp mặt các tình nguyện viên "
        "quốc tế. Dịp này, Liên hiệp trao bằng khen cho 12 tình nguyện viên."
    )
    events = _events(text, DATE=["2/12"], ORG=["Liên hiệp các tổ chức hữu nghị tỉnh Huế"])
    assert events == [("cuộc gặp", "--12-02", "")]


def test_a_scheduled_meeting_past_its_short_form_and_host_aside_is_an_event_ahead() -> None:
    text = (
        "APPF-33 sẽ khai mạc tại Hà Nội\n"
        "Chiều 20/8, Chủ tịch Quốc hội tiếp Đoàn Nghị viện Fiji. Hai bên trao đổi về công tác "
        "chuẩn bị cho Hội nghị thường niên Diễn đàn Nghị viện châu Á – Thái Bình Dương lần "
        "thứ 33 (APPF-33), do Quốc hội Việt Nam đăng cai, dự kiến diễn ra tại Hà Nội từ ngày "
        "12 đến 15/1."
    )
    found = find_events(
        text,
        tokenize(text),
        project_gold_mentions(
            text,
            {
                "entities": [
                    {"type": "DATE", "text": "20/8"},
                    {"type": "DATE", "text": "12 đến 15/1"},
                    {"type": "ORG", "text": "Quốc hội Việt Nam"},
                    {"type": "ORG", "text": "Quốc hội"},
                    {"type": "LOCATION", "text": "Hà Nội"},
                    {
                        "type": "EVENT",
                        "text": "Hội nghị thường niên Diễn đàn Nghị viện châu Á – Thái Bình "
                        "Dương lần thứ 33",
                    },
                    {"type": "EVENT", "text": "APPF-33"},
                ]
            },
        ),
        published=dt.date(2025, 8, 21),
    )
    meeting = [e for e in found if e.kind == "hội nghị"]
    assert [(e.date, e.organizers) for e in meeting] == [("2026-01-12", ["Quốc hội Việt Nam"])]
    assert len(found) == 2  # the headline's short form is that meeting, not another event


def test_a_meeting_name_with_a_comma_inside_is_still_reported_by_the_verb_after_it() -> None:
    name = "Khóa họp lần thứ 9 Ủy ban liên chính phủ về hợp tác văn hóa, giáo dục Việt Nam – Chile"
    text = f"Bộ trưởng cho biết ngày 12/11 tới, {name} sẽ diễn ra tại Santiago."
    events = _events(text, dt.date(2024, 10, 3), DATE=["12/11"], EVENT=[name])
    assert events == [("phiên họp", "2024-11-12", name)]


def test_a_cohost_set_off_inside_the_subject_is_an_organizer() -> None:
    text = (
        "Sáng 8/5, Sở Ngoại vụ tỉnh Bình Định, với sự phối hợp của Hội Hữu nghị Việt Nam – "
        "Hàn Quốc tỉnh, tổ chức Hội thảo về hợp tác địa phương."
    )
    orgs = ["Sở Ngoại vụ tỉnh Bình Định", "Hội Hữu nghị Việt Nam – Hàn Quốc tỉnh"]
    found = find_events(
        text,
        tokenize(text),
        project_gold_mentions(
            text,
            {
                "entities": [{"type": "DATE", "text": "8/5"}]
                + [{"type": "ORG", "text": o} for o in orgs]
            },
        ),
    )
    assert [e.organizers for e in found] == [orgs]


def test_a_visit_framing_a_meeting_with_its_own_span_took_place_too() -> None:
    text = (
        "Trong khuôn khổ chuyến thăm chính thức Ấn Độ từ ngày 5 đến 8/2, sáng 6/2, tại New "
        "Delhi, Phó Thủ tướng Trần Hồng Hà đã hội đàm với Bộ trưởng Ngoại giao Ấn Độ."
    )
    events = _events(
        text, DATE=["5 đến 8/2", "6/2"], LOCATION=["Ấn Độ", "New Delhi"], PERSON=["Trần Hồng Hà"]
    )
    assert events == [("chuyến thăm", "--02-05", ""), ("cuộc gặp", "--02-06", "")]


def test_a_named_week_framing_earlier_activities_with_its_own_span_is_an_event() -> None:
    text = (
        "Chiều 3/10, Đại sứ quán tổ chức hội thảo về du lịch. Hoạt động này nằm trong khuôn "
        "khổ Tuần lễ Việt Nam tại Praha diễn ra từ ngày 1 đến 7/10."
    )
    events = _events(text, DATE=["3/10", "1 đến 7/10"], EVENT=["Tuần lễ Việt Nam tại Praha"])
    assert ("khác", "--10-01", "Tuần lễ Việt Nam tại Praha") in events


def test_a_framing_visit_without_its_own_span_only_frames() -> None:
    text = (
        "Trong khuôn khổ chuyến thăm, chiều 6/2, Phó Thủ tướng Trần Hồng Hà đã tiếp lãnh đạo "
        "Tập đoàn Tata."
    )
    events = _events(text, DATE=["6/2"], PERSON=["Trần Hồng Hà"])
    assert events == [("cuộc gặp", "--02-06", "")]


def test_opening_a_training_class_and_joining_a_rally_are_reported_events() -> None:
    text = (
        "Từ ngày 12 đến 14/6, tại Cần Thơ, Ban Tuyên giáo mở lớp bồi dưỡng nghiệp vụ cho 80 "
        "cán bộ. Cũng trong dịp này, các học viên tham gia mít tinh kỷ niệm Ngày Môi trường "
        "thế giới."
    )
    events = _events(text, DATE=["12 đến 14/6"], LOCATION=["Cần Thơ"], ORG=["Ban Tuyên giáo"])
    assert events == [("tập huấn", "--06-12", ""), ("lễ", "--06-12", "")]


def test_speaking_at_an_open_debate_refers_to_it_and_widening_ties_opens_nothing() -> None:
    text = (
        "Ngày 10/3, Hội đồng Bảo an tổ chức phiên thảo luận mở về an ninh lương thực. "
        "Phát biểu tại phiên thảo luận mở, Đại sứ đề nghị mở rộng hợp tác và mở ra các diễn "
        "đàn mới."
    )
    events = _events(text, DATE=["10/3"], ORG=["Hội đồng Bảo an"])
    assert events == [("phiên họp", "--03-10", "")]


def test_the_end_of_a_session_s_span_does_not_date_another_session() -> None:
    text = (
        "Sáng 4/12, HĐND tỉnh Bình Định khai mạc Kỳ họp thứ 9. Kỳ họp diễn ra trong 3 ngày, "
        "đến hết ngày 6/12."
    )
    events = _events(text, DATE=["4/12", "6/12"], ORG=["HĐND tỉnh Bình Định"])
    assert [(k, d) for k, d, _ in events] == [("phiên họp", "--12-04")]


def test_a_span_written_as_two_full_dates_dates_the_visit_by_its_first_day() -> None:
    text = (
        "Từ ngày 5/10 đến ngày 8/10, Đoàn đại biểu Hội Hữu nghị Việt Nam – Hungary đã thăm "
        "và làm việc tại Hungary."
    )
    events = _events(
        text,
        DATE=["5/10", "8/10"],
        ORG=["Hội Hữu nghị Việt Nam – Hungary"],
        LOCATION=["Hungary"],
    )
    assert events == [("chuyến thăm", "--10-05", "")]


def test_an_also_that_day_opening_adds_another_meeting_of_the_same_kind() -> None:
    text = (
        "Chiều 19/3, Phó Thủ tướng Lê Văn An tiếp Bộ trưởng Thương mại Singapore. "
        "Cũng trong ngày 19/3, Bộ trưởng Singapore đã làm việc với Bộ Công Thương."
    )
    events = _events(text, DATE=["19/3"], PERSON=["Lê Văn An"], ORG=["Bộ Công Thương"])
    assert events == [("cuộc gặp", "--03-19", ""), ("cuộc gặp", "--03-19", "")]


def test_a_dated_or_same_day_statement_is_reported_speech_not_an_activity() -> None:
    text = (
        "Chiều 16/1, Thứ trưởng Lê Văn An tiếp Đại sứ Ai Cập. Cùng ngày, Người Phát ngôn "
        "Bộ Ngoại giao Phạm Thu Hà cho biết Việt Nam hoan nghênh thỏa thuận. Ngày 17/1, "
        "Bộ Ngoại giao Ai Cập khẳng định sẽ hỗ trợ người dân."
    )
    events = _events(
        text,
        DATE=["16/1", "17/1"],
        PERSON=["Lê Văn An", "Phạm Thu Hà"],
        ORG=["Bộ Ngoại giao", "Bộ Ngoại giao Ai Cập"],
        LOCATION=["Việt Nam"],
    )
    assert events == [("cuộc gặp", "--01-16", "")]
