"""Events found in documents appear in the annual report once, cited, and only when visible."""

from __future__ import annotations

from pathlib import Path

import pytest

from daphuong.domain.document import Visibility
from daphuong.domain.extraction import ExtractedEvent
from daphuong.reports.model import Figure, Report
from daphuong.services.activities import ActivityService
from daphuong.services.annual_report import AnnualReportService
from daphuong.store.engine import Database
from tests.services.coordination_world import World, make_world
from tests.services.registry_support import doc_a, doc_b, extract, gazetteer

LABEL = "Sự kiện ghi nhận trong tài liệu (chưa lập hoạt động)"


@pytest.fixture
def world(db: Database) -> World:
    return make_world(db)


def _events_figure(report: Report) -> Figure | None:
    return next((f for f in report.sections[0].figures if f.label == LABEL), None)


def test_the_years_events_are_counted_charted_and_cited(
    world: World, db: Database, tmp_path: Path
) -> None:
    gaz = gazetteer(tmp_path)
    doc_2020 = extract(db, doc_a(), gaz)
    extract(db, doc_b(), gaz)  # its meeting is in 2022: not this year's
    report = AnnualReportService(db, world.accounts).build(world.admin, 2020)
    figure = _events_figure(report)
    assert figure is not None and figure.value == "1"
    assert figure.refs[0].startswith("event:") and figure.refs[1] == f"document:{doc_2020}"
    overview = report.sections[0]
    assert overview.charts[-1].bars == [("tọa đàm", 1.0)]
    assert overview.tables[-1].rows[0][:4] == [
        "04/11",
        "tọa đàm",
        "Đối ngoại đa phương Việt Nam 75 năm",
        "Bộ Ngoại giao",
    ]


def test_an_event_made_into_an_activity_is_not_counted_twice(
    world: World, db: Database, tmp_path: Path
) -> None:
    doc_id = extract(db, doc_a(), gazetteer(tmp_path))
    event = doc_a().events[0]
    ActivityService(db).from_extracted_event(
        world.admin,
        doc_id,
        ExtractedEvent(event.kind, event.name, event.date, event.organizers, event.chairs),
    )
    report = AnnualReportService(db, world.accounts).build(world.admin, 2020)
    assert _events_figure(report) is None
    assert report.sections[0].figures[0].value == "1"  # the activity


def test_events_of_hidden_documents_stay_out(world: World, db: Database, tmp_path: Path) -> None:
    hidden = doc_a()
    hidden.visibility, hidden.owner_org_id = Visibility.INTERNAL, world.org_a
    extract(db, hidden, gazetteer(tmp_path))
    service = AnnualReportService(db, world.accounts)
    assert _events_figure(service.build(world.editor_b, 2020)) is None
    assert _events_figure(service.build(world.viewer_a, 2020)) is not None


def test_an_organizations_report_keeps_the_events_it_organised(
    world: World, db: Database, tmp_path: Path
) -> None:
    extract(db, doc_a(), gazetteer(tmp_path))  # organised by Bộ Ngoại giao (org C)
    service = AnnualReportService(db, world.accounts)
    assert _events_figure(service.build(world.admin, 2020, org_id=world.org_c)) is not None
    assert _events_figure(service.build(world.admin, 2020, org_id=world.org_a)) is None
