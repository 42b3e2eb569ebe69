"""Ingestion: idempotence, versions, failures isolated, one transaction per document."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from daphuong.domain.document import RawDocument, Visibility
from daphuong.errors import IngestError
from daphuong.pipeline.context import DocContext
from daphuong.pipeline.runner import build_pipeline
from daphuong.services.ingestion import IngestionService, Outcome, iter_inputs
from daphuong.store.documents import DocumentRepository, to_record
from daphuong.store.engine import Database
from daphuong.store.models import DocumentRow
from daphuong.store.models.registry import EntityRow, FactCountRow, StatementRow

TEXT = (
    "Hội nghị đối ngoại\nThứ Hai, 20/11/2023 08:00\nNgày 20/11, Bộ Ngoại giao tổ chức hội nghị.\n"
)


def _service(db: Database, hooks: list[object] | None = None) -> IngestionService:
    return IngestionService(db, build_pipeline(["normalize", "clean"]), hooks or [])  # type: ignore[arg-type]


def test_same_content_twice_is_unchanged(db: Database, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    service = _service(db)
    first = service.ingest([str(tmp_path)])
    second = service.ingest([str(tmp_path)])
    assert (first.ingested, first.unchanged) == (1, 0)
    assert (second.ingested, second.unchanged) == (0, 1)


def test_changed_file_is_a_new_version_and_the_old_is_kept(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    service = _service(db)
    service.ingest([str(path)])
    path.write_text(TEXT + "Đoạn mới.\n", encoding="utf-8")
    summary = service.ingest([str(path)])
    assert summary.new_versions == 1
    with db.reader() as s:
        versions = DocumentRepository(s).versions(str(path))
    assert [(v.version, v.is_current, v.key) for v in versions] == [(1, False, "a"), (2, True, "a")]


def test_date_line_goes_to_metadata(db: Database, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    _service(db).ingest([str(tmp_path / "a.txt")])
    with db.reader() as s:
        row = DocumentRepository(s).by_key("a")
    assert row is not None and row.published is not None
    assert (row.published.year, row.published.month, row.published.day) == (2023, 11, 20)


def test_bad_files_fail_alone_and_the_rest_go_in(db: Database, tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    summary = _service(db).ingest([str(tmp_path), str(tmp_path / "missing.txt")])
    failed = {Path(f["path"]).name: f["error"] for f in summary.failed}
    assert summary.ingested == 1
    assert set(failed) == {"empty.txt", "binary.txt", "missing.txt"}
    assert "empty" in failed["empty.txt"]


class _Boom:
    def on_stored(self, session: Session, row: DocumentRow, ctx: DocContext) -> None:
        raise IngestError(row.source, "hook failed")

    def on_superseded(self, session: Session, old: DocumentRow) -> None:
        return None


def test_a_failing_hook_leaves_no_half_written_document(db: Database, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    summary = _service(db, [_Boom()]).ingest([str(tmp_path / "a.txt")])
    assert summary.failed and summary.ingested == 0
    with db.reader() as s:
        assert DocumentRepository(s).count_current() == 0


def test_folders_are_walked_recursively_skipping_unsupported(tmp_path: Path) -> None:
    (tmp_path / "sub" / ".hidden").mkdir(parents=True)
    for name in ["a.txt", "sub/b.html", "sub/c.gold.json", "sub/.hidden/d.txt", "e.docx"]:
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = sorted(Path(p).name for p in iter_inputs([str(tmp_path)]))
    assert found == ["a.txt", "b.html", "e.docx"]


def test_visibility_and_owner_are_stored(db: Database) -> None:
    raw = RawDocument(original_text=TEXT, source="mem.txt", media_type="text/plain")
    outcome, key = _service(db).store(raw, visibility=Visibility.INTERNAL)
    assert outcome is Outcome.INGESTED
    with db.reader() as s:
        row = DocumentRepository(s).by_key(key)
    assert row is not None and row.visibility == "internal"


@pytest.mark.parametrize("count", [2000])
def test_a_directory_with_thousands_of_files(db: Database, tmp_path: Path, count: int) -> None:
    for i in range(count):
        (tmp_path / f"{i:05d}.txt").write_text(f"Văn bản số {i}: Bộ Ngoại giao.", encoding="utf-8")
    summary = _service(db).ingest([str(tmp_path)])
    assert summary.ingested == count and not summary.failed


LEGACY_TEXT = (
    "Hội nghị đối ngoại nhân dân năm 2023\n"
    "Sáng 12/4, tại Hà Nội, Liên hiệp các tổ chức hữu nghị Việt Nam tổ chức hội nghị "
    "triển khai nhiệm vụ. Thứ trưởng Ngoại giao phát biểu khai mạc và nhấn mạnh vai trò "
    "của ngoại giao nhân dân trong quan hệ hữu nghị với nhân dân các nước.\n"
)


@pytest.mark.parametrize("encoding", ["tcvn3", "vni", "cp1258", "utf-16"])
def test_legacy_encoded_copies_ingest_to_the_same_text(
    sqlite_db: Database, tmp_path: Path, encoding: str
) -> None:
    from daphuong.ingest import legacy

    encoders: dict[str, Callable[[str], bytes]] = {
        "tcvn3": legacy.unicode_to_tcvn3,
        "vni": legacy.unicode_to_vni,
        "cp1258": legacy.unicode_to_cp1258,
        "utf-16": lambda t: t.encode("utf-16"),
    }
    (tmp_path / "copy.txt").write_bytes(encoders[encoding](LEGACY_TEXT))
    summary = _service(sqlite_db).ingest([str(tmp_path / "copy.txt")])
    assert summary.ingested == 1, summary.failed
    with sqlite_db.reader() as s:
        row = DocumentRepository(s).by_key("copy")
    assert row is not None
    assert row.normalized_text == LEGACY_TEXT
    assert row.encoding == encoding


def test_seeds_ingest_once_and_the_banner_stays_out_of_the_body(
    db: Database, shared_dir: Path
) -> None:
    service = _service(db)
    first = service.ingest([str(shared_dir / "seeds")])
    second = service.ingest([str(shared_dir / "seeds")])
    assert (first.ingested, first.failed) == (5, [])
    assert (second.ingested, second.unchanged) == (0, 5)
    with db.reader() as s:
        row = DocumentRepository(s).by_key("002_c4a81783b3a0a098")
        assert row is not None
        record = to_record(row)
    kinds = {seg.kind: record.original_text[seg.start : seg.end] for seg in record.clutter}
    assert kinds["banner"].startswith("Chào mừng kỷ niệm 94 năm")
    assert kinds["dateline"] == "Thứ Bảy, 13/04/2024 03:38"
    assert record.published is not None
    assert (record.published.year, record.published.month, record.published.day) == (2024, 4, 13)
    body_start = max(seg.end for seg in record.clutter if seg.kind in {"banner", "dateline"})
    assert "Ban Đối ngoại Trung ương" in record.original_text[body_start:]


class _CrossedNames:
    """Names two organizations in the given order, pausing between them on the first try."""

    def __init__(self, order: tuple[int, int], barrier: threading.Barrier) -> None:
        self.order, self.barrier, self.tries = order, barrier, 0

    def on_stored(self, session: Session, row: DocumentRow, ctx: DocContext) -> None:
        self.tries += 1
        for i, entity_id in enumerate(self.order):
            if i == 1 and self.tries == 1:
                # Both transactions now hold their first counts row and ask for the other's.
                self.barrier.wait(timeout=10)
            session.add(_name_statement(entity_id, row.id))
            session.flush()

    def on_superseded(self, session: Session, old: DocumentRow) -> None:
        return None


def _name_statement(entity_id: int, document_id: int) -> StatementRow:
    return StatementRow(
        entity_id=entity_id,
        prop="name",
        value=f"Tổ chức {entity_id}",
        value_key=f"to chuc {entity_id}",
        fold_key=f"to chuc {entity_id}",
        match_key=f"to chuc {entity_id}",
        document_id=document_id,
        extractor="test",
    )


@pytest.mark.postgres
def test_crossed_counts_rows_deadlock_is_retried_on_postgres(pg_db: Database) -> None:
    # The counts triggers lock one row per (organization, name): two documents naming the
    # same two organizations in opposite orders deadlock on PostgreSQL (40P01); ingest retries.
    with pg_db.transaction() as s:
        orgs = [EntityRow(type="organization", caption=f"Tổ chức {i}") for i in (1, 2)]
        s.add_all(orgs)
        s.flush()
        a, b = (org.id for org in orgs)
    barrier = threading.Barrier(2)
    hooks = [_CrossedNames((a, b), barrier), _CrossedNames((b, a), barrier)]
    raws = [
        RawDocument(
            original_text=TEXT + f"Đoạn {i}.\n", source=f"d{i}.txt", media_type="text/plain"
        )
        for i in range(2)
    ]
    with ThreadPoolExecutor(2) as pool:
        futures = [
            pool.submit(_service(pg_db, [h]).store, r) for h, r in zip(hooks, raws, strict=True)
        ]
        outcomes = [f.result()[0] for f in futures]
    assert outcomes == [Outcome.INGESTED, Outcome.INGESTED]
    assert sorted(h.tries for h in hooks) == [1, 2]  # one of them was the deadlock victim
    with pg_db.reader() as s:
        counts = s.scalars(select(FactCountRow.n).where(FactCountRow.prop == "name")).all()
    assert counts == [2, 2]
