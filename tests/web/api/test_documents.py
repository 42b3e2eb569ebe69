"""/api/v1/documents: listing, paging, reading and uploading."""

from __future__ import annotations

from fastapi.testclient import TestClient

TEXT = "Sáng 30/11, ông Phan Anh Sơn, Viện trưởng, phát biểu tại Hà Nội."


def _upload(client: TestClient, *files: tuple[str, bytes]) -> list[dict[str, object]]:
    response = client.post(
        "/api/v1/documents", files=[("files", (n, d, "text/plain")) for n, d in files]
    )
    assert response.status_code == 200, response.text
    results: list[dict[str, object]] = response.json()["results"]
    return results


def test_upload_reports_each_file_and_bad_files_do_not_stop_good_ones(
    admin_client: TestClient,
) -> None:
    results = _upload(admin_client, ("a.txt", TEXT.encode()), ("empty.txt", b""))
    assert [r["outcome"] for r in results] == ["ingested", "failed"]
    assert results[0]["document_id"] is not None
    assert results[1]["error"]


def test_same_upload_twice_is_unchanged(admin_client: TestClient) -> None:
    _upload(admin_client, ("a.txt", TEXT.encode()))
    again = _upload(admin_client, ("a.txt", TEXT.encode()))
    assert again[0]["outcome"] == "unchanged"


def test_anonymous_may_not_upload(client: TestClient) -> None:
    response = client.post("/api/v1/documents", files=[("files", ("a.txt", b"x", "text/plain"))])
    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"


def test_list_pages_through_documents(admin_client: TestClient) -> None:
    _upload(admin_client, *((f"d{i}.txt", f"{TEXT} Số {i}.".encode()) for i in range(3)))
    first = admin_client.get("/api/v1/documents?limit=2").json()
    second = admin_client.get("/api/v1/documents?limit=2&offset=2").json()
    assert first["total"] == 3
    assert len(first["items"]) == 2
    assert len(second["items"]) == 1
    keys = {d["key"] for d in first["items"]} | {d["key"] for d in second["items"]}
    assert keys == {"d0", "d1", "d2"}


def test_read_returns_the_original_text(admin_client: TestClient) -> None:
    doc_id = _upload(admin_client, ("a.txt", TEXT.encode()))[0]["document_id"]
    body = admin_client.get(f"/api/v1/documents/{doc_id}").json()
    assert body["original_text"].startswith("Sáng 30/11")
    assert body["url"] == f"/documents/{doc_id}"
    for h in body["highlights"]:
        assert body["original_text"][h["start"] : h["end"]] == h["text"]
