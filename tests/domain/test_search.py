"""Snippet rendering for web (escaped HTML) and terminals."""

from __future__ import annotations

from daphuong.domain.search import Snippet, Term


def test_html_escapes_text_and_marks_highlights() -> None:
    snippet = Snippet("<b>Hợp tác</b> & hợp tác", ((3, 10), (17, 24)))
    assert snippet.to_html() == "&lt;b&gt;<mark>Hợp tác</mark>&lt;/b&gt; &amp; <mark>hợp tác</mark>"
    assert snippet.marked() == "<b>[Hợp tác]</b> & [hợp tác]"


def test_term_knows_whether_marks_were_typed() -> None:
    assert Term("duong", "đường").has_marks
    assert not Term("duong", "duong").has_marks
