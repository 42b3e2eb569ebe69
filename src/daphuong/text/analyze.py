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


class _ToneKeys(dict[str, str]):
    """Tone key per lower-case token, computed on first use (syllables recur everywhere)."""

    def __missing__(self, word: str) -> str:
        if len(self) >= _KEY_CACHE_LIMIT:
            self.clear()
        key = self[word] = tone_key(word)[:MAX_TOKEN_CHARS]
        return key


_TONE_KEYS = _ToneKeys()


class Streams(NamedTuple):
    """Folded and tone keys of every token of a text, in order (what the index stores)."""

    fold: list[str]
    tone: list[str]

    def keys(self) -> list[Keys]:
        """The same tokens as (fold, tone) pairs."""
        return list(zip(self.fold, self.tone, strict=True))


def _cut(words: list[str]) -> list[str]:
    if words and max(map(len, words)) > MAX_TOKEN_CHARS:
        return [w[:MAX_TOKEN_CHARS] for w in words]
    return words


def token_streams(text: str) -> Streams:
    """Keys of every token, computed on the whole text at once (fast path for indexing).

    Same keys as token_keys: folding is per character, so folding the text and then
    splitting it gives the folded tokens; tone keys are cached per lower-case token.
    """
    fold = _cut(_TOKEN.findall(fold_key(text)))
    lower = text.lower()
    if len(lower) == len(text):
        tone = list(map(_TONE_KEYS.__getitem__, _TOKEN.findall(lower)))
        if len(tone) == len(fold):
            return Streams(fold, tone)
    keys = token_keys(text)  # lower() changed lengths: take the per-token path
    return Streams([k[0] for k in keys], [k[1] for k in keys])


def fold_stream(keys: Iterable[Keys]) -> str:
    """Folded keys joined by spaces: what the diacritic-insensitive index sees."""
    return " ".join(k[0] for k in keys)


def tone_stream(keys: Iterable[Keys]) -> str:
    """Tone keys joined by spaces: what the exact (diacritic-sensitive) index sees."""
    return " ".join(k[1] for k in keys)


def name_key(name: str) -> str:
    """A folded, space-normalised key for a name (facet and filter values)."""
    return " ".join(_cut(_TOKEN.findall(fold_key(name))))
