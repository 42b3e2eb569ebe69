"""Entity pages and the graph page."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.html import parse, texts


def _find(client: TestClient, name: str) -> int:
    hits = client.get("/api/v1/entities/find", params={"q": name}).json()
    entity_id: int = hits[0]["id"]
    return entity_id


def test_person_page_shows_roles_with_links_to_the_source_sentence(
    admin_client: TestClient, sample_doc: int
) -> None:
    doc = parse(admin_client.get(f"/entities/{_find(admin_client, 'Lê Hoài Trung')}"))
    assert texts(doc, "//h1")[0].startswith("Lê Hoài Trung")
    role = texts(doc, "//ol[@class='role-timeline']/li")[0]
    assert "Thứ trưởng" in role and "Bộ Ngoại giao" in role
    href = doc.xpath("//ol[@class='role-timeline']//ul[@class='sources']//a/@href")[0]
    assert href.startswith(f"/documents/{sample_doc}#span-")
    source = parse(admin_client.get(href.split("#")[0]))
    assert source.xpath(f"//*[@id='{href.split('#')[1]}']")


def test_organization_page_lists_its_people(admin_client: TestClient, sample_doc: int) -> None:
    doc = parse(admin_client.get(f"/entities/{_find(admin_client, 'Bộ Ngoại giao')}"))
    people = texts(doc, "//section[@aria-labelledby='people-heading']//li")
    assert any("Lê Hoài Trung" in p and "Thứ trưởng" in p for p in people)


def test_a_name_links_to_where_the_document_writes_it(
    admin_client: TestClient, sample_doc: int
) -> None:
    doc = parse(admin_client.get(f"/entities/{_find(admin_client, 'Viện Nghiên cứu Quốc tế')}"))
    (name,) = doc.xpath("//ul[@class='names']/li")
    assert name.text.strip() == "Viện Nghiên cứu Quốc tế"
    (href,) = name.xpath("./a[@class='source']/@href")
    start, end = (int(n) for n in href.split("#span-")[1].split("-"))
    assert href.startswith(f"/documents/{sample_doc}#span-")
    text = parse(admin_client.get(href.split("#")[0])).xpath(f"//*[@id='span-{start}-{end}']")
    assert text and "".join(text[0].itertext()) == "Viện Nghiên cứu Quốc tế"


def test_graph_page_lists_links_for_screen_readers(
    admin_client: TestClient, sample_doc: int
) -> None:
    person = _find(admin_client, "Lê Hoài Trung")
    doc = parse(admin_client.get(f"/entities/{person}/graph"))
    assert doc.xpath("//div[@id='graph']/@data-src") == [f"/api/v1/entities/{person}/graph"]
    links = texts(doc, "//ul[@class='graph-links']/li")
    assert any("Bộ Ngoại giao" in link for link in links)
    assert all(s.get("src") for s in doc.xpath("//script"))


def test_unknown_entity_is_not_found(client: TestClient) -> None:
    assert client.get("/entities/999999", headers={"accept": "text/html"}).status_code == 404
