"""FTS5 expressions built from parsed queries: quoted tokens only, the exact set, tiers."""

from __future__ import annotations

from daphuong.domain.access import Principal, Role
from daphuong.domain.search import SearchQuery
from daphuong.store.engine import Database
from daphuong.store.search import make_index, sqlite_reads
from daphuong.store.search.exact import exact_level, marked_exclusions
from daphuong.store.search.fts_expr import (
    adjacency_expression,
    base_expression,
    fts_expression,
    tier_expressions,
    title_expression,
)
from daphuong.store.search.meta import hidden_tokens
from daphuong.store.search.prepare import IndexedDocument, fts_text
from daphuong.text.analyze import token_streams
from daphuong.text.query import parse_query

NAMES = ("{names_f}", "{names_x}")


def test_plain_word_searches_folded_columns_only() -> None:
    assert fts_expression(parse_query("doi")) == '{title_f body_f} : "doi"'


def test_marked_word_matches_on_the_folded_columns_alone() -> None:
    # The exact twin finds the same documents; only quick-find's bm25 wants it.
    assert fts_expression(parse_query("đối")) == '{title_f body_f} : "doi"'
    assert fts_expression(parse_query("đối"), *NAMES, exact_alternatives=True) == (
        '({names_f} : "doi" OR {names_x} : "đối")'
    )


def test_operators_exclusions_and_prefix() -> None:
    parsed = parse_query('"ngoại giao" OR near* -hội -ban')
    assert fts_expression(parsed) == (
        '(({title_f body_f} : "ngoai giao" OR {title_f body_f} : "near" *)) '
        'NOT ({title_f body_f} : "ban")'
    )
    # The marked exclusion is a condition on the stored exact set beside the MATCH.
    banned = marked_exclusions(parsed)
    assert banned is not None
    assert banned.sql == "NOT (instr(' ' || exact || ' ', :n0) > 0)"
    assert banned.params == {"n0": " hội "}
    assert fts_expression(parsed, *NAMES) == (
        '(({names_f} : "ngoai giao" OR {names_f} : "near" *)) '
        'NOT ({names_x} : "hội" OR {names_f} : "ban")'
    )


def test_a_marked_phrase_is_the_folded_phrase_and_each_marked_word_in_the_exact_set() -> None:
    level = exact_level(parse_query('"hội nghi"'))
    assert level is not None
    assert level.sql == (
        "(((instr(' ' || title_f || ' ', :x0) > 0 OR instr(' ' || body_f || ' ', :x1) > 0) "
        "AND instr(' ' || exact || ' ', :x2) > 0))"
    )
    assert level.params == {"x0": " hoi nghi ", "x1": " hoi nghi ", "x2": " hội "}


def test_exact_level_and_adjacency() -> None:
    assert adjacency_expression(parse_query("da phuong")) == '{title_f body_f} : "da phuong"'
    assert exact_level(parse_query("da phuong")) is None
    level = exact_level(parse_query("đường*"))
    assert level is not None
    assert level.sql == "(instr(' ' || exact || ' ', :x0) > 0)"
    assert level.params == {"x0": " đường"}  # a prefix: no closing space
    assert adjacency_expression(parse_query('"x"')) is None
    assert tier_expressions(parse_query("đường"), *NAMES) == ['({names_x} : "đường")']


def test_the_exact_column_is_the_marked_words_once_title_first() -> None:
    doc = IndexedDocument(
        doc_id=1,
        visibility="public",
        owner_org_id=None,
        published=None,
        title=token_streams("Hội nghị ban"),
        body=token_streams("hội nghị, Hội đồng và ban"),
    )
    assert fts_text(doc).exact.split() == ["hội", "nghị", "đồng", "và"]


def test_base_expression_excludes_what_the_caller_may_not_see_and_adds_filters() -> None:
    viewer = Principal(user_id=1, org_id=4, role=Role.VIEWER)
    expr = base_expression(parse_query("doi"), hidden_tokens(viewer), ((7, 9),))
    assert expr == (
        '(({title_f body_f} : "doi") AND {meta} : (("f7") OR ("f9"))) NOT '
        '(({meta} : "vinternal" NOT {meta} : (("o4"))) OR '
        '({meta} : "vshared" NOT {meta} : (("o4"))))'
    )
    assert base_expression(parse_query(""), None, ()) == '{meta} : "any"'


def test_title_flag_needs_every_item_in_the_title() -> None:
    assert title_expression(parse_query("hop tac OR ket")) == (
        '({title_f} : "hop") AND ({title_f} : "tac" OR {title_f} : "ket")'
    )


def test_the_exact_level_checks_fetched_columns_as_its_sql_does() -> None:
    level = exact_level(parse_query('"hội nghi" OR đường*'))
    assert level is not None
    assert level.columns == ("body_f", "exact", "title_f")

    def row(exact: str, body: str) -> dict[str, bytes]:
        return {"exact": f" {exact} ".encode(), "body_f": f" {body} ".encode(), "title_f": b"  "}

    assert level.check(row("hội", "x hoi nghi y"))
    assert not level.check(row("hỏi", "x hoi nghi y"))  # the marked word spelled otherwise
    assert not level.check(row("hội", "hoi x nghi"))  # not the phrase
    assert level.check(row("đường", "duong"))  # the other option
    assert level.check(row("a đườngx", "duongx"))  # a prefix
    banned = marked_exclusions(parse_query("doi -hội"))
    assert banned is not None
    assert banned.check(row("hỏi", "hoi")) and not banned.check(row("hội", "hoi"))


def test_a_search_connection_gets_the_larger_cache_and_a_memory_map(sqlite_db: Database) -> None:
    index = make_index("sqlite")
    with sqlite_db.reader() as s:
        index.search(s, SearchQuery(parse_query("hop tac")), Principal.local_system())
        conn = s.connection()
        assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == -sqlite_reads.CACHE_KIB
        assert (conn.exec_driver_sql("PRAGMA mmap_size").scalar() or 0) > 0
