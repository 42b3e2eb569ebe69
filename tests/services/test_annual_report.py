"""Annual report: every area section, figures traceable to records, DOCX and PDF that open."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from daphuong.domain.aid import AidRecord, PublishedAggregate, TransactionType
from daphuong.domain.coordination import (
    Activity,
    Area,
    PlanItem,
    PlanLevel,
    PlanStatus,
    Seat,
    SeatKind,
    SeatStatus,
)
from daphuong.domain.document import Visibility
from daphuong.errors import InvalidInput
from daphuong.reports.model import APPENDIX_TITLE, Report
from daphuong.services.activities import ActivityService
from daphuong.services.aid import AidService
from daphuong.services.annual_report import AnnualReportService
from daphuong.services.plans import PlanService
from daphuong.services.seats import SeatService
from daphuong.store.engine import Database
from tests.services.coordination_world import World, add_document, make_world

SECTION_TITLES = [a.label_vi for a in Area]


@pytest.fixture
def world(db: Database) -> World:
    return make_world(db)


def _fill(world: World, db: Database) -> dict[str, int]:
    who = world.editor_a
    acts = ActivityService(db)
    ids = {}
    ids["forum"] = acts.create(
        who,
        Activity(
            id=0,
            kind="diễn đàn",
            title="Diễn đàn nhân dân ASEAN 2020",
            start_date=dt.date(2020, 11, 12),
            area=Area.MULTILATERAL,
            visibility=Visibility.PUBLIC,
        ),
    ).id
    ids["visit"] = acts.create(
        who,
        Activity(
            id=0,
            kind="chuyến thăm",
            title="Thăm Lào",
            start_date=dt.date(2020, 3, 2),
            area=Area.BILATERAL,
            visibility=Visibility.INTERNAL,
        ),
    ).id
    SeatService(db).add(
        who,
        Seat(
            id=0,
            body="ASEAN",
            kind=SeatKind.CHAIRMANSHIP,
            status=SeatStatus.ENDED,
            term_start=dt.date(2020, 1, 1),
            term_end=dt.date(2020, 12, 31),
        ),
    )
    PlanService(db).add(
        who,
        PlanItem(
            id=0,
            level=PlanLevel.TASK,
            title="Tổng kết năm",
            year=2020,
            area=Area.EXTERNAL_INFO,
            status=PlanStatus.DONE,
            deadline=dt.date(2020, 12, 15),
        ),
    )
    aid = AidService(db)
    for ref, year, amount in (("d19", 2019, "100"), ("d20", 2020, "150")):
        ids[ref] = aid.add(
            who,
            AidRecord(
                id=0,
                ref=ref,
                activity_id="A",
                activity_title="Nước sạch",
                donor="Oxfam",
                recipient="Hội LHPN",
                transaction_type=TransactionType.DISBURSEMENT,
                amount=Decimal(amount),
                currency="USD",
                date=dt.date(year, 5, 1),
            ),
        ).id
    doc = add_document(db, "seed", visibility="public")
    aid.add_published(
        who,
        PublishedAggregate(
            id=0,
            year=2020,
            label="Viện trợ PCPNN",
            amount_usd=Decimal("222000000"),
            source_document_id=doc,
        ),
    )
    ids["doc"] = doc
    return ids


def _report(world: World, db: Database) -> tuple[Report, dict[str, int]]:
    ids = _fill(world, db)
    return AnnualReportService(db, world.accounts).build(world.editor_a, 2020), ids


def test_every_area_has_a_section_and_figures_name_their_records(
    world: World, db: Database
) -> None:
    report, ids = _report(world, db)
    assert [s.title for s in report.sections[1:]] == SECTION_TITLES
    by_key = {s.key: s for s in report.sections}
    multi = {f.label: f for f in by_key["multilateral"].figures}
    assert multi["Số hoạt động"].refs == [f"activity:{ids['forum']}"]
    assert multi["Chủ tịch luân phiên"].value == "1"
    aid = {f.label: f for f in by_key["ngo_aid"].figures}
    assert aid["Giải ngân (sổ viện trợ)"].refs == [f"aid:{ids['d20']}"]
    assert aid["Giải ngân so với năm trước"].value == "+50.00%"
    assert f"document:{ids['doc']}" in aid["Viện trợ PCPNN (số công bố)"].refs
    assert by_key["advocacy"].paragraphs  # empty area says so
    notes = [f.note for s in report.sections for f in s.figures if f.refs]
    assert notes == list(range(1, len(notes) + 1))


def test_what_the_caller_cannot_see_stays_out(world: World, db: Database) -> None:
    _fill(world, db)
    report = AnnualReportService(db, world.accounts).build(world.editor_b, 2020)
    overview = report.sections[0].figures[0]
    assert overview.value == "1"  # the public forum only


def test_docx_opens_with_every_section_and_the_sources(
    world: World, db: Database, tmp_path: Path
) -> None:
    report, _ = _report(world, db)
    path = AnnualReportService(db, world.accounts).write(report, "docx", tmp_path / "r.docx")
    doc = Document(str(path))
    headings = [
        p.text for p in doc.paragraphs if p.style and str(p.style.name).startswith("Heading")
    ]
    for title in [*SECTION_TITLES, APPENDIX_TITLE]:
        assert title in headings
    assert any(p.text.startswith("[1] ") for p in doc.paragraphs)


def test_pdf_opens_has_every_section_and_renders(
    world: World, db: Database, tmp_path: Path
) -> None:
    report, _ = _report(world, db)
    path = AnnualReportService(db, world.accounts).write(report, "pdf", tmp_path / "r.pdf")
    text = "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)
    for title in [*SECTION_TITLES, APPENDIX_TITLE]:
        assert title in text
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    subprocess.run(["pdftoppm", "-png", "-r", "40", str(path), str(tmp_path / "page")], check=True)
    pngs = sorted(tmp_path.glob("page*.png"))
    assert pngs and all(p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for p in pngs)


def test_unknown_format_and_year_are_refused(world: World, db: Database, tmp_path: Path) -> None:
    service = AnnualReportService(db, world.accounts)
    with pytest.raises(InvalidInput):
        service.build(world.admin, 1800)
    with pytest.raises(InvalidInput):
        service.write(service.build(world.admin, 2020), "odt", tmp_path / "x.odt")
