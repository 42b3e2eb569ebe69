"""tsvector literals and COPY writes for PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from daphuong.store.engine import Database
from daphuong.store.search.postgres_index import (
    MAX_POSITION,
    MAX_POSITIONS_PER_LEXEME,
    tsvector_literal,
)
from daphuong.text.analyze import token_streams


def _streams(title: str, body: str) -> list[tuple[list[str], list[str], str]]:
    t, b = token_streams(title), token_streams(body)
    return [(t.fold, t.tone, "A"), (b.fold, b.tone, "")]


def _merged(literal: str) -> dict[str, list[str]]:
    """What PostgreSQL makes of a literal: positions per lexeme, merged and de-duplicated."""
    out: dict[str, set[str]] = {}
    for part in literal.split(" "):
        word, _, at = part.partition(":")
        out.setdefault(word, set()).update(at.split(",") if at else [])
    return {w: sorted(p, key=lambda s: int(s.rstrip("A"))) for w, p in out.items()}


def test_folded_and_exact_lexemes_share_positions() -> None:
    literal = tsvector_literal(_streams("Hoà", "hoa đường"))
    assert _merged(literal) == {
        "'hoa'": ["1A", "4"],
        "'hòa'": ["1A"],
        "'duong'": ["5"],
        "'đường'": ["5"],
    }


def test_meta_lexemes_have_no_position_and_words_needing_quotes_are_escaped() -> None:
    literal = tsvector_literal([(["it's", "a\\b"], ["it's", "a\\b"], "")], ["vpublic", "f3"])
    assert literal == "'it''s':1 'a\\\\b':2 'it''s':1 'a\\\\b':2 '~vpublic' '~f3'"


@pytest.mark.postgres
def test_postgres_merges_caps_and_clamps_positions(pg_db: Database) -> None:
    many = tsvector_literal([(["a"] * 400, ["á"] * 400, ""), (["z"], ["z"], "")])
    words = ["y"] * (MAX_POSITION + 5) + ["x"]
    far = tsvector_literal([(words, words, "")])
    with pg_db.reader() as s:
        result = (
            s.execute(
                text(
                    "SELECT lexeme, positions FROM unnest(CAST(:v AS tsvector)) "
                    "UNION ALL SELECT '#' || lexeme, positions FROM unnest(CAST(:f AS tsvector)) "
                    "WHERE lexeme = 'x'"
                ),
                {"v": many, "f": far},
            )
            .tuples()
            .all()
        )
    rows: dict[str, list[int]] = dict(result)
    assert len(rows["a"]) == len(rows["á"]) == MAX_POSITIONS_PER_LEXEME
    assert rows["a"][:3] == [1, 2, 3]
    assert rows["z"] == [403]  # after the gap
    assert rows["#x"] == [MAX_POSITION]
