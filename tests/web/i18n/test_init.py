"""Language choice and translation callables."""

from __future__ import annotations

import pytest

from daphuong.web.i18n import gettext_for, pick_language


@pytest.mark.parametrize(
    ("asked", "expected"),
    [(None, "vi"), ("", "vi"), ("en", "en"), ("EN-us", "en"), ("vi", "vi"), ("de", "vi")],
)
def test_pick_language(asked: str | None, expected: str) -> None:
    assert pick_language(asked) == expected


def test_translator_fills_placeholders_in_each_language() -> None:
    assert gettext_for("en")("Signed in as {name}", name="lan") == "Signed in as lan"
    assert gettext_for("vi")("Signed in as {name}", name="lan") == "Người dùng: lan"


def test_unknown_message_falls_back_to_its_id() -> None:
    assert gettext_for("vi")("Not in any catalogue") == "Not in any catalogue"
