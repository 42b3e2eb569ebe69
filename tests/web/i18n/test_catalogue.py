"""Catalogues are complete: every message the app uses is translated into Vietnamese."""

from __future__ import annotations

from pathlib import Path

from daphuong.web.i18n import LANGUAGES
from daphuong.web.i18n.catalogue import literal_messages, load, used_messages


def test_literal_messages_are_found_in_both_quote_styles(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text("""{{ _("Save") }} {{ _('Cancel', n=1) }} {{ other("x") }}""", encoding="utf-8")
    assert literal_messages([page]) == {"Save", "Cancel"}


def test_every_used_message_is_in_every_catalogue() -> None:
    used = used_messages()
    for language in LANGUAGES:
        ids = {m.id for m in load(language) if isinstance(m.id, str) and m.id}
        missing = sorted(used - ids)
        assert not missing, f"{language}: run python -m daphuong.web.i18n.catalogue: {missing}"


def test_every_message_has_a_vietnamese_translation() -> None:
    untranslated = sorted(m.id for m in load("vi") if m.id and not m.string)
    assert not untranslated, f"untranslated in vi: {untranslated}"


def test_placeholders_survive_translation() -> None:
    for message in load("vi"):
        if not message.id or not isinstance(message.id, str):
            continue
        for name in ("{name}", "{n}", "{total}"):
            if name in message.id:
                assert isinstance(message.string, str)
                assert name in message.string, f"{message.id!r} lost {name}"
