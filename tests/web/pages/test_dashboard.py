"""The dashboard."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.html import parse, texts


def test_dashboard_counts_and_lists_what_was_extracted(client: TestClient, sample_doc: int) -> None:
    doc = parse(client.get("/?lang=en"))
    counts = dict(
        zip(
            texts(doc, "//span[@class='count-label']"),
            texts(doc, "//span[@class='count-value']"),
            strict=True,
        )
    )
    assert counts == {"documents": "1", "people": "2", "organizations": "2", "events": "1"}
    assert "Hội nghị Ngoại giao lần thứ 31" in texts(doc, "//ol[@class='event-list']/li")[0]
    assert texts(doc, "//ol[@class='org-list']/li")[0].startswith("Bộ Ngoại giao")


def test_empty_dashboard_invites_an_upload(client: TestClient) -> None:
    doc = parse(client.get("/"))
    assert "/upload" in doc.xpath("//section[@aria-labelledby='docs-heading']//a/@href")
