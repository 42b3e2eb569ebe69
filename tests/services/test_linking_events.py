"""Events across reports: one seminar told by two outlets is one event; others stay apart."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from daphuong.domain.access import Principal
from daphuong.domain.extraction import ExtractedEvent
from daphuong.services.entity_views import RegistryViews
from daphuong.services.event_stats import EventStats
from daphuong.services.linking_events import dates_compatible, name_similarity
from daphuong.store.engine import Database
from tests.services.registry_support import Doc, doc_a, doc_b, doc_c, extract, gazetteer

SYSTEM = Principal.local_system()


def test_dates_compatible_when_the_year_is_unknown_on_one_side() -> None:
    assert dates_compatible("2020-11-04", "--11-04")
    assert dates_compatible("2020-11-04", "2020-11-04")
    assert not dates_compatible("2020-11-04", "2021-11-04")
    assert not dates_compatible("2020-11-04", "")


def test_name_similarity_ignores_case_and_diacritics() -> None:
    assert name_similarity("Đối ngoại đa phương", "đối ngoai da phuong") == 1.0
    assert name_similarity("", "x") == 0.0


def test_two_outlets_one_seminar_is_one_event_with_two_reports(
    db: Database, tmp_path: Path
) -> None:
    gaz = gazetteer(tmp_path)
    for doc in (doc_a(), doc_b(), doc_c()):
        extract(db, doc, gaz)
    views = RegistryViews(db, gaz)
    [seminar] = views.find("Đối ngoại đa phương Việt Nam 75 năm", SYSTEM)
    [facts] = views.show(seminar, SYSTEM)["events"]
    assert facts["reports"] == ["doc-a", "doc-c"]
    assert facts["date"] == ["--11-04", "2020-11-04"]
    report = EventStats(db).duplicates(SYSTEM)
    assert (report["reports"], report["events"], report["duplicate_rate"]) == (3, 2, 1 / 3)
    person = views.show("Lê Hoài Trung", SYSTEM)
    assert {e["id"] for e in person["events"]} == {
        seminar,
        views.find("Hội nghị triển khai nhiệm vụ đối ngoại nhân dân năm 2022", SYSTEM)[0],
    }


def test_same_day_meetings_with_different_names_stay_apart(db: Database, tmp_path: Path) -> None:
    gaz = gazetteer(tmp_path)
    for key, name in (("m1", "Hội thảo về biển"), ("m2", "Hội thảo về khí hậu toàn cầu")):
        text = f"Ngày 5/6/2021 diễn ra {name}."
        event = ExtractedEvent("hội thảo", name, "2021-06-05")
        extract(db, Doc(key, text, dt.date(2021, 6, 5), events=[event]), gaz)
    assert EventStats(db).duplicates(SYSTEM)["events"] == 2
