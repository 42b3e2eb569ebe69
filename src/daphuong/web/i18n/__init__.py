"""Message catalogues (gettext .po, compiled in memory) and the language of a request."""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

CATALOGUE_DIR = Path(__file__).parent
LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"
DOMAIN = "messages"


def pick_language(requested: str | None) -> str:
    """A supported language code for a query or cookie value (Vietnamese by default)."""
    if requested:
        code = requested.strip().lower()[:2]
        if code in LANGUAGES:
            return code
    return DEFAULT_LANGUAGE


@lru_cache(maxsize=len(LANGUAGES))
def translations(language: str) -> NullTranslations:
    """Translations for one language, compiled from its .po file once per process."""
    po_path = CATALOGUE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not po_path.is_file():
        return NullTranslations()
    with po_path.open("rb") as fh:
        catalog = read_po(fh, locale=language)
    buffer = io.BytesIO()
    # Compiling here rather than committing .mo keeps one source of truth in git.
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


def gettext_for(language: str) -> Translator:
    """The `_` callable templates and handlers use for one language."""
    return Translator(language, translations(language))


class Translator:
    """Translate messages into one language, with `{name}` placeholders filled in."""

    def __init__(self, language: str, catalogue: NullTranslations) -> None:
        self.language = language
        self._catalogue = catalogue

    def __call__(self, message: str, **values: object) -> str:
        """Translate `message`; an untranslated message falls back to its English id."""
        text = self._catalogue.gettext(message)
        return text.format(**values) if values else text

    def plural(self, singular: str, plural: str, n: int, **values: object) -> str:
        """Translate a message that depends on a count `n`."""
        text = self._catalogue.ngettext(singular, plural, n)
        return text.format(n=n, **values)
