"""Coordination JSON API through TestClient: visibility by caller, the event→activity click."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from fastapi.testclient import TestClient
from lxml import etree

from daphuong.domain.access import Principal
from daphuong.domain.aid import AidRecord, TransactionType
from daphuong.domain.coordination import PlanItem, PlanLevel
from daphuong.domain.document import Visibility
from daphuong.reports.iati import validation_errors
from daphuong.services.aid import AidService
from daphuong.services.container import Services
from daphuong.services.plans import PlanService
from tests.web.conftest import SAMPLE_GOLD

ROOT = Principal.local_system("test")


def _seed(services: Services) -> None:
    plans = PlanService(services.db)
    top = plans.add(
        ROOT, PlanItem(id=0, level=PlanLevel.PROGRAMME, title="CT", visibility=Visibility.PUBLIC)
    )
    for progress, vis in ((40.0, Visibility.PUBLIC), (100.0, Visibility.INTERNAL)):
        plans.add(
            ROOT,
            PlanItem(
                id=0,
                level=PlanLevel.TASK,
                title=vis.value,
                parent_id=top.id,
                progress=progress,
                deadline=dt.date(2021, 1, 1),
                visibility=vis,
            ),
        )
    AidService(services.db).add(
        ROOT,
        AidRecord(
            id=0,
            ref="t",
            activity_id="A",
            activity_title="Nước sạch",
            donor="Oxfam",
            recipient="R",
            transaction_type=TransactionType.DISBURSEMENT,
            amount=Decimal(10),
            currency="USD",
            date=dt.date(2021, 2, 1),
            visibility=Visibility.PUBLIC,
        ),
    )


def test_anonymous_roll_up_ignores_hidden_tasks(services: Services, client: TestClient) -> None:
    _seed(services)
    [tree] = client.get("/api/v1/plans").json()["items"]
    assert tree["rolled_progress"] == 40.0
    assert [c["title"] for c in tree["children"]] == ["public"]
    overdue = client.get("/api/v1/plans/overdue").json()["items"]
    assert [i["title"] for i in overdue] == ["public"]


def test_ical_and_exports(services: Services, client: TestClient) -> None:
    _seed(services)
    ics = client.get("/api/v1/plans/deadlines.ics")
    assert ics.headers["content-type"].startswith("text/calendar")
    assert ics.content.startswith(b"BEGIN:VCALENDAR\r\n")
    xml = client.get("/api/v1/aid/iati.xml").content
    assert validation_errors(xml) == [] and etree.fromstring(xml).get("version") == "2.03"
    assert "Nước sạch" in client.get("/api/v1/aid/ledger.csv").text
    [year] = client.get("/api/v1/aid/summary", params={"from": 2021, "to": 2021}).json()["items"]
    assert year["totals"]["disbursed_usd"] == "10.00"


def test_extracted_event_becomes_an_activity(admin_client: TestClient, sample_doc: int) -> None:
    body = {"document_id": sample_doc, "event": SAMPLE_GOLD["events"][0], "area": "multilateral"}
    made = admin_client.post("/api/v1/activities/from-event", json=body)
    assert made.status_code == 200, made.text
    assert made.json()["start_date"] == "2022-04-12"
    listed = admin_client.get("/api/v1/activities", params={"year": 2022}).json()["items"]
    assert [a["title"] for a in listed] == ["Hội nghị Ngoại giao lần thứ 31"]
    again = admin_client.post("/api/v1/activities/from-event", json=body)
    assert again.status_code == 409


def test_anonymous_cannot_create_activities(client: TestClient, sample_doc: int) -> None:
    body = {"document_id": sample_doc, "event": {"kind": "hội nghị"}}
    assert client.post("/api/v1/activities/from-event", json=body).status_code in (403, 404)
