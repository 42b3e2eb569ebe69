"""Split Vietnamese text into syllable tokens with offsets and folded and tone keys."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import NamedTuple

from daphuong.text.keys import fold_key, tone_key

# Letters and digits; everything else (punctuation, spaces, '_', control characters) separates.
_TOKEN = re.compile(r"[^\W_]+")
# The same tokens where a text has no '_', found a third faster (indexing's hot path).
_WORDS = re.compile(r"\w+")
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


class _CachedKeys(dict[str, str]):
    """One key per token as written, computed on first use (syllables recur everywhere)."""

    def __init__(self, key: Callable[[str], str]) -> None:
        super().__init__()
        self.key = key

    def __missing__(self, word: str) -> str:
        if len(self) >= _KEY_CACHE_LIMIT:
            self.clear()
        value = self[word] = self.key(word)[:MAX_TOKEN_CHARS]
        return value


_FOLD_KEYS = _CachedKeys(fold_key)
_TONE_KEYS = _CachedKeys(tone_key)


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
    """Keys of every token (the fast path for indexing): the same keys as token_keys.

    One regex pass, then two cached lookups per token through map(), in C: folding and
    splitting the whole text twice cost several times more.
    """
    words = (_TOKEN if "_" in text else _WORDS).findall(text)
    return Streams(
        list(map(_FOLD_KEYS.__getitem__, words)), list(map(_TONE_KEYS.__getitem__, words))
    )


def _marked(word: str) -> str:
    fold, tone = word_keys(word)
    return tone if tone != fold else ""


# A token's tone key where it is not its folded key (it has marks or đ), else "".
_MARKED = _CachedKeys(_marked)


class FoldedText(NamedTuple):
    """A text's folded keys joined by spaces and its marked words: SQLite's columns."""

    folded: str
    # Tone keys that differ from their token's folded key, in order of first occurrence (a
    # dict as an ordered set: sorting them cost as much as finding them); "" stands for the rest.
    marked: dict[str, None]


def folded_text(text: str) -> FoldedText:
    """The folded stream joined and the marked tone keys, without the token lists.

    A tone key equals some folded key only where it is its own token's folded key (folding
    is idempotent and folds a tone key as its token: tests check both), so the marked words
    are exactly the tone keys that are no folded key of the text, one lookup a token.
    """
    words = (_TOKEN if "_" in text else _WORDS).findall(text)
    return FoldedText(
        " ".join(map(_FOLD_KEYS.__getitem__, words)), dict.fromkeys(map(_MARKED.__getitem__, words))
    )


def marked_keys(streams: Streams) -> dict[str, None]:
    """The tone keys of streams that differ from their token's folded key, as folded_text's."""
    return dict.fromkeys(t for f, t in zip(streams.fold, streams.tone, strict=True) if t != f)


def fold_stream(keys: Iterable[Keys]) -> str:
    """Folded keys joined by spaces: what the diacritic-insensitive index sees."""
    return " ".join(k[0] for k in keys)


def tone_stream(keys: Iterable[Keys]) -> str:
    """Tone keys joined by spaces: what the exact (diacritic-sensitive) index sees."""
    return " ".join(k[1] for k in keys)


def name_key(name: str) -> str:
    """A folded, space-normalised key for a name (facet and filter values)."""
    return " ".join(_cut(_TOKEN.findall(fold_key(name))))
