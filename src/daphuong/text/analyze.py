"""Split Vietnamese text into syllable tokens with offsets and folded and tone keys."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from daphuong.text.keys import fold_key, tone_key

# Letters and digits; everything else (punctuation, spaces, '_', control characters) separates.
_TOKEN = re.compile(r"[^\W_]+")
# Longer runs are not words; cutting their keys keeps index terms bounded and matching symmetric.
MAX_TOKEN_CHARS = 64


# (folded key, tone key) of one token: all the index needs.
Keys = tuple[str, str]


class Token(NamedTuple):
    """One syllable or number: [start, end) in the analysed text and its two keys."""

    start: int
    end: int
    fold: str
    tone: str


_KEY_CACHE: dict[str, Keys] = {}
_KEY_CACHE_LIMIT = 500_000


def word_keys(word: str) -> Keys:
    """(fold, tone) keys of one token, cached: the same syllables recur in every document."""
    keys = _KEY_CACHE.get(word)
    if keys is None:
        if len(_KEY_CACHE) >= _KEY_CACHE_LIMIT:
            _KEY_CACHE.clear()
        keys = (fold_key(word)[:MAX_TOKEN_CHARS], tone_key(word)[:MAX_TOKEN_CHARS])
        _KEY_CACHE[word] = keys
    return keys


def tokenize(text: str) -> list[Token]:
    """Tokens of NFC text with offsets; keys match fold_key/tone_key of the whole text."""
    out: list[Token] = []
    for m in _TOKEN.finditer(text):
        fold, tone = word_keys(m.group())
        out.append(Token(m.start(), m.end(), fold, tone))
    return out


def token_keys(text: str) -> list[Keys]:
    """(fold, tone) keys of every token, without offsets: the fast path for indexing."""
    return [word_keys(w) for w in _TOKEN.findall(text)]


def fold_stream(keys: Iterable[Keys]) -> str:
    """Folded keys joined by spaces: what the diacritic-insensitive index sees."""
    return " ".join(k[0] for k in keys)


def tone_stream(keys: Iterable[Keys]) -> str:
    """Tone keys joined by spaces: what the exact (diacritic-sensitive) index sees."""
    return " ".join(k[1] for k in keys)


def name_key(name: str) -> str:
    """A folded, space-normalised key for a name (facet and filter values)."""
    return " ".join(t.fold for t in tokenize(name))
