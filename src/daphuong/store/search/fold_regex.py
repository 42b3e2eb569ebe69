"""Regexes over lower-cased text that match where the folded text (text.keys.fold_key) would.

Folding a whole document (str.translate through a dict, a lookup per character) cost more
than finding the query in it: 2.1 of 2.9 ms for a page of 20 snippets. Lower-casing is one C
call; each folded letter of the query then becomes the class of characters that fold to it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from daphuong.text.keys import fold_key

# Every character that fold_key maps to another single character once lower-cased lies here
# (its table comes from the Latin blocks); tests/store/search/test_fold_regex.py checks it.
FOLDED_RANGE = range(0x80, 0x3000)


@lru_cache(maxsize=1)
def _preimages() -> dict[str, str]:
    """For each folded character, the other characters of FOLDED_RANGE that fold to it."""
    out: dict[str, list[str]] = {}
    for cp in FOLDED_RANGE:
        ch = chr(cp)
        folded = fold_key(ch)
        if folded != ch and len(folded) == 1:
            out.setdefault(folded, []).append(ch)
    return {k: "".join(v) for k, v in out.items()}


def letter(ch: str) -> str:
    """A regex for one folded character: the characters of lower-cased text that fold to it.

    Upper-case characters in the class never occur in lower-cased text; a character that
    folds to another one is left out of its own class.
    """
    chars = ("" if fold_key(ch) != ch else ch) + _preimages().get(ch, "")
    if not chars:
        return "(?!)"  # no lower-cased text folds to it
    if len(chars) == 1:
        return re.escape(chars)
    return "[" + "".join(re.escape(c) for c in chars) + "]"


def word(folded: str) -> str:
    """A regex for a folded word over lower-cased text (one position per character)."""
    return "".join(letter(ch) for ch in folded)


def lowered(text: str) -> str | None:
    """The text lower-cased, or None where that changes its length (then fold it instead)."""
    low = text.lower()
    return low if len(low) == len(text) else None
