"""Query parser: words, phrases, OR, exclusions, prefixes, and hostile input."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from daphuong.domain.search import AnyOf, ParsedQuery, Phrase, Term
from daphuong.errors import InvalidInput
from daphuong.text.query import MAX_QUERY_CHARS, adjacent_runs, parse_query


def _folds(parsed: ParsedQuery) -> list[object]:
    out: list[object] = []
    for item in parsed.required:
        if isinstance(item, Term):
            out.append(item.fold)
        elif isinstance(item, Phrase):
            out.append(tuple(t.fold for t in item.terms))
        else:
            out.append({o.fold if isinstance(o, Term) else o.terms[0].fold for o in item.options})
    return out


def test_words_are_case_and_mark_insensitive_keys() -> None:
    parsed = parse_query("ĐỐI Ngoại hoà")
    assert _folds(parsed) == ["doi", "ngoai", "hoa"]
    assert [t.tone for t in parsed.required if isinstance(t, Term)] == ["đối", "ngoại", "hòa"]


def test_marks_typed_are_remembered() -> None:
    plain, marked = parse_query("duong").required[0], parse_query("đường").required[0]
    assert isinstance(plain, Term) and isinstance(marked, Term)
    assert not plain.has_marks
    assert marked.has_marks


def test_quoted_phrase_and_exclusion_and_prefix() -> None:
    parsed = parse_query('"ngoại giao cây tre" -hội ngoai*')
    phrase, prefix = parsed.required
    assert isinstance(phrase, Phrase) and phrase.quoted
    assert [t.fold for t in phrase.terms] == ["ngoai", "giao", "cay", "tre"]
    assert isinstance(prefix, Term) and prefix.prefix and prefix.fold == "ngoai"
    assert parsed.excluded == (Term("hoi", "hội"),)


def test_or_joins_neighbours() -> None:
    parsed = parse_query("asean OR apec | unesco hà")
    first, second = parsed.required
    assert isinstance(first, AnyOf)
    assert [o.fold for o in first.options if isinstance(o, Term)] == ["asean", "apec", "unesco"]
    assert second == Term("ha", "hà")


def test_punctuated_word_is_an_unquoted_phrase() -> None:
    (item,) = parse_query("COVID-19").required
    assert isinstance(item, Phrase) and not item.quoted
    assert [t.fold for t in item.terms] == ["covid", "19"]


def test_unbalanced_quote_runs_to_the_end() -> None:
    (item,) = parse_query('"đa phương').required
    assert isinstance(item, Phrase)
    assert [t.fold for t in item.terms] == ["da", "phuong"]


@pytest.mark.parametrize("text", ["", "   ", '"', "');--", "* * *", "OR", "\x00\x07", "-"])
def test_nothing_to_look_for_gives_an_empty_query(text: str) -> None:
    assert parse_query(text).is_empty


def test_fts_operators_are_plain_words() -> None:
    assert _folds(parse_query("NEAR AND NOT")) == ["near", "and", "not"]


def test_only_exclusions_is_refused_clearly() -> None:
    with pytest.raises(InvalidInput, match="only excludes"):
        parse_query("-hội -nghị")


def test_long_queries_are_refused_clearly() -> None:
    with pytest.raises(InvalidInput, match="too long"):
        parse_query("a" * 10_000)
    with pytest.raises(InvalidInput, match="too many words"):
        parse_query(" ".join(["từ"] * 40))
    assert len(parse_query("x" * MAX_QUERY_CHARS).required) == 1


def test_one_letter_prefix_matches_literally() -> None:
    assert parse_query("a*").required == (Term("a", "a"),)


def test_adjacent_runs_are_plain_neighbouring_words() -> None:
    runs = adjacent_runs(parse_query('đa phương "x y" lê hoài trung ngo*'))
    assert [[t.fold for t in run] for run in runs] == [["da", "phuong"], ["le", "hoai", "trung"]]


@given(st.text(max_size=300))
def test_any_text_parses_or_is_refused_cleanly(text: str) -> None:
    try:
        parsed = parse_query(text)
    except InvalidInput as exc:
        assert exc.message
    else:
        for clause in parsed.positive_clauses():
            terms = clause.terms if isinstance(clause, Phrase) else (clause,)
            assert all(t.fold and t.fold.isalnum() for t in terms)
