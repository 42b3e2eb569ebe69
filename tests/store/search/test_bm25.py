"""BM25 scoring of candidates, and its place in the ranking on both backends."""

from __future__ import annotations

import datetime as dt

from daphuong.domain.access import Principal
from daphuong.domain.search import SearchFilters, SearchQuery
from daphuong.store.engine import Database
from daphuong.store.search import base, make_index
from daphuong.store.search.bm25 import bm25_scores
from daphuong.text.query import parse_query
from tests.store.search.helpers import add_doc


def test_more_occurrences_and_shorter_documents_score_higher() -> None:
    parsed = parse_query("hop tac")
    scores = bm25_scores(
        {
            1: ("", "hop tac ve kinh te"),
            2: ("", "hop tac hop tac hop tac ve kinh te"),
            3: ("", "hop tac ve kinh te va van hoa giao duc the thao"),
            4: ("", "kinh te"),
        },
        parsed,
    )
    assert scores[2] > scores[1] > scores[3] > scores[4] == 0.0


def test_phrases_prefixes_and_titles_are_counted() -> None:
    scores = bm25_scores(
        {1: ("ngoai giao", "ngoai giao"), 2: ("", "ngoai giao"), 3: ("", "ngoai gia")},
        parse_query('"ngoai gia*"'),
    )
    assert scores[1] > scores[2] > 0.0
    assert scores[3] > 0.0  # 'gia*' matches 'gia' itself


def test_within_a_level_more_occurrences_rank_first_then_newest(db: Database) -> None:
    index = make_index(db.dialect)
    day = dt.datetime(2024, 5, 1, tzinfo=dt.UTC)
    with db.transaction() as s:
        once = add_doc(s, index, "Tin về hợp tác hôm nay.", published=day.replace(day=9))
        thrice = add_doc(
            s, index, "Hợp tác, hợp tác và hợp tác hôm nay.", published=day.replace(day=2)
        )
        titled = add_doc(s, index, "Nội dung.", title="Hợp tác", published=day)
    query = SearchQuery(parse_query("hợp tác"), SearchFilters())
    with db.reader() as s:
        hits = index.search(s, query, Principal.local_system()).hits
    assert [h.doc_id for h in hits] == [titled, thrice, once]
    level = [h.score // base.LEVEL for h in hits]
    assert level[0] > level[1] == level[2]
    assert hits[1].score > hits[2].score > level[2] * base.LEVEL


def test_words_typed_together_count_as_one_phrase() -> None:
    scores = bm25_scores(
        {1: ("", "hop tac kinh te"), 2: ("", "tac hop kinh te"), 3: ("", "kinh te hop tac")},
        parse_query("hop tac kinh"),
    )
    assert scores[1] > 0.0 == scores[2] == scores[3]  # only 1 has 'hop tac kinh' adjacent


def test_repeats_at_the_start_middle_and_end_are_counted() -> None:
    scores = bm25_scores(
        {1: ("", "a hop b hop c hop"), 2: ("", "hop b c d e f"), 3: ("hop", "")},
        parse_query("hop"),
    )
    assert scores[1] > scores[2] > 0.0
    assert scores[3] > 0.0
