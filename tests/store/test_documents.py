"""Document repository on SQLite and PostgreSQL: versions, hashes, keys."""

from __future__ import annotations

from daphuong.domain.document import Segment, Visibility
from daphuong.store.documents import DocumentRepository, NewDocument, to_record
from daphuong.store.engine import Database


def _new(key: str, text: str, digest: str, source: str = "a.txt") -> NewDocument:
    return NewDocument(
        key=key,
        source=source,
        content_hash=digest,
        media_type="text/plain",
        encoding="utf-8",
        title="Tiêu đề",
        outlet=None,
        url=None,
        published=None,
        original_text=text,
        normalized_text=text,
        offsets_json="[[0, 0]]",
        clutter=[Segment(0, 3, "banner")],
        visibility=Visibility.SHARED,
    )


def test_new_version_keeps_the_old_one(db: Database) -> None:
    with db.transaction() as s:
        repo = DocumentRepository(s)
        first = repo.add(_new("a", "Hà Nội", "h1"))
        second = repo.add(_new("a", "Hà Nội mới", "h2"), supersedes=first)
        assert (second.version, second.supersedes_id) == (2, first.id)
    with db.reader() as s:
        repo = DocumentRepository(s)
        versions = repo.versions("a.txt")
        assert [(v.version, v.is_current) for v in versions] == [(1, False), (2, True)]
        assert repo.current_by_source("a.txt").content_hash == "h2"  # type: ignore[union-attr]
        assert repo.count_current() == 1


def test_record_round_trips_text_and_metadata(db: Database) -> None:
    with db.transaction() as s:
        row = DocumentRepository(s).add(_new("k", "Đối ngoại đa phương", "h"))
        doc_id = row.id
    with db.reader() as s:
        rec = to_record(DocumentRepository(s).get(doc_id))  # type: ignore[arg-type]
    assert rec.original_text == "Đối ngoại đa phương"
    assert rec.visibility is Visibility.SHARED
    assert rec.clutter == [Segment(0, 3, "banner")]


def test_failed_transaction_writes_nothing(db: Database) -> None:
    try:
        with db.transaction() as s:
            DocumentRepository(s).add(_new("x", "text", "hx"))
            raise RuntimeError("interrupted")
    except RuntimeError:
        pass
    with db.reader() as s:
        assert DocumentRepository(s).by_hash("hx") is None
