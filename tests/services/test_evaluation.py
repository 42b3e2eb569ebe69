"""Tests for extraction to files and scoring against gold files (no database)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from daphuong.errors import InvalidInput, NotFound
from daphuong.services.evaluation import (
    evaluate,
    extract_files,
    format_table,
    gold_pairs,
    load_text,
    project_gold_mentions,
)

_TEXT = (
    "Tin đối ngoại\n"
    "21/03/2024 09:00\n"
    "Chiều 20/3, Hội Hữu nghị Việt Nam – Cuba tổ chức lễ kỷ niệm. "
    "Bà Tôn Nữ Mai, Chủ tịch Hội Hữu nghị Việt Nam – Cuba, phát biểu.\n"
)
_GOLD = {
    "doc": "a",
    "entities": [
        {"type": "DATE", "text": "21/03/2024", "value": "2024-03-21"},
        {"type": "DATE", "text": "20/3", "value": "2024-03-20"},
        {"type": "ORG", "text": "Hội Hữu nghị Việt Nam – Cuba"},
        {"type": "PERSON", "text": "Tôn Nữ Mai"},
    ],
    "roles": [{"person": "Tôn Nữ Mai", "title": "Chủ tịch", "org": "Hội Hữu nghị Việt Nam – Cuba"}],
    "events": [
        {
            "kind": "lễ",
            "name": "",
            "date": "2024-03-20",
            "organizers": ["Hội Hữu nghị Việt Nam – Cuba"],
            "chairs": [],
        }
    ],
}


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(_TEXT, encoding="utf-8")
    (tmp_path / "a.gold.json").write_text(json.dumps(_GOLD, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "lonely.txt").write_text("Không có tệp chuẩn.", encoding="utf-8")
    return tmp_path


def test_load_text_finds_the_date_line(gold_dir: Path) -> None:
    loaded = load_text(gold_dir / "a.txt")
    assert loaded.text == _TEXT
    assert str(loaded.published) == "2024-03-21"
    assert any(seg.kind == "dateline" for seg in loaded.clutter)


def test_project_gold_mentions_finds_every_whole_word_occurrence() -> None:
    text = "Hội An và Hội Anh; Hội An."
    mentions = project_gold_mentions(text, {"entities": [{"type": "LOCATION", "text": "Hội An"}]})
    assert [(m.start, m.end, m.text) for m in mentions] == [(0, 6, "Hội An"), (19, 25, "Hội An")]


def test_gold_pairs_need_a_gold_file_beside_the_text(gold_dir: Path, tmp_path: Path) -> None:
    assert [p[0].name for p in gold_pairs(gold_dir)] == ["a.txt"]
    with pytest.raises(NotFound):
        gold_pairs(tmp_path / "missing")
    (tmp_path / "empty").mkdir()
    with pytest.raises(InvalidInput):
        gold_pairs(tmp_path / "empty")


def test_with_gold_mentions_roles_and_events_are_scored_alone(gold_dir: Path) -> None:
    report = evaluate([gold_dir], gold_mentions=True)
    assert report.documents == ["a"]
    assert report.metrics["entities"].f1 == 1.0
    assert report.metrics["roles"].tp == 1 and report.metrics["roles"].fp == 0
    assert report.metrics["events"].tp == 1
    assert report.metrics["organizers"].tp == 1
    data = report.to_json()
    assert data["gold_mentions"] is True
    assert set(data["metrics"]["roles"]) == {"tp", "fp", "fn", "precision", "recall", "f1"}


def test_table_lists_overall_types_roles_and_events(gold_dir: Path) -> None:
    table = format_table(evaluate([gold_dir], gold_mentions=True))
    lines = table.splitlines()
    assert lines[0].startswith("1 documents")
    names = [line.split()[0] for line in lines[2:]]
    assert names[0] == "entities"
    assert {"PERSON", "roles", "roles_without_org", "events", "organizers", "chairs"} <= set(names)


def test_extract_files_writes_gold_shaped_json(gold_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    written = extract_files([gold_dir / "a.txt"], out)
    assert written == [out / "a.json"]
    data = json.loads(written[0].read_text(encoding="utf-8"))
    assert data["doc"] == "a"
    assert set(data) == {"doc", "entities", "roles", "events"}
    assert all("mentions" in e and "confidence" in e for e in data["entities"])
