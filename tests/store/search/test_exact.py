"""The exact-diacritics conditions' Python checks over stored, space-padded columns."""

from __future__ import annotations

import pytest

from daphuong.store.search.exact import exact_level, marked_exclusions
from daphuong.text.query import parse_query


def _row(exact: str, title: str = "", body: str = "") -> dict[str, bytes]:
    return {
        c: f" {v} ".encode() for c, v in (("exact", exact), ("title_f", title), ("body_f", body))
    }


@pytest.mark.parametrize(
    ("query", "exact", "holds"),
    [
        ("đường", "mới đường", True),
        ("đường", "dương mới", False),
        ("đường*", "đườngbộ", True),
        ("đường mới", "mới đường", True),  # every marked word, in any order
        ("đường mới", "đường", False),
        ("đường OR phố", "phố", True),
        ("đường OR phố", "dương", False),
        ("đường OR dương cầm", "cầm dương", True),
    ],
)
def test_exact_level_check_needs_every_marked_word_with_its_marks(
    query: str, exact: str, holds: bool
) -> None:
    level = exact_level(parse_query(query))
    assert level is not None
    assert level.check(_row(exact)) is holds


def test_marked_exclusion_check_is_the_negation() -> None:
    banned = marked_exclusions(parse_query("ban -hội -hỏi"))
    assert banned is not None
    assert banned.check(_row("hơi")) is True
    assert banned.check(_row("hỏi")) is False
    assert banned.check(_row("hội")) is False


def test_a_required_word_without_marks_is_left_to_the_match() -> None:
    # Every match has it: the level reads the exact set alone, not the folded streams.
    level = exact_level(parse_query("Bộ Ngoại giao"))
    assert level is not None
    assert level.columns == ("exact",)
    assert level.check(_row("bộ ngoại")) is True
    assert level.check(_row("bộ ngoài")) is False
    either = exact_level(parse_query("giao OR bộ"))  # an option, not a required word: checked
    assert either is not None
    assert set(either.columns) == {"body_f", "exact", "title_f"}
