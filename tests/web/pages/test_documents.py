"""Document pages: the list and the reading page."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.html import parse, texts

TEXT = "Sáng 30/11, ông Phan Anh Sơn phát biểu tại Hà Nội."


def _ingest(client: TestClient, name: str = "bai.txt", text: str = TEXT) -> int:
    response = client.post(
        "/api/v1/documents", files=[("files", (name, text.encode(), "text/plain"))]
    )
    doc_id: int = response.json()["results"][0]["document_id"]
    return doc_id


def test_document_list_links_each_document(admin_client: TestClient) -> None:
    doc_id = _ingest(admin_client)
    doc = parse(admin_client.get("/documents"))
    assert doc.xpath("//table[@class='documents']//a/@href") == [f"/documents/{doc_id}"]


def test_empty_list_says_so(client: TestClient) -> None:
    doc = parse(client.get("/documents?lang=en"))
    assert texts(doc, "//p[@class='empty']") == ["No documents yet."]


def test_document_page_shows_the_whole_original_text(admin_client: TestClient) -> None:
    doc_id = _ingest(admin_client)
    doc = parse(admin_client.get(f"/documents/{doc_id}"))
    body = doc.xpath("//div[@class='document-text']")[0].text_content()
    assert body == TEXT


def test_text_is_escaped_not_interpreted(admin_client: TestClient) -> None:
    doc_id = _ingest(admin_client, "x.txt", "Tiêu đề <script>alert(1)</script> hết.")
    doc = parse(admin_client.get(f"/documents/{doc_id}"))
    assert not doc.xpath("//div[@class='document-text']//script")
    assert "<script>" in doc.xpath("//div[@class='document-text']")[0].text_content()


def test_missing_page_size_is_refused(client: TestClient) -> None:
    assert client.get("/documents?limit=0").status_code == 400


def test_entities_are_marked_by_type_and_link_to_their_page(
    admin_client: TestClient, sample_doc: int
) -> None:
    doc = parse(admin_client.get(f"/documents/{sample_doc}"))
    marks = {m.text_content(): m.get("data-type") for m in doc.xpath("//mark")}
    assert marks["Lê Hoài Trung"] == "PERSON"
    assert marks["Bộ Ngoại giao"] == "ORG"
    assert marks["Hà Nội"] == "LOCATION"
    link = doc.xpath("//mark[.='Lê Hoài Trung']/a/@href")[0]
    assert link.startswith("/entities/")


def test_facts_link_to_the_span_they_came_from(admin_client: TestClient, sample_doc: int) -> None:
    doc = parse(admin_client.get(f"/documents/{sample_doc}"))
    role = doc.xpath("//li[contains(@class,'fact')][contains(., 'Thứ trưởng')]")[0]
    anchor = role.xpath(".//a/@href")[0].removeprefix("#")
    assert doc.xpath(f"//*[@id='{anchor}']"), "fact links to a missing anchor"
    assert role.xpath(".//form//button[@value='confirm']")
    assert role.xpath(".//form//input[@name='csrf_token']/@value")


def test_anonymous_readers_see_facts_without_review_buttons(
    client: TestClient, sample_doc: int
) -> None:
    doc = parse(client.get(f"/documents/{sample_doc}"))
    assert doc.xpath("//li[contains(@class,'fact')]")
    assert not doc.xpath("//form[@class='review-form']")
