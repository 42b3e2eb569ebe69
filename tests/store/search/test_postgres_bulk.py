"""A full rebuild without the GIN index: dropped during, built again after, even on failure."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from daphuong.domain.access import Principal
from daphuong.domain.search import SearchQuery
from daphuong.store.engine import Database
from daphuong.store.search import make_index
from daphuong.store.search.postgres import PostgresSearchIndex
from daphuong.store.search.postgres_bulk import TEXT_INDEX, restore_text_index, without_text_index
from daphuong.text.query import parse_query
from tests.store.search.helpers import add_doc


def has_text_index(db: Database) -> bool:
    """Whether the vector GIN index exists."""
    with db.reader() as s:
        found = s.scalar(
            text("SELECT count(*) FROM pg_indexes WHERE indexname = :n"), {"n": TEXT_INDEX}
        )
    return bool(found)


def _hits(db: Database, query: str) -> int:
    with db.reader() as s:
        result = make_index(db.dialect).search(
            s, SearchQuery(parse_query(query)), Principal.local_system()
        )
    return result.total


@pytest.mark.postgres
def test_rows_written_without_the_index_are_found_once_it_is_built(pg_db: Database) -> None:
    index = PostgresSearchIndex()
    with pg_db.transaction() as s:
        add_doc(s, index, "Đoàn đại biểu thăm hỏi bà con vùng lũ.")
    with index.bulk_rebuild(pg_db):
        assert not has_text_index(pg_db)
        with pg_db.transaction() as s:
            add_doc(s, index, "Bà con vùng lũ nhận gạo cứu trợ.")
    assert has_text_index(pg_db)
    assert _hits(pg_db, "vung lu") == 2
    with pg_db.reader() as s:  # the built index, not a scan, answers the match
        s.execute(text("SET LOCAL enable_seqscan = off"))
        plan = s.scalars(
            text("EXPLAIN SELECT 1 FROM search_docs WHERE vector @@ CAST('vung' AS tsquery)")
        ).all()
    assert any(TEXT_INDEX in line for line in plan)


@pytest.mark.postgres
def test_the_index_is_built_again_when_the_rebuild_fails(pg_db: Database) -> None:
    with pytest.raises(RuntimeError), without_text_index(pg_db):
        raise RuntimeError("a batch failed")
    assert has_text_index(pg_db)


@pytest.mark.postgres
def test_start_up_builds_the_index_a_killed_rebuild_left_dropped(pg_db: Database) -> None:
    index = PostgresSearchIndex()
    with pg_db.transaction() as s:
        add_doc(s, index, "Hội nghị hợp tác nhân dân các nước ASEAN.")
    with pg_db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text(f"DROP INDEX {TEXT_INDEX}"))  # what a kill mid-rebuild leaves
    index.repair(pg_db)
    assert has_text_index(pg_db)
    assert _hits(pg_db, "hop tac") == 1
    assert not restore_text_index(pg_db)  # present: nothing to do
