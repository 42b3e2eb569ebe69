"""The events timeline."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.html import parse, texts


def test_timeline_groups_events_by_year_and_month(client: TestClient, sample_doc: int) -> None:
    doc = parse(client.get("/events?lang=en"))
    assert texts(doc, "//section[@class='timeline-year']/h2") == ["2022"]
    assert texts(doc, "//div[@class='timeline-month']/h3") == ["Month 04"]
    assert "Hội nghị Ngoại giao lần thứ 31" in texts(doc, "//ul[@class='event-list']/li")[0]


def test_kind_filter_keeps_only_that_kind(client: TestClient, sample_doc: int) -> None:
    assert parse(client.get("/events?kind=hội nghị")).xpath("//ul[@class='event-list']/li")
    assert not parse(client.get("/events?kind=lễ")).xpath("//ul[@class='event-list']/li")


def test_party_filter_keeps_events_the_party_organized(client: TestClient, sample_doc: int) -> None:
    org = client.get("/api/v1/entities/find", params={"q": "Bộ Ngoại giao"}).json()[0]["id"]
    other = client.get("/api/v1/entities/find", params={"q": "Phan Anh Sơn"}).json()[0]["id"]
    assert parse(client.get(f"/events?party={org}")).xpath("//ul[@class='event-list']/li")
    assert not parse(client.get(f"/events?party={other}")).xpath("//ul[@class='event-list']/li")
