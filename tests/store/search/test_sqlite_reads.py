"""SQLite search reads: rows through the driver connection, document counts by key range."""

from __future__ import annotations

import datetime as dt

import pytest

from daphuong.store.engine import Database
from daphuong.store.search import make_index
from daphuong.store.search.meta import day_key, sort_key
from daphuong.store.search.sqlite_reads import doc_count, range_count, read
from tests.store.search.helpers import add_doc

DAYS = [dt.datetime(2024, 1, d, 9, 0, tzinfo=dt.UTC) for d in (1, 2, 3, 4, 5, 6, 7, 8, 9, 10)]


@pytest.fixture
def keys(sqlite_db: Database) -> list[int]:
    """Ten indexed documents, one a day; their sort keys, oldest first."""
    index = make_index("sqlite")
    with sqlite_db.transaction() as s:
        ids = [add_doc(s, index, f"Văn bản số {i}.", published=d) for i, d in enumerate(DAYS)]
    return [sort_key(d, i) for d, i in zip(DAYS, ids, strict=True)]


@pytest.mark.parametrize("low_day", [None, 1, 2, 5, 6, 9, 10, 11])
@pytest.mark.parametrize("high_day", [None, 3, 11])
def test_doc_count_is_the_number_of_keys_in_the_range(
    sqlite_db: Database, keys: list[int], low_day: int | None, high_day: int | None
) -> None:
    # Lower bounds near either end take the two different routes (from the newest or the
    # oldest end); both must give the plain count.
    low = day_key(dt.date(2024, 1, low_day)) if low_day else None
    high = day_key(dt.date(2024, 1, high_day)) if high_day else None
    expected = sum(1 for k in keys if (low is None or k >= low) and (high is None or k < high))
    with sqlite_db.reader() as s:
        assert doc_count(s, low, high) == expected
        assert range_count(s, low, high) == expected


def test_an_undated_document_counts_only_without_a_lower_bound(
    sqlite_db: Database, keys: list[int]
) -> None:
    with sqlite_db.transaction() as s:
        add_doc(s, make_index("sqlite"), "Văn bản không ngày.")
    with sqlite_db.reader() as s:
        assert doc_count(s, None, None) == 11
        assert doc_count(s, None, keys[0]) == 1
        assert doc_count(s, keys[1], None) == 9  # counted from the newest end: keys start far back


def test_doc_count_of_an_empty_index_is_zero(sqlite_db: Database) -> None:
    with sqlite_db.reader() as s:
        assert doc_count(s, None, None) == 0
        assert doc_count(s, 5, None) == 0


def test_read_sees_the_sessions_own_uncommitted_writes(sqlite_db: Database) -> None:
    with sqlite_db.transaction() as s:
        add_doc(s, make_index("sqlite"), "Chưa ghi hẳn.")
        assert read(s, "SELECT count(*) FROM search_docs WHERE doc_id > :n", {"n": 0}) == [(1,)]
