"""Syllable tokens with matching keys, case flags and sentence/line structure."""

from __future__ import annotations

import re
from dataclasses import dataclass

from daphuong.text.keys import fold_key, tone_key

# A word is a run of letters/digits; every other visible character is its own token.
_TOKEN = re.compile(r"\w+|[^\w\s]")
DASHES = frozenset("-–—‐‑−")
OPEN_QUOTES = frozenset("“‘\"'«„")
CLOSE_QUOTES = {"“": "”", "‘": "’", '"': '"', "'": "'", "«": "»", "„": "“"}
_SENTENCE_END = frozenset(".!?…")


@dataclass(frozen=True, slots=True)
class Token:
    """One word or punctuation character of the original text."""

    start: int
    end: int
    text: str
    key: str  # tone_key, with every dash mapped to '-'
    fold: str  # fold_key: no diacritics
    newline_before: bool
    space_before: bool
    is_word: bool  # letters/digits, not punctuation
    is_cap: bool  # starts with an upper-case letter
    is_upper: bool  # all letters upper-case (acronyms, banners)
    is_digit: bool  # only digits


def tokenize(text: str) -> list[Token]:
    """Split NFC text into word and punctuation tokens with their offsets."""
    tokens: list[Token] = []
    keys = tone_key(text)
    folds = fold_key(text)
    prev_end = 0
    for m in _TOKEN.finditer(text):
        start, end = m.span()
        gap = text[prev_end:start]
        raw = m.group()
        key = "-" if raw in DASHES else keys[start:end]
        first = raw[0]
        tokens.append(
            Token(
                start,
                end,
                raw,
                key,
                folds[start:end],
                newline_before="\n" in gap or not prev_end,
                space_before=bool(gap),
                is_word=first.isalnum() or first == "_",
                is_cap=first.isupper(),
                is_upper=raw.isupper(),
                is_digit=raw.isdigit(),
            )
        )
        prev_end = end
    return tokens


def sentence_ends(tokens: list[Token]) -> list[bool]:
    """For each token, whether a sentence ends right after it (punctuation or line break)."""
    ends = [False] * len(tokens)
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is None or nxt.newline_before:
            ends[i] = True
        elif tok.text in _SENTENCE_END and nxt.space_before:
            ends[i] = not is_initial(tokens, i - 1)
    return ends


def is_initial(tokens: list[Token], i: int) -> bool:
    """Token i is a name's initial: one capital letter after a name word, glued to a '.' and
    followed by a capitalised word ('Caroline T. Nyamayemombe'), so the '.' ends no sentence."""
    if i < 1 or i + 2 >= len(tokens):
        return False
    tok, dot, nxt = tokens[i], tokens[i + 1], tokens[i + 2]
    single = len(tok.text) == 1 and tok.is_cap and tok.space_before
    named = tokens[i - 1].is_word and tokens[i - 1].is_cap
    glued = dot.text == "." and not dot.space_before
    return single and named and glued and nxt.is_cap and not nxt.newline_before


_VIET_LETTERS = frozenset(
    "abcdeghiklmnopqrstuvxyđàảãáạăằẳẵắặâầẩẫấậèẻẽéẹêềểễếệìỉĩíịòỏõóọôồổỗốộơờởỡớợùủũúụưừửữứựỳỷỹýỵ"
)
_SYLLABLE = re.compile(
    r"^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
    r"(uye|uya|uyu|oai|oay|oeo|uay|uoi|uou|uoc|ieu|yeu|ia|ua|ie|ye|uo|uu|ai|ao|au|ay|eo|eu|"
    r"iu|oa|oe|oi|oo|ue|ui|uy|[aeiouy])"
    r"(ng|nh|ch|[cmnpt]|[iyou])?$"
)


def is_vietnamese_syllable(word: str) -> bool:
    """Roughly: could this word be one Vietnamese syllable (letters and shape)."""
    low = word.lower()
    if not low or any(c not in _VIET_LETTERS for c in low):
        return False
    return _SYLLABLE.match(fold_key(low)) is not None
