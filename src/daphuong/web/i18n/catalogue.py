"""Keep the catalogues in step with the code: `python -m daphuong.web.i18n.catalogue`."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from daphuong.web.i18n import CATALOGUE_DIR, DOMAIN, LANGUAGES

WEB_DIR = CATALOGUE_DIR.parent
# An underscore call with a quoted literal first argument, in templates and Python.
_CALL = re.compile(r"""\b_\(\s*(?P<q>["'])(?P<msg>(?:(?!(?P=q)).)+)(?P=q)""")
# Messages chosen at run time (entity types, states, outcomes, count names).
DYNAMIC_MESSAGES = (
    "PERSON", "ORG", "LOCATION", "DATE", "MONEY", "LEGAL_DOC", "EVENT",
    "role", "event", "membership", "name", "alias", "fact",
    "kind", "date", "organizer", "chair", "same_as", "entity", "type", "outlet", "year",
    "proposed", "confirmed", "rejected", "merged",
    "ingested", "new_version", "unchanged", "failed",
    "documents", "entities", "events", "people", "organizations", "statements",
)  # fmt: skip


def literal_messages(paths: Iterable[Path]) -> set[str]:
    """Every literal `_()` message in the given files."""
    found: set[str] = set()
    for path in paths:
        found.update(m.group("msg") for m in _CALL.finditer(path.read_text(encoding="utf-8")))
    return found


def source_files() -> list[Path]:
    """Templates and Python modules of the web package."""
    return sorted([*WEB_DIR.rglob("*.html"), *WEB_DIR.rglob("*.py")])


def used_messages() -> set[str]:
    """Every message the web app may translate."""
    from daphuong.web.navigation import NAVIGATION

    return literal_messages(source_files()) | set(DYNAMIC_MESSAGES) | {n.label for n in NAVIGATION}


def po_path(language: str) -> Path:
    """Where a language's .po file lives."""
    return CATALOGUE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def load(language: str) -> Catalog:
    """A language's catalogue (empty when the file is missing)."""
    path = po_path(language)
    if not path.is_file():
        return Catalog(locale=language, domain=DOMAIN)
    with path.open("rb") as fh:
        return read_po(fh, locale=language)


def update() -> None:
    """Rewrite messages.pot and add new messages (untranslated) to every .po file."""
    messages = sorted(used_messages())
    template = Catalog(domain=DOMAIN, project="daphuong")
    for msg in messages:
        template.add(msg)
    with (CATALOGUE_DIR / f"{DOMAIN}.pot").open("wb") as fh:
        write_po(fh, template, omit_header=False, width=100)
    for language in LANGUAGES:
        catalog = load(language)
        catalog.update(template, no_fuzzy_matching=True)
        po_path(language).parent.mkdir(parents=True, exist_ok=True)
        with po_path(language).open("wb") as fh:
            write_po(fh, catalog, width=100, ignore_obsolete=True)


if __name__ == "__main__":
    update()
