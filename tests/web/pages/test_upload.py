"""The upload page: several files, per-file results, htmx partial answers."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.html import csrf_from, parse, texts

GOOD = ("files", ("tin.txt", "Ngày 4/11, Bộ Ngoại giao tổ chức hội nghị.".encode(), "text/plain"))
BAD = ("files", ("hong.pdf", b"not a pdf", "application/pdf"))


def test_several_files_get_one_result_each(admin_client: TestClient) -> None:
    token = csrf_from(admin_client.get("/upload"))
    response = admin_client.post(
        "/upload", data={"csrf_token": token}, files=[GOOD, BAD], headers={"hx-request": "true"}
    )
    doc = parse(response)
    # htmx gets the fragment only, not a whole page.
    assert not doc.xpath("//header")
    items = doc.xpath("//ul[@class='upload-results']/li")
    assert [li.get("class") for li in items] == ["upload-ingested", "upload-failed"]
    assert items[0].xpath(".//a/@href")[0].startswith("/documents/")
    assert "hong.pdf" in texts(doc, "//li[@class='upload-failed']")[0]


def test_plain_form_post_gets_the_whole_page(admin_client: TestClient) -> None:
    token = csrf_from(admin_client.get("/upload"))
    doc = parse(admin_client.post("/upload", data={"csrf_token": token}, files=[GOOD]))
    assert doc.xpath("//header")
    assert doc.xpath("//section[@id='upload-results']//li[@class='upload-ingested']")


def test_anonymous_sees_why_upload_is_disabled(client: TestClient) -> None:
    doc = parse(client.get("/upload?lang=en"))
    assert doc.xpath("//form[@id='upload-form']//button[@disabled]")
    assert texts(doc, "//p[@class='notice']") == ["Uploading documents needs an editor account."]


def test_upload_form_accepts_several_files(client: TestClient) -> None:
    doc = parse(client.get("/upload"))
    field = doc.xpath("//input[@type='file']")[0]
    assert field.get("multiple") is not None
    assert doc.xpath(f"//label[@for='{field.get('id')}']")
