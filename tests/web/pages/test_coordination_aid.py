"""Aid and annual report pages: totals per stage apart, published figures, downloads, CSRF."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from daphuong.domain.aid import AidRecord, PublishedAggregate, TransactionType
from daphuong.services.aid import AidService
from daphuong.services.container import Services
from tests.web.coordination_setup import WebWorld, csrf_for, make_web_world
from tests.web.html import parse, texts


@pytest.fixture
def world(services: Services, sample_doc: int) -> WebWorld:
    """Accounts, plus ledger records of organization A and a published total citing a document."""
    built = make_web_world(services)
    editor = built.principals["editor_a"]
    aid = AidService(services.db)
    stages = [
        ("p21", TransactionType.PLEDGE, "500", 2021),
        ("c20", TransactionType.COMMITMENT, "200", 2020),
        ("c21", TransactionType.COMMITMENT, "300", 2021),
        ("d20", TransactionType.DISBURSEMENT, "100", 2020),
        ("d21", TransactionType.DISBURSEMENT, "150", 2021),
    ]
    for ref, kind, amount, year in stages:
        aid.add(
            editor,
            AidRecord(
                id=0,
                ref=ref,
                activity_id="VN-QN-1",
                activity_title="Nước sạch Quảng Ninh",
                donor="Oxfam",
                recipient="UBND tỉnh Quảng Ninh",
                transaction_type=kind,
                amount=Decimal(amount),
                currency="USD",
                date=dt.date(year, 6, 1),
            ),
        )
    aid.add_published(
        editor,
        PublishedAggregate(
            id=0,
            year=2021,
            label="Viện trợ PCPNN",
            amount_usd=Decimal(233_000_000),
            change_pct=Decimal(5),
            source_document_id=sample_doc,
        ),
    )
    return built


def test_totals_keep_each_stage_apart_with_year_on_year_change(world: WebWorld) -> None:
    doc = parse(world.client("editor_a").get("/aid?from=2021&to=2021"))
    row = texts(doc, "//table[contains(@class,'totals')]/tbody/tr[1]/*")
    assert row[:6] == ["2021", "150", "+50.00%", "300", "+50.00%", "500"]


def test_published_figures_link_their_source_document(world: WebWorld, sample_doc: int) -> None:
    doc = parse(world.client("editor_a").get("/aid?from=2021&to=2021"))
    published = doc.xpath("//div[@class='published']")
    assert len(published) == 1
    assert published[0].xpath(".//a/@href") == [f"/documents/{sample_doc}"]


def test_transactions_and_download_links(world: WebWorld) -> None:
    browser = world.client("editor_a")
    doc = parse(browser.get("/aid?from=2020&to=2021"))
    refs = [
        str(t).strip() for t in doc.xpath("//table[contains(@class,'transactions')]//td[2]/text()")
    ]
    assert sorted(refs) == ["c20", "c21", "d20", "d21", "p21"]
    links = doc.xpath("//p[contains(@class,'downloads')]/a/@href")
    assert links == ["/api/v1/aid/ledger.csv", "/api/v1/aid/iati.xml?from=2020&to=2021"]
    assert browser.get(links[0]).text.count("Oxfam") == 5
    assert b"iati-activities" in browser.get(links[1]).content


def test_a_neighbour_sees_no_shared_ledger_of_a(world: WebWorld) -> None:
    doc = parse(world.client("viewer_b").get("/aid?from=2020&to=2021"))
    assert not doc.xpath("//table[contains(@class,'transactions')]")
    assert texts(doc, "//table[contains(@class,'totals')]/tbody/tr[2]/td[1]") == ["0"]


@pytest.mark.parametrize(("fmt", "magic"), [("docx", b"PK"), ("pdf", b"%PDF")])
def test_annual_report_downloads_in_the_chosen_format(
    world: WebWorld, fmt: str, magic: bytes
) -> None:
    browser = world.client("editor_a")
    token = csrf_for(browser, "/reports/annual")
    data = {"csrf_token": token, "year": "2021", "org_id": str(world.orgs["A"]), "format": fmt}
    response = browser.post("/reports/annual", data=data)
    assert response.status_code == 200, response.text[:300]
    assert response.content.startswith(magic)
    assert f'filename="bao-cao-2021.{fmt}"' in response.headers["content-disposition"]


def test_annual_report_without_csrf_is_refused(world: WebWorld) -> None:
    browser = world.client("editor_a")
    csrf_for(browser, "/reports/annual")
    response = browser.post("/reports/annual", data={"year": "2021", "format": "pdf"})
    assert response.status_code == 403


def test_without_years_the_page_ends_at_the_latest_recorded_year(world: WebWorld) -> None:
    doc = parse(world.client("editor_a").get("/aid"))
    years = texts(doc, "//table[contains(@class,'totals')]/tbody/tr/th")
    assert years == ["2017", "2018", "2019", "2020", "2021"]
