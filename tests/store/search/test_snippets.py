"""Snippet windows and highlight ranges, independent of any database."""

from __future__ import annotations

from daphuong.store.search.snippets import find_matches, make_snippet
from daphuong.text.analyze import tokenize
from daphuong.text.normalize import normalize
from daphuong.text.query import parse_query


def test_window_goes_to_the_densest_matches() -> None:
    text = "Mở đầu không liên quan. " * 20 + "Hợp tác đa phương và hợp tác song phương."
    norm = normalize(text)
    snippet = make_snippet(text, norm.offsets, tokenize(norm.text), parse_query("hop tac"), 80)
    assert snippet.text.startswith("…")
    assert [snippet.text[a:b] for a, b in snippet.highlights] == ["Hợp tác", "hợp tác"]
    assert text[snippet.start :].startswith(snippet.text[1:20])


def test_no_match_shows_the_beginning() -> None:
    text = "Tin ngắn."
    norm = normalize(text)
    snippet = make_snippet(text, norm.offsets, tokenize(norm.text), parse_query("xyz"))
    assert (snippet.text, snippet.highlights) == ("Tin ngắn.", ())


def test_exactness_is_reported_per_match() -> None:
    tokens = tokenize("dương đường")
    assert find_matches(parse_query("đường"), tokens) == [(0, 0, False), (1, 1, True)]
    assert find_matches(parse_query("duong"), tokens) == [(0, 0, True), (1, 1, True)]


def test_phrase_needs_adjacent_tokens_and_prefix_matches_starts() -> None:
    tokens = tokenize("ngoại giao, giao ngoại, ngoài")
    assert find_matches(parse_query('"ngoai giao"'), tokens) == [(0, 1, True)]
    assert [m[0] for m in find_matches(parse_query("ngo*"), tokens)] == [0, 3, 4]
