"""Tests for the ANNOTATION.md scorer."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from daphuong.pipeline.extract.scoring import (
    Counts,
    match_events,
    normalize_text,
    score_corpus,
    score_document,
)


def _doc(**lists: list[dict[str, Any]]) -> dict[str, Any]:
    return {"doc": "t", "entities": [], "roles": [], "events": [], **lists}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Hội đồng Hòa bình", "hội đồng hoà bình"),
        ("Uỷ ban Đối ngoại", "Ủy ban Đối ngoại"),
        ("“Vai trò của nhân dân”", "Vai trò của nhân dân"),
        ("Bộ  Ngoại   giao.", "bộ ngoại giao"),
    ],
)
def test_normalize_text_ignores_case_tone_placement_quotes_and_spaces(a: str, b: str) -> None:
    assert normalize_text(a) == normalize_text(b)


def test_normalize_text_keeps_different_words_apart() -> None:
    assert normalize_text("Bộ Nội vụ") != normalize_text("Bộ Ngoại giao")


def test_gold_against_itself_scores_one_on_every_shared_file(shared_dir: Path) -> None:
    golds = [
        json.loads(p.read_text(encoding="utf-8"))
        for folder in (shared_dir / "seeds", shared_dir / "corpus" / "dev")
        for p in sorted(folder.glob("*.gold.json"))
    ]
    assert golds
    for name, counts in score_corpus((g, g) for g in golds).items():
        assert counts.fp == 0 and counts.fn == 0, name
        assert counts.f1 == 1.0


def test_entities_are_compared_as_sets_per_type() -> None:
    gold = _doc(
        entities=[{"type": "ORG", "text": "Bộ Ngoại giao"}, {"type": "PERSON", "text": "An"}]
    )
    pred = _doc(
        entities=[
            {"type": "ORG", "text": "bộ ngoại giao"},
            {"type": "ORG", "text": "Bộ Ngoại giao"},
            {"type": "LOCATION", "text": "An"},
        ]
    )
    scores = score_document(gold, pred)
    assert (scores["entities"].tp, scores["entities"].fp, scores["entities"].fn) == (1, 1, 1)
    assert scores["entities.PERSON"].fn == 1
    assert scores["entities.LOCATION"].fp == 1


def test_roles_score_with_and_without_org() -> None:
    gold = _doc(roles=[{"person": "Lê Văn Tám", "title": "Thứ trưởng", "org": "Bộ Y tế"}])
    pred = _doc(roles=[{"person": "Lê Văn Tám", "title": "thứ trưởng", "org": ""}])
    scores = score_document(gold, pred)
    assert scores["roles"].tp == 0
    assert scores["roles_without_org"].tp == 1


def test_event_matches_on_kind_and_date() -> None:
    gold = _doc(events=[{"kind": "hội nghị", "name": "", "date": "--05-02"}])
    wrong_kind = _doc(events=[{"kind": "hội thảo", "name": "", "date": "--05-02"}])
    wrong_date = _doc(events=[{"kind": "hội nghị", "name": "", "date": "--05-03"}])
    right = _doc(events=[{"kind": "hội nghị", "name": "khác tên", "date": "--05-02"}])
    assert score_document(gold, wrong_kind)["events"].tp == 0
    assert score_document(gold, wrong_date)["events"].tp == 0
    assert score_document(gold, right)["events"].tp == 1


def test_event_without_gold_date_matches_on_kind_and_name() -> None:
    gold = _doc(events=[{"kind": "lễ", "name": "Lễ ra mắt Sách trắng", "date": ""}])
    same = _doc(events=[{"kind": "lễ", "name": "“lễ ra mắt sách trắng”", "date": "2020-01-01"}])
    other = _doc(events=[{"kind": "lễ", "name": "", "date": ""}])
    assert score_document(gold, same)["events"].tp == 1
    assert score_document(gold, other)["events"].fn == 1


def test_each_event_is_matched_once() -> None:
    gold = [{"kind": "cuộc gặp", "name": "", "date": "--01-02"}]
    pred = [dict(gold[0]), dict(gold[0])]
    assert match_events(gold, pred) == [(0, 0)]
    scores = score_document(_doc(events=gold), _doc(events=pred))
    assert (scores["events"].tp, scores["events"].fp) == (1, 1)


def test_organizers_and_chairs_count_only_within_matched_events() -> None:
    gold = _doc(
        events=[
            {"kind": "hội nghị", "date": "--03-04", "organizers": ["Bộ Y tế"], "chairs": ["An"]},
            {"kind": "lễ", "date": "--03-05", "organizers": ["Sở Ngoại vụ"], "chairs": []},
        ]
    )
    pred = _doc(
        events=[
            {
                "kind": "hội nghị",
                "date": "--03-04",
                "organizers": ["bộ y tế", "UBND"],
                "chairs": [],
            },
            {"kind": "lễ", "date": "--09-09", "organizers": ["Sở Ngoại vụ"], "chairs": []},
        ]
    )
    scores = score_document(gold, pred)
    assert (scores["organizers"].tp, scores["organizers"].fp, scores["organizers"].fn) == (1, 1, 0)
    assert (scores["chairs"].tp, scores["chairs"].fn) == (0, 1)


def test_counts_are_micro_averaged_over_documents() -> None:
    one = _doc(roles=[{"person": "A B", "title": "Chủ tịch", "org": ""}])
    two = _doc(roles=[{"person": "C D", "title": "Chủ tịch", "org": ""}])
    total = score_corpus([(one, one), (two, _doc())])
    assert (total["roles"].tp, total["roles"].fn) == (1, 1)
    assert total["roles"].precision == 1.0
    assert total["roles"].recall == 0.5


def test_counts_ratios_handle_empty_cases() -> None:
    assert (Counts().precision, Counts().recall, Counts().f1) == (1.0, 1.0, 1.0)
    assert Counts(0, 0, 2).precision == 0.0
    assert Counts(0, 3, 0).recall == 1.0
    assert Counts(2, 2, 2).to_json() == {
        "tp": 2,
        "fp": 2,
        "fn": 2,
        "precision": 0.5,
        "recall": 0.5,
        "f1": 0.5,
    }
