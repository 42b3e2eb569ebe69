"""Short references to people ('ông Trung', 'Thứ trưởng Giang') resolved to full names."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from daphuong.domain.extraction import EntityType, Mention
from daphuong.pipeline.extract.tokens import Token
from daphuong.text.keys import tone_key

_MAX_ALIAS_WORDS = 3
# Honorifics a recognizer may leave at the front of a name ('Ông Bùi Thanh Sơn').
_HONORIFICS = frozenset({"ông", "bà", "ngài", "đồng chí", "đ/c", "anh", "chị"})


def full_names(names: Iterable[str]) -> dict[str, str]:
    """Map each person name (tone key) to the fullest name in the document that ends with it."""
    counts = Counter(n.strip() for n in names if n.strip())
    by_key: dict[str, str] = {}
    for name, _ in counts.most_common():
        by_key.setdefault(tone_key(name), name)
    out: dict[str, str] = {}
    for key, name in by_key.items():
        longer = sorted((k for k in by_key if k.endswith(" " + key)), key=len)
        # Several longer names are fine when each is a tail of the longest one.
        # 'Ishiba' for 'Ishiba Shigeru': a family name written first, when one name opens with it
        opened = [k for k in by_key if k.startswith(key + " ")]
        if longer and all(longer[-1].endswith(" " + k) for k in longer[:-1]):
            out[key] = by_key[longer[-1]]
        elif not longer and len(opened) == 1:
            out[key] = by_key[opened[0]]
        else:
            out[key] = name
    return out


def strip_honorific(name: str) -> str:
    """The name without a leading honorific word ('Ông X' → 'X')."""
    words = name.split()
    while len(words) > 1 and tone_key(words[0]) in _HONORIFICS:
        words = words[1:]
    return " ".join(words)


class PersonIndex:
    """People of one document by token position, every reference mapped to a full name."""

    def __init__(self, tokens: list[Token], mentions: Iterable[Mention]) -> None:
        """Index PERSON mentions against the document's tokens."""
        people = [m for m in mentions if m.type is EntityType.PERSON]
        self._full = full_names(strip_honorific(m.text) for m in people)
        token_at_start = {t.start: i for i, t in enumerate(tokens)}
        token_at_end = {t.end: i + 1 for i, t in enumerate(tokens)}
        self._starts: dict[int, tuple[int, str]] = {}
        self._ends: dict[int, str] = {}
        for m in people:
            first, stop = token_at_start.get(m.start), token_at_end.get(m.end)
            if first is None or stop is None:
                continue
            while first < stop - 1 and tokens[first].key in _HONORIFICS:
                first += 1
            name = self.resolve(m.text)
            if stop > self._starts.get(first, (0, ""))[0]:
                self._starts[first] = (stop, name)
            self._ends.setdefault(stop, name)
        self._aliases = self._build_aliases()

    def _build_aliases(self) -> dict[tuple[str, ...], str]:
        """Each full name and its trailing words ('Giang', 'Hoàng Giang') owned by one name only."""
        seen: dict[tuple[str, ...], set[str]] = {}
        for full in set(self._full.values()):
            words = tuple(tone_key(full).split())
            for n in range(1, min(len(words), _MAX_ALIAS_WORDS) + 1):
                seen.setdefault(words[-n:], set()).add(full)
        return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}

    def resolve(self, name: str) -> str:
        """The fullest form of a person's name in this document."""
        bare = strip_honorific(name)
        return self._full.get(tone_key(bare), bare)

    def starting_at(
        self, tokens: list[Token], i: int, *, aliases: bool = True, min_words: int = 1
    ) -> tuple[int, str] | None:
        """A person named from token i: (token after the name, full name), or None.

        Without a recognized mention there, a known name or its last words count
        (`aliases`), at least `min_words` of them.
        """
        found = self._starts.get(i)
        if found is not None or not aliases:
            return found
        for n in range(_MAX_ALIAS_WORDS, min_words - 1, -1):
            words = tokens[i : i + n]
            if len(words) < n or not all(t.is_word and t.is_cap for t in words):
                continue
            full = self._aliases.get(tuple(t.key for t in words))
            nxt = tokens[i + n] if i + n < len(tokens) else None
            if full is not None and not (nxt is not None and nxt.is_word and nxt.is_cap):
                return i + n, full
        return None

    def ending_at(self, tokens: list[Token], stop: int) -> str | None:
        """The full name of a person whose name ends right before token `stop`, or None."""
        found = self._ends.get(stop)
        if found is not None:
            return found
        for n in range(_MAX_ALIAS_WORDS, 0, -1):
            words = tokens[max(0, stop - n) : stop]
            if len(words) == n and all(t.is_word and t.is_cap for t in words):
                full = self._aliases.get(tuple(t.key for t in words))
                if full is not None:
                    return full
        return None

    def names_between(self, tokens: list[Token], first: int, stop: int) -> list[str]:
        """Full names of the people named in tokens[first:stop], in text order."""
        out: list[str] = []
        i = first
        while i < stop:
            found = self.starting_at(tokens, i, aliases=False)
            if found is not None and found[0] <= stop:
                if found[1] not in out:
                    out.append(found[1])
                i = found[0]
            else:
                i += 1
        return out
