"""Snippet windows and highlight ranges, independent of any database."""

from __future__ import annotations

from daphuong.domain.document import Segment
from daphuong.store.search.snippets import Matcher, find_matches, make_snippet
from daphuong.text.normalize import normalize
from daphuong.text.query import parse_query


def _snippet(text: str, query: str, chars: int = 180, clutter: tuple[Segment, ...] = ()):  # type: ignore[no-untyped-def]
    norm = normalize(text)
    return make_snippet(text, norm.text, norm.offsets, clutter, parse_query(query), chars)


def test_window_goes_to_the_densest_matches() -> None:
    text = "Mở đầu không liên quan. " * 20 + "Hợp tác đa phương và hợp tác song phương."
    snippet = _snippet(text, "hop tac", 80)
    assert snippet.text.startswith("…")
    assert [snippet.text[a:b] for a, b in snippet.highlights] == ["Hợp tác", "hợp tác"]
    assert text[snippet.start :].startswith(snippet.text[1:20])


def test_no_match_shows_the_beginning() -> None:
    snippet = _snippet("Tin ngắn.", "xyz")
    assert (snippet.text, snippet.highlights) == ("Tin ngắn.", ())


def test_matches_in_clutter_are_not_highlighted() -> None:
    text = "Chia sẻ hợp tác. Nội dung hợp tác."
    snippet = _snippet(text, "hop tac", clutter=(Segment(0, 16, "share"),))
    assert [a for a, _ in snippet.highlights] == [text.rindex("hợp")]


def test_exactness_is_reported_per_match() -> None:
    assert find_matches(parse_query("đường"), "dương đường") == [(0, 5, False), (6, 11, True)]
    assert find_matches(parse_query("duong"), "dương đường") == [(0, 5, True), (6, 11, True)]


def test_phrase_needs_adjacent_words_and_prefix_matches_starts() -> None:
    text = "ngoại giao, giao ngoại, ngoài"
    assert find_matches(parse_query('"ngoai giao"'), text) == [(0, 10, True)]
    assert [m[0] for m in find_matches(parse_query("ngo*"), text)] == [0, 17, 24]


def test_adjacent_words_highlight_as_one_range() -> None:
    assert find_matches(parse_query("đa phương"), "đa phương, đa dạng") == [
        (0, 9, True),
        (11, 13, True),
    ]


def test_one_matcher_for_a_page_gives_each_document_its_own_snippet() -> None:
    # The matcher remembers which pieces are exact across documents; a piece exact for one
    # clause must not be taken as exact for another, nor a document's result leak to the next.
    texts = ["Con đường mới và dương liễu.", "Dương liễu bên đường, dương cầm."]
    parsed = parse_query("đường dương")
    matcher = Matcher(parsed)
    for text in texts:
        norm = normalize(text)
        alone = make_snippet(text, norm.text, norm.offsets, [], parsed)
        shared = make_snippet(text, norm.text, norm.offsets, [], matcher)
        assert shared == alone
    # Clauses: the phrase "đường dương", then đường, then dương.
    assert matcher.is_exact(2, "dương") and not matcher.is_exact(1, "dương")
