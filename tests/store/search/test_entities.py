"""Quick-find helpers: the last word becomes a prefix; the shown name contains the words."""

from __future__ import annotations

from daphuong.domain.search import Term
from daphuong.store.search.entities import best_name, name_rank, quick_find_query
from daphuong.text.query import parse_query


def test_last_plain_word_becomes_a_prefix() -> None:
    parsed = quick_find_query(parse_query("le hoai tr"))
    assert parsed.required[-1] == Term("tr", "tr", prefix=True)
    assert parsed.required[0] == Term("le", "le")
    quoted = parse_query('"le hoai"')
    assert quick_find_query(quoted) == quoted


def test_best_name_is_the_alias_that_contains_the_words() -> None:
    names = ["Bộ Ngoại giao", "BNG", "Ministry of Foreign Affairs"]
    assert best_name(names, quick_find_query(parse_query("ministry"))) == names[2]
    assert best_name(names, quick_find_query(parse_query("ngoai gi"))) == names[0]
    assert best_name(names, quick_find_query(parse_query("zzz"))) == names[0]


def test_name_rank_puts_the_exact_name_before_longer_ones() -> None:
    parsed = quick_find_query(parse_query("asean"))
    assert name_rank(["Hiệp hội các quốc gia Đông Nam Á", "ASEAN"], parsed) == 0
    assert name_rank(["ASEAN Community"], parsed) == 1
    assert name_rank(["Diễn đàn Nhân dân ASEAN"], parsed) == 2
    assert name_rank(["Lê Hoài Trung"], quick_find_query(parse_query("le hoai"))) == 1
