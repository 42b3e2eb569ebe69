"""Tests for outlet tags, web domains and country-tagged bodies."""

from __future__ import annotations

from daphuong.pipeline.extract import gazetteer
from daphuong.pipeline.extract.outlets import find
from daphuong.pipeline.extract.scan import Doc


def _found(text: str) -> set[str]:
    return {text[c.start : c.end] for c in find(Doc.build(text, gazetteer.load()))}


def test_an_outlets_online_edition_opening_a_line_is_one_tag() -> None:
    assert "BGĐT Online" in _found("BGĐT Online - Sáng 3/2, đoàn công tác đến thăm.")


def test_tags_domains_and_country_tagged_bodies() -> None:
    found = _found("(ANTĐ) - Theo trang hanoimoi.vn, tổ chức KFHI/Hàn Quốc tài trợ.")
    assert {"ANTĐ", "hanoimoi.vn", "KFHI"} <= found


def test_a_capitalised_word_after_a_tag_without_a_dash_is_no_outlet() -> None:
    assert not any("Online" in f for f in _found("TTXVN Online hôm nay đưa tin."))
