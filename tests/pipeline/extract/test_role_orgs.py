"""Tests for the organization a title names."""

from __future__ import annotations

import pytest

from daphuong.pipeline.extract.coref import PersonIndex
from daphuong.pipeline.extract.role_orgs import TitleOrgs
from daphuong.pipeline.extract.titles import lexicon
from daphuong.pipeline.extract.tokens import tokenize
from daphuong.services.evaluation import project_gold_mentions


def _org(text: str, **types: list[str]) -> str:
    gold = {"entities": [{"type": t, "text": n} for t, names in types.items() for n in names]}
    tokens = tokenize(text)
    mentions = project_gold_mentions(text, gold)
    lex = lexicon()
    named = TitleOrgs(text, tokens, mentions, PersonIndex(tokens, mentions), lex)
    hit = next(h for i in range(len(tokens)) if (h := lex.hit_at(tokens, i)) is not None)
    return named.resolve(hit)[0]


@pytest.mark.parametrize(
    ("text", "orgs", "org"),
    [
        (
            "Vụ trưởng Vụ Châu Á, Bộ Ngoại giao phát biểu.",
            ["Vụ Châu Á", "Bộ Ngoại giao"],
            "Vụ Châu Á",
        ),
        ("Thứ trưởng Ngoại giao Lê An phát biểu.", [], "Bộ Ngoại giao"),
        ("Trưởng ban Đối ngoại Trung ương Lê An phát biểu.", [], "Ban Đối ngoại Trung ương"),
        ("Đại sứ Việt Nam tại Lào Lê An phát biểu.", [], ""),
    ],
)
def test_the_org_a_title_names(text: str, orgs: list[str], org: str) -> None:
    assert _org(text, ORG=orgs, PERSON=["Lê An"]) == org
