"""Tests for events on synthetic reports (mentions given, as a recognizer would give them)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from daphuong.domain.document import Segment
from daphuong.pipeline.extract.events import find_events
from daphuong.pipeline.extract.tokens import tokenize
from daphuong.services.evaluation import project_gold_mentions


def _events(
    text: str,
    published: dt.date | None = None,
    clutter: tuple[Segment, ...] = (),
    **types: list[str],
) -> list[dict[str, Any]]:
    gold = {"entities": [{"type": t, "text": n} for t, names in types.items() for n in names]}
    mentions = project_gold_mentions(text, gold)
    found = find_events(text, tokenize(text), mentions, published=published, clutter=clutter)
    return [
        {k: v for k, v in e.to_json().items() if k not in ("mentions", "confidence")} for e in found
    ]


def test_organized_workshop_with_quoted_title_date_and_organizer() -> None:
    text = (
        "Chiều 12/6, Hội Hữu nghị Việt Nam – Ba Lan tổ chức Hội thảo "
        "“Hợp tác giáo dục Việt Nam – Ba Lan”."
    )
    events = _events(
        text,
        DATE=["12/6"],
        ORG=["Hội Hữu nghị Việt Nam – Ba Lan"],
        EVENT=["Hợp tác giáo dục Việt Nam – Ba Lan"],
    )
    assert events == [
        {
            "kind": "hội thảo",
            "name": "Hợp tác giáo dục Việt Nam – Ba Lan",
            "date": "--06-12",
            "organizers": ["Hội Hữu nghị Việt Nam – Ba Lan"],
            "chairs": [],
        }
    ]


def test_repeated_reports_merge_and_collect_organizers_and_chairs() -> None:
    text = (
        "Ngày 3/5, tại Đà Nẵng diễn ra Hội nghị xúc tiến đầu tư năm 2024. "
        "Hội nghị do Bộ Ngoại giao và Ủy ban nhân dân thành phố Đà Nẵng phối hợp tổ chức. "
        "Thứ trưởng Ngoại giao Lâm Văn Phúc chủ trì hội nghị. "
        "Tại hội nghị, các đại biểu thảo luận sôi nổi."
    )
    events = _events(
        text,
        DATE=["3/5"],
        LOCATION=["Đà Nẵng"],
        ORG=["Bộ Ngoại giao", "Ủy ban nhân dân thành phố Đà Nẵng"],
        EVENT=["Hội nghị xúc tiến đầu tư năm 2024"],
        PERSON=["Lâm Văn Phúc"],
    )
    assert events == [
        {
            "kind": "hội nghị",
            "name": "Hội nghị xúc tiến đầu tư năm 2024",
            "date": "2024-05-03",
            "organizers": ["Bộ Ngoại giao", "Ủy ban nhân dân thành phố Đà Nẵng"],
            "chairs": ["Lâm Văn Phúc"],
        }
    ]


def test_chairs_after_su_chu_tri_cua_stop_at_the_clause() -> None:
    text = (
        "Sáng 9/9, Sở Ngoại vụ tổ chức tọa đàm dưới sự chủ trì của ông Đinh Công Sơn "
        "và có sự tham gia của bà Lục Thị Mai."
    )
    events = _events(
        text, DATE=["9/9"], ORG=["Sở Ngoại vụ"], PERSON=["Đinh Công Sơn", "Lục Thị Mai"]
    )
    assert [(e["kind"], e["chairs"]) for e in events] == [("tọa đàm", ["Đinh Công Sơn"])]


def test_visits_and_meetings_from_verbs() -> None:
    text = (
        "Ngày 3/10, Đoàn đại biểu Hội Nông dân Lào thăm tỉnh Nghệ An. "
        "Ngày 4/10, ông Hồ Văn Kiên tiếp Đoàn tại trụ sở tỉnh."
    )
    events = _events(
        text,
        DATE=["3/10", "4/10"],
        ORG=["Hội Nông dân Lào"],
        LOCATION=["Nghệ An"],
        PERSON=["Hồ Văn Kiên"],
    )
    assert [(e["kind"], e["date"]) for e in events] == [
        ("chuyến thăm", "--10-03"),
        ("cuộc gặp", "--10-04"),
    ]
    assert all(e["organizers"] == [] and e["chairs"] == [] for e in events)


def test_words_that_only_look_like_meetings_are_not_events() -> None:
    text = (
        "Các hội thảo chuyên đề tiếp tục được quan tâm. Nhiều địa phương gặp khó khăn, "
        "hàng năm tổ chức hội nghị sơ kết. Đại sứ quán tiếp nhận hồ sơ trực tiếp."
    )
    assert _events(text) == []


def test_a_habitual_adverbial_blocks_the_sentence_but_a_modifier_only_undated_reports() -> None:
    assert _events("Hằng năm, Sở Ngoại vụ tổ chức hội nghị về kiều bào.", ORG=["Sở Ngoại vụ"]) == []
    assert _events("Theo thông lệ, định kỳ, tỉnh tổ chức gặp mặt kiều bào.") == []
    assert _events("Sở Ngoại vụ tổ chức hội nghị giao ban định kỳ.", ORG=["Sở Ngoại vụ"]) == []
    dated = "Sáng 5/3, Sở Ngoại vụ tổ chức hội nghị giao ban định kỳ với các đại sứ quán."
    events = _events(dated, DATE=["5/3"], ORG=["Sở Ngoại vụ"])
    assert [(e["kind"], e["date"]) for e in events] == [("hội nghị", "--03-05")]


def test_planned_meetings_need_a_date() -> None:
    undated = "Bộ Ngoại giao sẽ tổ chức hội nghị về công tác lãnh sự."
    dated = "Ngày 20/11, Bộ Ngoại giao sẽ tổ chức hội nghị về công tác lãnh sự."
    assert _events(undated, ORG=["Bộ Ngoại giao"]) == []
    assert [e["date"] for e in _events(dated, DATE=["20/11"], ORG=["Bộ Ngoại giao"])] == ["--11-20"]


def test_event_named_in_passing_is_not_reported() -> None:
    text = "Ngày 2/2, Ban Kinh tế tổ chức tọa đàm tiến tới Đại hội Đảng bộ tỉnh lần thứ XX."
    events = _events(
        text,
        DATE=["2/2"],
        ORG=["Ban Kinh tế"],
        EVENT=["Đại hội Đảng bộ tỉnh lần thứ XX"],
    )
    assert [e["kind"] for e in events] == ["tọa đàm"]


def test_year_comes_from_the_sentence_before_the_date_line() -> None:
    text = "Ngày 12/4, Sở Ngoại vụ tổ chức hội nghị tổng kết công tác năm 2023."
    events = _events(text, published=dt.date(2025, 1, 5), DATE=["12/4"], ORG=["Sở Ngoại vụ"])
    assert events[0]["date"] == "2023-04-12"
    plain = "Ngày 12/4, Sở Ngoại vụ tổ chức hội nghị tổng kết công tác."
    events = _events(plain, published=dt.date(2025, 5, 5), DATE=["12/4"], ORG=["Sở Ngoại vụ"])
    assert events[0]["date"] == "2025-04-12"


def test_dated_opening_sentence_reports_another_activity() -> None:
    text = "Hôm 7/7, Hội đồng Bảo an bỏ phiếu thông qua nghị quyết mới."
    events = _events(text, DATE=["7/7"], ORG=["Hội đồng Bảo an"])
    assert [(e["kind"], e["date"]) for e in events] == [("khác", "--07-07")]


def test_later_reference_settles_the_kind_of_an_activity() -> None:
    text = (
        "Sáng 1/6, Liên hiệp tổ chức giao lưu hữu nghị với thiếu nhi. "
        "Phát biểu tại buổi lễ, ông Tạ Quang Vinh cảm ơn các nhà tài trợ."
    )
    events = _events(text, DATE=["1/6"], ORG=["Liên hiệp"], PERSON=["Tạ Quang Vinh"])
    assert [(e["kind"], e["organizers"]) for e in events] == [("lễ", ["Liên hiệp"])]


def test_headline_joins_the_body_event_and_gives_its_organizer() -> None:
    text = (
        "Hội Cựu chiến binh tổ chức gặp mặt các thế hệ hội viên\n"
        "Đông đảo hội viên đã tham dự buổi gặp mặt."
    )
    events = _events(text, ORG=["Hội Cựu chiến binh"])
    assert [(e["kind"], e["organizers"]) for e in events] == [("cuộc gặp", ["Hội Cựu chiến binh"])]


def test_related_article_headlines_give_no_events() -> None:
    body = "Ngày 5/5, Sở Ngoại vụ tổ chức hội nghị."
    related = "\nTin liên quan\nBộ Công Thương tổ chức hội thảo về xuất khẩu"
    text = body + related
    clutter = (Segment(len(body) + 1, len(text), "related"),)
    events = _events(text, clutter=clutter, DATE=["5/5"], ORG=["Sở Ngoại vụ", "Bộ Công Thương"])
    assert [e["kind"] for e in events] == ["hội nghị"]


def test_event_spans_point_at_the_event_words() -> None:
    text = "Ngày 8/3, Hội Phụ nữ tổ chức mít tinh."
    gold = {"entities": [{"type": "DATE", "text": "8/3"}, {"type": "ORG", "text": "Hội Phụ nữ"}]}
    found = find_events(text, tokenize(text), project_gold_mentions(text, gold))
    assert [text[s.start : s.end] for s in found[0].mentions] == ["mít tinh"]
    assert found[0].kind == "lễ"


def test_summaries_of_many_visits_are_not_one_event() -> None:
    text = "Năm qua, Liên hiệp đã đón 12 đoàn khách quốc tế đến thăm và làm việc tại tỉnh."
    assert _events(text, ORG=["Liên hiệp"]) == []


def test_organizers_joined_by_phoi_hop_voi_after_a_name_with_cua() -> None:
    text = "Sáng 1/4, Ủy ban Văn hóa của Quốc hội phối hợp với Quỹ Hòa Bình tổ chức hội thảo."
    events = _events(
        text, DATE=["1/4"], ORG=["Ủy ban Văn hóa của Quốc hội", "Quốc hội", "Quỹ Hòa Bình"]
    )
    assert events[0]["organizers"] == ["Ủy ban Văn hóa của Quốc hội", "Quỹ Hòa Bình"]


def test_text_without_events_gives_none() -> None:
    assert _events("") == []
    assert _events("Quan hệ hai nước phát triển tốt đẹp.") == []


def test_same_day_is_the_day_the_story_opens_on_not_a_visit_range() -> None:
    text = (
        "Chiều 5/3, bà Lan đã tiếp đoàn Hội Hữu nghị Kyoto. Đoàn thăm Việt Nam từ ngày 2/3. "
        "Cùng ngày, lễ ký kết thỏa thuận hợp tác đã diễn ra."
    )
    events = _events(
        text, DATE=["5/3", "2/3"], PERSON=["Lan"], ORG=["Hội Hữu nghị Kyoto"], LOCATION=["Việt Nam"]
    )
    assert ("lễ", "--03-05") in [(e["kind"], e["date"]) for e in events]
    assert ("chuyến thăm", "--03-02") in [(e["kind"], e["date"]) for e in events]


def test_lead_sentence_full_date_gives_its_year_to_later_bare_dates() -> None:
    filler = " ".join(["Hai bên trao đổi về hợp tác lao động và di cư an toàn."] * 12)
    text = (
        "VOV.VN - Chiều 10/5/2022, tại Hà Nội, ông Hùng đã tiếp bà Anna. "
        + filler
        + "\n\nTrước đó, sáng 9/5, Vụ Hợp tác quốc tế tổ chức hội thảo tham vấn."
    )
    events = _events(
        text,
        DATE=["10/5/2022", "9/5"],
        PERSON=["Hùng", "Anna"],
        ORG=["Vụ Hợp tác quốc tế", "VOV.VN"],
        LOCATION=["Hà Nội"],
    )
    dates = {e["kind"]: e["date"] for e in events}
    assert dates == {"cuộc gặp": "2022-05-10", "hội thảo": "2022-05-09"}


def test_a_date_line_does_not_anchor_the_year_of_body_dates() -> None:
    text = "Thứ Hai, 4/3/2024\n\nSáng 3/3, Sở Ngoại vụ tổ chức hội thảo về hợp tác."
    events = _events(text, DATE=["4/3/2024", "3/3"], ORG=["Sở Ngoại vụ"])
    assert [(e["kind"], e["date"]) for e in events] == [("hội thảo", "--03-03")]


def test_announcing_a_plan_to_hold_a_meeting_does_not_make_an_organizer() -> None:
    text = (
        "Ngày 2/4, Sở Ngoại vụ thông báo kế hoạch tổ chức Hội nghị xúc tiến đầu tư, "
        "dự kiến diễn ra vào ngày 20/6."
    )
    events = _events(
        text,
        DATE=["2/4", "20/6"],
        ORG=["Sở Ngoại vụ"],
        EVENT=["Hội nghị xúc tiến đầu tư"],
    )
    planned = [e for e in events if e["date"] == "--06-20"]
    assert planned == [
        {
            "kind": "hội nghị",
            "name": "Hội nghị xúc tiến đầu tư",
            "date": "--06-20",
            "organizers": [],
            "chairs": [],
        }
    ]


def test_chair_after_a_title_in_apposition_under_su_chu_tri() -> None:
    text = (
        "Ngày 3/7, phiên họp thứ nhất đã khai mạc dưới sự chủ trì của Chủ tịch Hội đồng, "
        "Đại sứ Peter Lind, với sự tham dự của 40 nước."
    )
    events = _events(text, DATE=["3/7"], PERSON=["Peter Lind"], ORG=["Hội đồng"])
    assert [e["chairs"] for e in events] == [["Peter Lind"]]


def test_a_range_with_its_month_written_once_starts_on_its_first_day() -> None:
    text = "Từ ngày 5 đến 8/6/2023, đoàn đại biểu Hội Hữu nghị đã thăm và làm việc tại Lào."
    events = _events(text, DATE=["8/6/2023"], ORG=["Hội Hữu nghị"], LOCATION=["Lào"])
    assert [(e["kind"], e["date"]) for e in events] == [("chuyến thăm", "2023-06-05")]


def test_cung_ngay_reports_a_second_meeting_not_a_repeat() -> None:
    text = (
        "Chiều 16/8/2024, Thứ trưởng Lê Minh tiếp Đại sứ Ý Marco Rossi. "
        "Cùng ngày, Thứ trưởng tiếp Đại sứ Bỉ Jan Peeters."
    )
    events = _events(text, DATE=["16/8/2024"], PERSON=["Lê Minh", "Marco Rossi", "Jan Peeters"])
    assert [(e["kind"], e["date"]) for e in events] == [("cuộc gặp", "2024-08-16")] * 2


def test_cung_ngay_after_an_opening_phrase_still_dates_the_event() -> None:
    text = (
        "Tối 1/9/2024, Hội Hữu nghị tổ chức lễ kỷ niệm Quốc khánh. "
        "Trước đó, chiều cùng ngày, Hội Hữu nghị tổ chức tọa đàm về quan hệ hai nước."
    )
    events = _events(text, DATE=["1/9/2024"], ORG=["Hội Hữu nghị"])
    assert [(e["kind"], e["date"]) for e in events] == [
        ("lễ", "2024-09-01"),
        ("tọa đàm", "2024-09-01"),
    ]
    for lead in ("Tiếp đó, tối cùng ngày", "Ngay sau đó, cùng ngày"):
        text = (
            f"Sáng 2/3/2024, Sở Ngoại vụ tổ chức hội thảo. {lead}, Sở Ngoại vụ tổ chức lễ trao quà."
        )
        events = _events(text, DATE=["2/3/2024"], ORG=["Sở Ngoại vụ"])
        assert [(e["kind"], e["date"]) for e in events] == [
            ("hội thảo", "2024-03-02"),
            ("lễ", "2024-03-02"),
        ]


def test_a_ceremony_inside_a_conference_is_its_own_event_on_the_conference_day() -> None:
    text = (
        "Ngày 9/9/2023, Bộ Y tế tổ chức Hội nghị tổng kết công tác y tế. Trong khuôn khổ "
        "Hội nghị, lễ ký kết thỏa thuận hợp tác giữa Bộ Y tế và tỉnh Bình Định đã diễn ra."
    )
    events = _events(
        text,
        DATE=["9/9/2023"],
        ORG=["Bộ Y tế"],
        LOCATION=["Bình Định"],
        EVENT=["Hội nghị tổng kết công tác y tế"],
    )
    assert [(e["kind"], e["date"]) for e in events] == [
        ("hội nghị", "2023-09-09"),
        ("lễ", "2023-09-09"),
    ]


def test_a_signing_witnessed_after_talks_takes_the_day_of_the_talks() -> None:
    text = (
        "Chiều 2/10/2023, Chủ tịch Quốc hội Trần An hội đàm với Chủ tịch Thượng viện Sok Dara. "
        "Sau hội đàm, hai nhà lãnh đạo chứng kiến lễ ký kết Bản ghi nhớ hợp tác."
    )
    events = _events(text, DATE=["2/10/2023"], PERSON=["Trần An", "Sok Dara"])
    assert [(e["kind"], e["date"]) for e in events] == [
        ("cuộc gặp", "2023-10-02"),
        ("lễ", "2023-10-02"),
    ]


def test_a_meeting_named_in_passing_without_a_booked_event_gives_nothing() -> None:
    text = "Trong khuôn khổ Hội nghị thượng đỉnh, hai bên nhất trí tăng cường hợp tác."
    assert _events(text, EVENT=["Hội nghị thượng đỉnh"]) == []


def test_a_visit_with_its_own_dates_after_it_is_dated_by_them_not_the_telling_day() -> None:
    text = (
        "Ngày 3/10/2023, Bộ Ngoại giao thông báo Thủ tướng Lê Văn Hòa sẽ thăm chính thức "
        "Pháp từ ngày 20 đến 23/10."
    )
    events = _events(
        text,
        DATE=["3/10/2023", "23/10"],
        ORG=["Bộ Ngoại giao"],
        PERSON=["Lê Văn Hòa"],
        LOCATION=["Pháp"],
    )
    assert ("chuyến thăm", "2023-10-20") in [(e["kind"], e["date"]) for e in events]


def test_a_date_far_after_the_event_word_does_not_replace_the_opening_date() -> None:
    text = (
        "Ngày 4/5/2023, Sở Ngoại vụ tổ chức hội thảo về hợp tác lao động và đào tạo nghề "
        "cho thanh niên các huyện miền núi phía tây, kéo dài đến ngày 6/5."
    )
    events = _events(text, DATE=["4/5/2023", "6/5"], ORG=["Sở Ngoại vụ"])
    assert [(e["kind"], e["date"]) for e in events] == [("hội thảo", "2023-05-04")]


def test_an_exhibition_opened_on_a_date_is_an_event_named_by_its_quoted_title() -> None:
    text = (
        "Sáng 22/8/2024, Hội Hữu nghị khai mạc triển lãm ảnh “Hà Nội – Seoul: 30 năm” tại Hà Nội."
    )
    events = _events(text, DATE=["22/8/2024"], ORG=["Hội Hữu nghị"], LOCATION=["Hà Nội"])
    assert [(e["kind"], e["date"], e["name"]) for e in events] == [
        ("khác", "2024-08-22", "Hà Nội – Seoul: 30 năm")
    ]


def test_a_quote_after_a_preposition_is_a_topic_not_a_name() -> None:
    text = "Sáng 2/8/2024, Sở Ngoại vụ tổ chức hội thảo về “ngoại giao kinh tế”."
    events = _events(text, DATE=["2/8/2024"], ORG=["Sở Ngoại vụ"])
    assert [(e["kind"], e["name"]) for e in events] == [("hội thảo", "")]


def test_the_fair_a_ceremony_opens_is_not_a_second_event() -> None:
    text = "Ngày 4/4/2024, Bộ trưởng Lê Nam dự lễ khai mạc hội chợ hàng hóa Lạng Sơn."
    events = _events(text, DATE=["4/4/2024"], PERSON=["Lê Nam"], LOCATION=["Lạng Sơn"])
    assert [(e["kind"], e["date"]) for e in events] == [("lễ", "2024-04-04")]


def test_organizing_as_a_topic_after_viec_is_not_a_report() -> None:
    text = "Việc tổ chức thành công Hội nghị cấp cao Mekong năm 2018 là minh chứng rõ nét."
    assert _events(text, EVENT=["Hội nghị cấp cao Mekong năm 2018"]) == []


def test_readiness_to_host_is_a_plan_not_an_event() -> None:
    text = "Việt Nam sẵn sàng đăng cai Hội nghị cấp cao Mekong.\nBài viết phân tích."
    assert _events(text, LOCATION=["Việt Nam"], EVENT=["Hội nghị cấp cao Mekong"]) == []


def test_a_named_congress_in_passing_does_not_retype_an_earlier_activity() -> None:
    text = (
        "Ngày 26/6/2024, Quốc hội đã biểu quyết về dự án luật. "
        "Đại hội XIII của Đảng đã xác định rõ mục tiêu phát triển."
    )
    events = _events(text, DATE=["26/6/2024"], ORG=["Quốc hội", "Đảng"], EVENT=["Đại hội XIII"])
    assert [e["kind"] for e in events] == ["khác"]


def test_a_courtesy_call_is_a_meeting() -> None:
    text = "Ngày 16/8/2024, Đoàn đến chào Chủ tịch nước Lào Thongloun Sisoulith."
    events = _events(text, DATE=["16/8/2024"], PERSON=["Thongloun Sisoulith"], LOCATION=["Lào"])
    assert [(e["kind"], e["date"]) for e in events] == [("cuộc gặp", "2024-08-16")]


def test_a_call_received_by_a_host_is_one_meeting_not_two() -> None:
    text = "Chiều 8/9/2023, Thứ trưởng Lê Hoa tiếp bà Anna Berg đến chào xã giao."
    events = _events(text, DATE=["8/9/2023"], PERSON=["Lê Hoa", "Anna Berg"])
    assert [(e["kind"], e["date"]) for e in events] == [("cuộc gặp", "2023-09-08")]


def test_an_undated_count_of_delegations_received_is_a_summary() -> None:
    text = "Năm 2023, Liên hiệp Hữu nghị đã đón tiếp hơn 100 đoàn khách quốc tế."
    assert _events(text, ORG=["Liên hiệp Hữu nghị"]) == []


def test_a_dated_reception_of_two_delegations_is_still_a_meeting() -> None:
    text = "Chiều 5/3/2024, ông Trần Nam tiếp 2 đoàn đại biểu Hội Hữu nghị Nhật Bản."
    events = _events(text, DATE=["5/3/2024"], PERSON=["Trần Nam"], ORG=["Hội Hữu nghị Nhật Bản"])
    assert [(e["kind"], e["date"]) for e in events] == [("cuộc gặp", "2024-03-05")]


def _kinds_dates(events: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return [(e["kind"], e["date"]) for e in events]


def test_a_visit_with_its_own_range_is_a_second_event_and_same_day_keeps_the_told_day() -> None:
    text = (
        "Ngày 9/4, Thứ trưởng Lê Văn An hội đàm với đoàn Bộ Ngoại giao Lào, đang thăm Việt Nam"
        " từ ngày 8 đến 11/4. Cùng ngày, Bộ trưởng Trần Hà tiếp đoàn."
    )
    events = _events(
        text,
        DATE=["9/4", "8 đến 11/4"],
        PERSON=["Lê Văn An", "Trần Hà"],
        ORG=["Bộ Ngoại giao Lào"],
        LOCATION=["Việt Nam"],
    )
    assert _kinds_dates(events) == [
        ("cuộc gặp", "--04-09"),
        ("chuyến thăm", "--04-08"),
        ("cuộc gặp", "--04-09"),
    ]


def test_a_meeting_with_its_own_object_after_a_visit_is_another_event() -> None:
    two = _events(
        "Ngày 7/5, đoàn sẽ thăm tỉnh Bắc Ninh và làm việc với UBND tỉnh Bắc Ninh.",
        DATE=["7/5"],
        ORG=["UBND tỉnh Bắc Ninh"],
        LOCATION=["Bắc Ninh"],
    )
    assert _kinds_dates(two) == [("chuyến thăm", "--05-07"), ("cuộc gặp", "--05-07")]
    one = _events(
        "Ngày 7/5, đoàn đã đến thăm và làm việc với UBND tỉnh Bắc Ninh.",
        DATE=["7/5"],
        ORG=["UBND tỉnh Bắc Ninh"],
    )
    assert _kinds_dates(one) == [("chuyến thăm", "--05-07")]


def test_experience_of_hosting_is_a_topic_and_a_course_opening_is_an_event() -> None:
    assert (
        _events(
            "Các đại biểu chia sẻ kinh nghiệm tổ chức Hội nghị Cấp cao ASEAN lần thứ 9.",
            EVENT=["Hội nghị Cấp cao ASEAN lần thứ 9"],
        )
        == []
    )
    opened = _events(
        "Sáng 3/3, Học viện khai giảng khóa đào tạo tiếng Pháp.", DATE=["3/3"], ORG=["Học viện"]
    )
    assert _kinds_dates(opened) == [("tập huấn", "--03-03")]


def test_an_outlet_tag_is_no_organizer() -> None:
    text = "VNA - Ngày 2/6, Sở Ngoại vụ tổ chức hội thảo về hợp tác."
    events = _events(text, DATE=["2/6"], ORG=["VNA", "Sở Ngoại vụ"])
    assert [e["organizers"] for e in events] == [["Sở Ngoại vụ"]]


def test_a_documents_date_gives_no_year_to_a_later_meeting() -> None:
    text = (
        "Chiều 17/3/2025, Bộ trưởng Lê An chủ trì phiên họp. Ông nhắc lại Nghị quyết số"
        " 09-NQ/TW ngày 10/4/2013 của Bộ Chính trị. Trước đó, tối 14/3, ông Lê An đã điện đàm"
        " với Ngoại trưởng Pháp."
    )
    events = _events(
        text,
        DATE=["17/3/2025", "10/4/2013", "14/3"],
        PERSON=["Lê An"],
        LEGAL_DOC=["Nghị quyết số 09-NQ/TW"],
        ORG=["Bộ Chính trị"],
    )
    assert ("cuộc gặp", "2025-03-14") in _kinds_dates(events)


def test_an_organisation_named_tochuc_is_no_organize_cue() -> None:
    text = "Ngày 15/3, UNICEF và Tổ chức Lao động Quốc tế đã ký kết thỏa thuận hợp tác."
    events = _events(text, DATE=["15/3"], ORG=["UNICEF", "Tổ chức Lao động Quốc tế"])
    assert [e["organizers"] for e in events] == [[]]


def test_a_meeting_that_opens_its_sentence_takes_a_later_opened_date() -> None:
    text = "Hội nghị Cấp cao Mê Công lần thứ 8 diễn ra tại Viêng Chăn, Lào từ ngày 3 đến 5/6/2026."
    events = _events(
        text,
        DATE=["5/6/2026"],
        EVENT=["Hội nghị Cấp cao Mê Công lần thứ 8"],
        LOCATION=["Viêng Chăn", "Lào"],
    )
    assert _kinds_dates(events) == [("hội nghị", "2026-06-03")]


def test_a_units_ministry_after_a_comma_is_not_a_second_host() -> None:
    text = "Sáng 3/4, Cục Lãnh sự, Bộ Ngoại giao đã phối hợp với IOM tổ chức hội thảo."
    events = _events(text, DATE=["3/4"], ORG=["Cục Lãnh sự", "Bộ Ngoại giao", "IOM"])
    assert [e["organizers"] for e in events] == [["Cục Lãnh sự", "IOM"]]
    two = "Sáng 3/4, Ban Điều phối, Viện Nghiên cứu Biển tổ chức hội thảo."
    events = _events(two, DATE=["3/4"], ORG=["Ban Điều phối", "Viện Nghiên cứu Biển"])
    assert [e["organizers"] for e in events] == [["Ban Điều phối", "Viện Nghiên cứu Biển"]]


def test_a_co_host_after_organize_with_is_an_organizer() -> None:
    text = "Ngày 3/10, Đại sứ quán Việt Nam tại Pháp đồng tổ chức với UNESCO Hội thảo “Di sản”."
    orgs = ["Đại sứ quán Việt Nam tại Pháp", "UNESCO"]
    events = _events(text, DATE=["3/10"], ORG=orgs, EVENT=["Di sản"])
    assert [e["organizers"] for e in events] == [orgs]


def test_a_meeting_dated_decades_before_the_story_is_history() -> None:
    text = (
        "Sáng 5/3/2024, Bộ Ngoại giao tổ chức hội nghị. Ngày 19/11/1950, tại Việt Bắc diễn ra"
        " Hội nghị Ngoại giao lần thứ nhất."
    )
    dates = ["5/3/2024", "19/11/1950"]
    events = _events(
        text, DATE=dates, ORG=["Bộ Ngoại giao"], EVENT=["Hội nghị Ngoại giao lần thứ nhất"]
    )
    assert [e["date"] for e in events] == ["2024-03-05"]
    older = "Sáng 12/4/2022, Bộ Ngoại giao tổ chức hội nghị."  # a page of 2024 about 2022
    events = _events(older, dt.date(2024, 4, 13), DATE=["12/4/2022"], ORG=["Bộ Ngoại giao"])
    assert [e["date"] for e in events] == ["2022-04-12"]


def test_co_hosts_after_voi_su_phoi_hop_cua_are_organizers() -> None:
    text = (
        "Ngày 10/5, Học viện A tổ chức Hội thảo về an ninh biển với sự phối hợp của Quỹ B (QB)"
        " và Viện C."
    )
    events = _events(text, DATE=["10/5"], ORG=["Học viện A", "Quỹ B", "QB", "Viện C"])
    assert [e["organizers"] for e in events] == [["Học viện A", "Quỹ B", "Viện C"]]
    passive = "Ngày 10/5, hội thảo được tổ chức tại Huế với sự phối hợp của Quỹ B, Viện C."
    events = _events(passive, DATE=["10/5"], ORG=["Quỹ B", "Viện C"], LOCATION=["Huế"])
    assert [e["organizers"] for e in events] == [["Quỹ B", "Viện C"]]


def test_agreeing_to_hold_a_meeting_is_a_plan() -> None:
    text = "Hai bên nhất trí tổ chức kỳ họp lần thứ 46 Ủy ban liên Chính phủ vào cuối năm."
    assert _events(text, ORG=["Ủy ban liên Chính phủ"]) == []
    text = "Thủ tướng đề nghị hai nước phối hợp tổ chức hội nghị xúc tiến đầu tư."
    assert _events(text) == []


def test_an_event_named_on_the_sidelines_lends_its_date_to_the_one_reported() -> None:
    text = (
        "Sáng 14/5, Bộ A tổ chức Diễn đàn Hợp tác 2024. Bên lề Diễn đàn, hai bên đã chứng kiến"
        " lễ ký kết 10 thỏa thuận."
    )
    events = _events(text, DATE=["14/5"], ORG=["Bộ A"], EVENT=["Diễn đàn Hợp tác 2024", "Diễn đàn"])
    assert [(e["kind"], e["date"]) for e in events] == [("diễn đàn", "--05-14"), ("lễ", "--05-14")]


def test_a_sentence_opened_by_a_bare_year_summarises_it() -> None:
    text = "Năm 2023, Hội đã tổ chức thành công Hội nghị Phụ nữ toàn cầu."
    assert _events(text, ORG=["Hội"], EVENT=["Hội nghị Phụ nữ toàn cầu"]) == []
    text = "Trong năm qua, Sở đã tổ chức hội nghị xúc tiến đầu tư."
    assert _events(text, ORG=["Sở"]) == []


def test_organizers_after_do_past_a_quoted_title_with_a_colon() -> None:
    text = "Ngày 5/6, Hội thảo quốc tế “Việt Nam: 50 năm hợp tác” do Trường A tổ chức đã diễn ra."
    events = _events(text, DATE=["5/6"], ORG=["Trường A"], EVENT=["Việt Nam: 50 năm hợp tác"])
    assert [e["organizers"] for e in events] == [["Trường A"]]


def test_a_bracketed_day_after_sang_nay_dates_the_event() -> None:
    text = "Sáng nay (14/5), tại Hà Nội, Học viện A tổ chức hội thảo về kinh tế biển."
    events = _events(text, DATE=["14/5"], ORG=["Học viện A"], LOCATION=["Hà Nội"])
    assert [(e["kind"], e["date"]) for e in events] == [("hội thảo", "--05-14")]


def test_a_visit_named_in_an_opening_adverbial_frames_the_meeting_reported_after_it() -> None:
    text = (
        "Chiều 13/5, Chủ tịch nước kết thúc chuyến thăm Lào từ ngày 11 đến 13/5. Trong chuyến"
        " thăm, Chủ tịch nước đã hội đàm với Tổng Bí thư Lào Thongloun Sisoulith."
    )
    events = _events(
        text,
        DATE=["13/5", "11 đến 13/5"],
        LOCATION=["Lào"],
        PERSON=["Thongloun Sisoulith"],
    )
    assert [e["kind"] for e in events] == ["chuyến thăm", "cuộc gặp"]


def test_a_law_year_in_the_sentence_does_not_date_the_meeting() -> None:
    text = (
        "Phát biểu tại phiên họp chiều 14/5, Đại sứ Trần Lan kêu gọi các bên tuân thủ "
        "Công ước Viên về quan hệ ngoại giao năm 1961."
    )
    events = _events(
        text,
        dt.date(2025, 5, 15),
        DATE=["14/5"],
        PERSON=["Trần Lan"],
        LEGAL_DOC=["Công ước Viên về quan hệ ngoại giao năm 1961"],
    )
    assert [(e["kind"], e["date"]) for e in events] == [("phiên họp", "2025-05-14")]


def test_dip_nay_dates_a_meeting_by_the_occasion_just_told() -> None:
    text = (
        "Ngày 20/5/2025, Hội nghị xúc tiến đầu tư diễn ra tại Huế. Trước đó, ngày 18/5, "
        "Sở Ngoại vụ đã tổ chức lễ trao tặng nhà tình nghĩa. Dịp này, ông Phạm Bình đã làm "
        "việc với đại diện Hội Chữ thập đỏ."
    )
    events = _events(
        text,
        DATE=["20/5/2025", "18/5"],
        PERSON=["Phạm Bình"],
        ORG=["Sở Ngoại vụ", "Hội Chữ thập đỏ"],
        LOCATION=["Huế"],
    )
    assert ("cuộc gặp", "2025-05-18") in [(e["kind"], e["date"]) for e in events]


def test_cung_ngay_skips_a_session_range_for_the_day_the_story_opens_on() -> None:
    text = (
        "VOV.VN - Ngày 4/3/2025, Đại sứ Lê Minh phát biểu tại phiên thảo luận chung. "
        "Kỳ họp diễn ra từ ngày 24/2 đến 4/4. Cùng ngày, Đại sứ Lê Minh đã tiếp bà Rosa Diaz."
    )
    events = _events(
        text,
        DATE=["4/3/2025", "24/2", "4/4"],
        PERSON=["Lê Minh", "Rosa Diaz"],
        ORG=["VOV.VN"],
    )
    assert ("cuộc gặp", "2025-03-04") in [(e["kind"], e["date"]) for e in events]


def test_a_named_assembly_session_has_the_kind_of_its_head_word() -> None:
    text = (
        "Ngày 12/4/2025, Đại hội đồng Liên minh Nghị viện thế giới lần thứ 150 khai mạc tại "
        "Tashkent."
    )
    events = _events(
        text,
        DATE=["12/4/2025"],
        EVENT=["Đại hội đồng Liên minh Nghị viện thế giới lần thứ 150"],
        LOCATION=["Tashkent"],
    )
    assert [(e["kind"], e["date"]) for e in events] == [("đại hội", "2025-04-12")]


def test_a_list_of_meeting_verbs_reports_one_meeting_each() -> None:
    text = (
        "Chiều 5/3/2025, tại Hà Nội, Bộ trưởng Lê Minh đã hội đàm với Bộ trưởng Ngoại giao Lào "
        "Thongsavanh, hội kiến Phó Thủ tướng Saleumxay và tiếp Đại sứ Pháp Olivier Brochet."
    )
    events = _events(
        text,
        DATE=["5/3/2025"],
        LOCATION=["Hà Nội", "Lào", "Pháp"],
        PERSON=["Lê Minh", "Thongsavanh", "Saleumxay", "Olivier Brochet"],
    )
    assert [(e["kind"], e["date"]) for e in events] == [("cuộc gặp", "2025-03-05")] * 3


def test_a_guest_coming_to_call_is_the_same_meeting() -> None:
    text = (
        "Sáng 7/5/2025, Thứ trưởng Hoàng Anh đã tiếp ông Kim Joon, Tổng Lãnh sự Hàn Quốc, "
        "đến chào từ biệt nhân dịp kết thúc nhiệm kỳ."
    )
    events = _events(text, DATE=["7/5/2025"], PERSON=["Hoàng Anh", "Kim Joon"])
    assert [(e["kind"], e["date"]) for e in events] == [("cuộc gặp", "2025-05-07")]


def test_cung_ngay_does_not_date_a_summit_being_prepared() -> None:
    text = (
        "Ngày 3/6/2025, Bộ Ngoại giao tổ chức Hội nghị Ngoại giao lần thứ 33. Cùng ngày, Thứ "
        "trưởng Lê Hà đã tiếp Đại sứ Lào, trao đổi về việc chuẩn bị Hội nghị Cấp cao ba nước "
        "dự kiến diễn ra cuối năm."
    )
    events = _events(
        text,
        DATE=["3/6/2025"],
        ORG=["Bộ Ngoại giao"],
        PERSON=["Lê Hà"],
        LOCATION=["Lào"],
        EVENT=["Hội nghị Ngoại giao lần thứ 33", "Hội nghị Cấp cao ba nước"],
    )
    assert [(e["kind"], e["date"]) for e in events] == [
        ("hội nghị", "2025-06-03"),
        ("cuộc gặp", "2025-06-03"),
    ]


def test_cung_ngay_still_dates_a_course_opened_for_people_preparing_to_leave() -> None:
    text = (
        "Ngày 9/6/2025, Bộ Quốc phòng tổ chức hội nghị tổng kết. Cùng ngày, Cục Gìn giữ hòa "
        "bình đã khai giảng lớp bồi dưỡng cho 40 sĩ quan chuẩn bị lên đường làm nhiệm vụ."
    )
    events = _events(text, DATE=["9/6/2025"], ORG=["Bộ Quốc phòng", "Cục Gìn giữ hòa bình"])
    assert ("tập huấn", "2025-06-09") in [(e["kind"], e["date"]) for e in events]


def test_a_visit_noun_with_its_own_span_is_an_event_of_its_own() -> None:
    text = (
        "Sáng 9/10/2025, Chủ tịch UBND tỉnh Lê Quang đã tiếp Đại sứ Cuba Orlando Hernández "
        "nhân chuyến thăm và làm việc tại Thanh Hóa từ ngày 8-10/10."
    )
    events = _events(
        text,
        DATE=["9/10/2025", "8-10/10"],
        PERSON=["Lê Quang", "Orlando Hernández"],
        LOCATION=["Cuba", "Thanh Hóa"],
    )
    assert [(e["kind"], e["date"]) for e in events] == [
        ("cuộc gặp", "2025-10-09"),
        ("chuyến thăm", "2025-10-08"),
    ]


def test_a_meeting_praised_as_held_successfully_is_named_in_passing() -> None:
    text = (
        "Chiều 2/4/2025, Chủ tịch Quốc hội Trần Thanh tiếp Tổng Thư ký AIPA Siti Ana. Bà Siti "
        "Ana đánh giá cao Quốc hội Việt Nam đã tổ chức thành công Hội nghị Nữ nghị sĩ toàn cầu "
        "lần thứ 2."
    )
    events = _events(
        text,
        DATE=["2/4/2025"],
        PERSON=["Trần Thanh", "Siti Ana"],
        ORG=["AIPA", "Quốc hội Việt Nam", "Quốc hội"],
        EVENT=["Hội nghị Nữ nghị sĩ toàn cầu lần thứ 2"],
    )
    assert [(e["kind"], e["date"]) for e in events] == [("cuộc gặp", "2025-04-02")]


def test_preparing_a_ceremony_is_a_topic_not_the_ceremony() -> None:
    text = (
        "Sáng 3/8/2025, Đại sứ Sok Dara đã làm việc với Hội Hữu nghị tỉnh về việc chuẩn bị tổ "
        "chức Lễ kỷ niệm 58 năm Ngày thiết lập quan hệ ngoại giao hai nước."
    )
    events = _events(
        text,
        DATE=["3/8/2025"],
        PERSON=["Sok Dara"],
        ORG=["Hội Hữu nghị tỉnh"],
        EVENT=["Lễ kỷ niệm 58 năm Ngày thiết lập quan hệ ngoại giao hai nước"],
    )
    assert [(e["kind"], e["date"]) for e in events] == [("cuộc gặp", "2025-08-03")]


def test_a_quoted_programme_held_on_a_day_is_an_event_with_its_hosts_and_chair() -> None:
    text = (
        "Sáng 5/7/2025, Tỉnh đoàn Quảng Nam phối hợp với Hội Sinh viên tỉnh tổ chức chương trình "
        "“Mùa hè xanh vì biển đảo”. Anh Lê Văn Nam, Bí thư Tỉnh đoàn chủ trì chương trình."
    )
    events = _events(
        text,
        DATE=["5/7/2025"],
        ORG=["Tỉnh đoàn Quảng Nam", "Hội Sinh viên tỉnh", "Tỉnh đoàn"],
        PERSON=["Lê Văn Nam"],
        EVENT=["Mùa hè xanh vì biển đảo"],
    )
    assert events == [
        {
            "kind": "khác",
            "name": "Mùa hè xanh vì biển đảo",
            "date": "2025-07-05",
            "organizers": ["Tỉnh đoàn Quảng Nam", "Hội Sinh viên tỉnh"],
            "chairs": ["Lê Văn Nam"],
        }
    ]


def test_a_planned_meeting_with_its_own_day_after_its_name_is_scheduled() -> None:
    text = (
        "Sáng 14/10/2025, Thứ trưởng Lê Hà tiếp Đại sứ Úc. Hai bên thống nhất phối hợp tổ "
        "chức Diễn đàn Hợp tác giáo dục Việt Nam – Australia lần thứ 3 tại Đà Nẵng vào ngày "
        "20/11."
    )
    events = _events(
        text,
        dt.date(2025, 10, 14),
        DATE=["14/10/2025", "20/11"],
        PERSON=["Lê Hà"],
        LOCATION=["Úc", "Đà Nẵng"],
        EVENT=["Diễn đàn Hợp tác giáo dục Việt Nam – Australia lần thứ 3"],
    )
    assert ("diễn đàn", "2025-11-20") in [(e["kind"], e["date"]) for e in events]


def test_a_directive_date_after_a_meeting_name_is_not_the_meeting_day() -> None:
    text = (
        "Sáng 5/3/2025, Bộ Tư pháp tổ chức Hội nghị sơ kết 5 năm thực hiện Chỉ thị số 25-CT/TW "
        "ngày 08/8/2018 của Ban Bí thư."
    )
    events = _events(
        text,
        DATE=["5/3/2025", "08/8/2018"],
        ORG=["Bộ Tư pháp", "Ban Bí thư"],
        LEGAL_DOC=["Chỉ thị số 25-CT/TW"],
        EVENT=["Hội nghị sơ kết 5 năm thực hiện Chỉ thị số 25-CT/TW"],
    )
    assert [(e["kind"], e["date"]) for e in events] == [("hội nghị", "2025-03-05")]


def test_a_scheduled_wreath_laying_with_a_day_is_an_event_not_dated_by_a_treaty() -> None:
    text = (
        "Chiều 10/7, Bí thư Tỉnh ủy Hà Minh tiếp Đại sứ Lào. Hai bên nhắc lại Hiệp ước Hữu "
        "nghị, ký ngày 18/7/1977.\n\nNgày 11/7, Đoàn dự kiến dâng hương tại Khu di tích Kim Liên."
    )
    events = _events(
        text,
        dt.date(2025, 7, 10),
        DATE=["10/7", "18/7/1977", "11/7"],
        PERSON=["Hà Minh"],
        LOCATION=["Lào", "Kim Liên"],
        LEGAL_DOC=["Hiệp ước Hữu nghị"],
    )
    assert [(e["kind"], e["date"]) for e in events] == [
        ("cuộc gặp", "2025-07-10"),
        ("khác", "2025-07-11"),
    ]


def test_many_cung_ngay_sentences_stay_fast() -> None:
    text = "Chiều 5/3/2025, Bộ trưởng Lê Minh tiếp Đại sứ Ý. " + (
        "Cùng ngày, Bộ trưởng Lê Minh tiếp Đại sứ Bỉ. " * 3000
    )
    events = _events(text, DATE=["5/3/2025"], PERSON=["Lê Minh"], LOCATION=["Ý", "Bỉ"])
    assert {e["date"] for e in events} == {"2025-03-05"}


def test_a_law_year_or_a_planned_year_does_not_date_the_story() -> None:
    text = (
        "Sáng 14/6, Sở Ngoại vụ tổ chức hội thảo về Luật Đất đai năm 2013. "
        "Hội thảo tiếp theo sẽ được tổ chức vào năm 2032."
    )
    events = _events(text, DATE=["14/6"], ORG=["Sở Ngoại vụ"], LEGAL_DOC=["Luật Đất đai năm 2013"])
    assert [e["date"] for e in events] == ["--06-14"]
    told = text + " Trong năm 2021, Sở đã đón nhiều đoàn khách."
    events = _events(told, DATE=["14/6"], ORG=["Sở Ngoại vụ"], LEGAL_DOC=["Luật Đất đai năm 2013"])
    assert [e["date"] for e in events] == ["2021-06-14"]


@pytest.mark.parametrize(
    ("second", "count"),
    [
        ("Ngay sau lễ mít tinh, hai bên tổ chức lễ ký kết biên bản. Dự lễ có đại diện các sở.", 2),
        ("Tại lễ mít tinh, hai bên trao quà cho học sinh.", 1),
    ],
)
def test_two_kinds_of_ceremony_the_same_day_are_two_events(second: str, count: int) -> None:
    text = "Sáng 9/5/2024, Sở Ngoại vụ tổ chức lễ mít tinh kỷ niệm ngày thành lập. " + second
    events = _events(text, DATE=["9/5/2024"], ORG=["Sở Ngoại vụ"])
    assert [(e["kind"], e["date"]) for e in events] == [("lễ", "2024-05-09")] * count


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a step of the story before its date still opens a dated report
            "Sáng 8/6, Chủ tịch nước tiếp Đại sứ Hàn Quốc. Trước đó, chiều 7/6, Chủ tịch nước "
            "đến Đà Nẵng, bắt đầu chuyến công tác tại miền Trung.",
            [("cuộc gặp", "--06-08"), ("chuyến thăm", "--06-07")],
        ),
        (  # talks after a semicolon and 'sau đó' are the next step, not the ceremony again
            "Sáng 3/4, Chủ tịch nước Lê Văn An chủ trì lễ đón Tổng thống Peru Ana Ruiz; sau đó "
            "hai nhà lãnh đạo hội đàm và chứng kiến lễ ký kết các văn kiện.",
            [("lễ", "--04-03"), ("cuộc gặp", "--04-03"), ("lễ", "--04-03")],
        ),
    ],
)
def test_steps_of_a_visit_told_in_sequence(text: str, expected: list[tuple[str, str]]) -> None:
    found = _events(text, DATE=["8/6", "7/6", "3/4"], PERSON=["Lê Văn An", "Ana Ruiz"])
    assert sorted((e["kind"], e["date"]) for e in found) == sorted(expected)


def test_a_document_date_dates_no_event_and_a_title_chairs_nothing() -> None:
    text = (
        "Sáng 5/3, Bộ Ngoại giao tổ chức tọa đàm do Thứ trưởng Lê An chủ trì. "
        "Theo Quyết định số 12/QĐ-TTg ngày 3/2/2025, Tuần lễ Văn hóa ASEAN sẽ diễn ra tại Huế. "
        "Bà Mary Chen, Giám đốc điều hành Quỹ Châu Á, đánh giá cao tọa đàm."
    )
    events = _events(
        text,
        None,
        (),
        DATE=["5/3", "3/2/2025"],
        PERSON=["Lê An", "Mary Chen"],
        LEGAL_DOC=["Quyết định số 12/QĐ-TTg"],
    )
    assert [(e["kind"], e["date"], e["chairs"]) for e in events] == [
        ("tọa đàm", "--03-05", ["Lê An"])
    ]


def test_a_full_date_long_before_the_story_gives_no_year_without_a_date_line() -> None:
    text = (
        "Sáng 15/10/2025, Bộ Y tế tổ chức hội thảo về dinh dưỡng. "
        "Việt Nam gia nhập WHO ngày 17/11/1978. "
        "WHO sẽ tổ chức lớp tập huấn cho cán bộ y tế vào ngày 20/11."
    )
    events = _events(text, DATE=["15/10/2025", "17/11/1978", "20/11"], ORG=["Bộ Y tế", "WHO"])
    assert [(e["kind"], e["date"]) for e in events] == [
        ("hội thảo", "2025-10-15"),
        ("tập huấn", "2025-11-20"),
    ]
