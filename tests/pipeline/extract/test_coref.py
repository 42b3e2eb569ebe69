"""Tests for resolving short references to people."""

from __future__ import annotations

from daphuong.pipeline.extract.coref import PersonIndex, full_names, strip_honorific
from daphuong.pipeline.extract.tokens import Token, tokenize
from daphuong.services.evaluation import project_gold_mentions


def _index(text: str, *names: str) -> tuple[PersonIndex, list[Token]]:
    gold = {"entities": [{"type": "PERSON", "text": n} for n in names]}
    tokens = tokenize(text)
    return PersonIndex(tokens, project_gold_mentions(text, gold)), tokens


def test_short_names_map_to_the_one_longer_name_ending_with_them() -> None:
    names = full_names(["Ngô Quang Xuân", "Xuân", "Quang Xuân", "Lê Thị Hồng"])
    assert names["xuân"] == "Ngô Quang Xuân"
    assert names["quang xuân"] == "Ngô Quang Xuân"
    assert names["lê thị hồng"] == "Lê Thị Hồng"


def test_ambiguous_short_name_stays_as_written() -> None:
    names = full_names(["Trần Văn Nam", "Lê Hải Nam", "Nam"])
    assert names["nam"] == "Nam"


def test_honorific_is_not_part_of_the_name() -> None:
    assert strip_honorific("Ông Bùi Văn Khoa") == "Bùi Văn Khoa"
    assert strip_honorific("Bà") == "Bà"


def test_alias_after_a_title_resolves_to_the_full_name() -> None:
    text = "Thứ trưởng Ngô Quang Xuân phát biểu. Sau đó Thứ trưởng Xuân cảm ơn."
    index, tokens = _index(text, "Ngô Quang Xuân")
    xuan = next(i for i, t in enumerate(tokens) if t.text == "Xuân" and t.start > 30)
    assert index.starting_at(tokens, xuan) == (xuan + 1, "Ngô Quang Xuân")
    assert index.starting_at(tokens, xuan, aliases=False) is None


def test_names_between_lists_people_once_in_order() -> None:
    text = "Ông Đào Văn Hùng và bà Mai Thị Lan, cùng ông Đào Văn Hùng"
    index, tokens = _index(text, "Đào Văn Hùng", "Mai Thị Lan")
    assert index.names_between(tokens, 0, len(tokens)) == ["Đào Văn Hùng", "Mai Thị Lan"]


def test_a_family_name_written_first_maps_to_the_one_name_opening_with_it() -> None:
    names = full_names(["Kishida Fumio", "Kishida", "Lee Jae-myung", "Lee", "Lee Hae-chan"])
    assert names["kishida"] == "Kishida Fumio"
    assert names["lee"] == "Lee"  # two names open with it: left as written
