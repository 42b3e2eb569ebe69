"""Template lookups: PageEnvironment answers exactly as Jinja2's own Environment does."""

from __future__ import annotations

import jinja2
import pytest

from daphuong.web.rendering import PageEnvironment

CASES = [
    ("{{ d.title }}", {"title": "Vụ trưởng"}),
    ("{{ d.missing is defined }}", {"title": "Vụ trưởng"}),
    # A key named like a dict method: Jinja2 gives the method, and so must we.
    ("{{ d.items is callable }} {{ d['items'] }}", {"items": "Hà Nội"}),
    ("{% for k, v in d.items() %}{{ k }}={{ v }};{% endfor %}", {"a": 1, "b": 2}),
    ("{{ d.get('a') }}", {"a": "Đà Nẵng"}),
    ("{{ d.upper() }}", "chuỗi"),  # not a dict: attributes as usual
    ("{{ d.real }}", 7),
]


@pytest.mark.parametrize(("source", "value"), CASES)
def test_lookups_match_jinja2(source: str, value: object) -> None:
    plain = jinja2.Environment(autoescape=True).from_string(source).render(d=value)
    ours = PageEnvironment(autoescape=True).from_string(source).render(d=value)
    assert ours == plain
