"""Tests for the extractor's composition: record shape, spans, odd inputs."""

from __future__ import annotations

import time
import unicodedata
from pathlib import Path

from daphuong.pipeline.extract.event_dates import document_years, sentence_years
from daphuong.pipeline.extract.events import find_events
from daphuong.pipeline.extract.extractor import extract, extract_with
from daphuong.pipeline.extract.roles import find_roles
from daphuong.pipeline.extract.tokens import tokenize
from daphuong.services.evaluation import project_gold_mentions

_TEXT = (
    "Ngày 10/10, Sở Ngoại vụ tổ chức Hội nghị hợp tác quốc tế. "
    "Phó Giám đốc Sở Ngoại vụ Vi Thị Hằng chủ trì hội nghị."
)
_GOLD = {
    "entities": [
        {"type": "DATE", "text": "10/10", "value": "--10-10"},
        {"type": "ORG", "text": "Sở Ngoại vụ"},
        {"type": "PERSON", "text": "Vi Thị Hằng"},
    ]
}


def test_empty_text_gives_an_empty_record() -> None:
    for text in ("", "   \n\t "):
        assert extract(text, "trống").to_json() == {
            "doc": "trống",
            "entities": [],
            "roles": [],
            "events": [],
        }


def test_record_composes_entities_roles_and_events_from_mentions() -> None:
    result = extract_with(_TEXT, "d", project_gold_mentions(_TEXT, _GOLD))
    data = result.to_json()
    assert {e["text"] for e in data["entities"]} == {"10/10", "Sở Ngoại vụ", "Vi Thị Hằng"}
    assert [(r["person"], r["title"], r["org"]) for r in data["roles"]] == [
        ("Vi Thị Hằng", "Phó Giám đốc", "Sở Ngoại vụ")
    ]
    assert [(e["kind"], e["date"], e["organizers"], e["chairs"]) for e in data["events"]] == [
        ("hội nghị", "--10-10", ["Sở Ngoại vụ"], ["Vi Thị Hằng"])
    ]
    for item in data["entities"] + data["roles"] + data["events"]:
        assert 0 < item["confidence"] <= 1
        assert all(0 <= s < e <= len(_TEXT) for s, e in item["mentions"])


def test_spans_of_decomposed_input_point_into_the_original_text() -> None:
    original = unicodedata.normalize("NFD", _TEXT)
    gold = {
        "entities": [
            {**e, "text": unicodedata.normalize("NFD", e["text"])} for e in _GOLD["entities"]
        ]
    }
    result = extract_with(original, "nfd", project_gold_mentions(original, gold))
    assert [(r.person, r.title) for r in result.roles] == [("Vi Thị Hằng", "Phó Giám đốc")]
    span = result.roles[0].mentions[0]
    assert (
        unicodedata.normalize("NFC", original[span.start : span.end]) == "Phó Giám đốc Sở Ngoại vụ"
    )
    assert {e.text for e in result.entities} >= {"Vi Thị Hằng", "Sở Ngoại vụ"}
    event_span = result.events[0].mentions[0]
    assert unicodedata.normalize("NFC", original[event_span.start : event_span.end]) == "Hội nghị"


def test_regexes_and_rules_finish_quickly_on_pathological_text() -> None:
    line = "Thứ trưởng Ngoại giao Lê Văn An, Chủ tịch Hội, tổ chức hội nghị ngày 12/4 năm 2020 "
    huge = line * (1_000_000 // len(line))
    odd = "ĐẠI HỘI " * 20_000 + "(" * 50_000 + "“" * 50_000 + "-" * 50_000
    started = time.perf_counter()
    for text in (huge, odd):
        tokens = tokenize(text)
        find_roles(text, tokens, [])
        find_events(text, tokens, [])
        sentence_years(text)
        document_years(text)
    assert time.perf_counter() - started < 60


def test_every_span_of_a_real_record_lies_in_its_text(shared_dir: Path) -> None:
    path = next(iter(sorted((shared_dir / "seeds").glob("*.txt"))))
    text = path.read_text(encoding="utf-8")
    data = extract(text, path.stem).to_json()
    assert set(data) == {"doc", "entities", "roles", "events"}
    for entity in data["entities"]:
        for start, end in entity["mentions"]:
            assert text[start:end].strip()
    for item in data["roles"] + data["events"]:
        assert all(0 <= s < e <= len(text) for s, e in item["mentions"])


def _event_rows(text: str) -> set[tuple[str, str, str]]:
    return {(e.kind, e.name, e.date) for e in extract(text, "t").events}


def test_a_relative_date_takes_the_year_of_a_full_date_written_before() -> None:
    text = (
        "Tin đối ngoại\n"
        "Ngày 8/9/2023, Bộ Ngoại giao tổ chức Hội nghị tổng kết công tác. "
        "Trước đó, sáng 7/9, Thứ trưởng Lê Văn Nam tiếp Đại sứ Nhật Bản."
    )
    assert ("cuộc gặp", "", "2023-09-07") in _event_rows(text)


def test_a_banner_on_the_first_line_anchors_no_year() -> None:
    text = "Thứ Bảy, ngày 26/9/2020\nSáng 8/8, Thành ủy đã tổ chức hội nghị quán triệt chỉ thị."
    assert ("hội nghị", "", "--08-08") in _event_rows(text)


def test_a_named_forum_edition_is_a_forum_with_its_date() -> None:
    text = "Ngày 12/8, Diễn đàn Hợp tác Việt Nam - Lào năm 2024 đã diễn ra tại Viêng Chăn."
    assert ("diễn đàn", "Diễn đàn Hợp tác Việt Nam - Lào năm 2024", "2024-08-12") in _event_rows(
        text
    )


def test_a_meeting_word_with_its_own_date_is_a_new_event() -> None:
    text = (
        "Tin Geneva\n"
        "Ngày 11/9/2023, Khóa họp thường kỳ lần thứ 54 của Hội đồng Nhân quyền khai mạc. "
        "Đoàn Việt Nam phát biểu tại phiên thảo luận chung ngày 12/9."
    )
    dates = {date for kind, _, date in _event_rows(text) if kind == "phiên họp"}
    assert dates == {"2023-09-11", "2023-09-12"}
