"""Length-preserving matching keys: tone-placement key and folded key (no diacritics, đ→d)."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Each Vietnamese vowel base with its six tone forms: level, grave, hook, tilde, acute, dot.
_TONE_ROWS = {
    "a": "aàảãáạ",
    "ă": "ăằẳẵắặ",
    "â": "âầẩẫấậ",
    "e": "eèẻẽéẹ",
    "ê": "êềểễếệ",
    "i": "iìỉĩíị",
    "o": "oòỏõóọ",
    "ô": "ôồổỗốộ",
    "ơ": "ơờởỡớợ",
    "u": "uùủũúụ",
    "ư": "ừửữứựư",
    "y": "yỳỷỹýỵ",
}
# The row for ư above is rotated; fix it explicitly so index 0 is the level tone.
_TONE_ROWS["ư"] = "ưừửữứự"

_VOWEL: dict[str, tuple[str, int]] = {}
for _base, _row in _TONE_ROWS.items():
    for _tone, _ch in enumerate(_row):
        _VOWEL[_ch] = (_base, _tone)
_QUALITY = frozenset("ăâêôơư")


def _build_fold_table() -> dict[int, str]:
    table: dict[int, str] = {ord("đ"): "d", ord("Đ"): "d", ord("Ð"): "d", ord("ð"): "d"}
    for cp in range(0x00C0, 0x2000):
        ch = chr(cp)
        if cp in table:
            continue
        base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
        low = base.lower()
        # Keep the key the same length as the text: only single-character folds are used.
        if len(low) == 1 and low != ch:
            table[cp] = low
    return table


_FOLD = _build_fold_table()


def _lower_same_length(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def fold_key(text: str) -> str:
    """Lower-case, drop diacritics and map đ→d; same length as the NFC input."""
    return _lower_same_length(text).translate(_FOLD)


def _tone_target(word: str, vowel_positions: list[int]) -> int:
    """Pick one canonical vowel position for the tone mark of a syllable."""
    quality = [p for p in vowel_positions if _VOWEL[word[p]][0] in _QUALITY]
    if quality:
        return quality[-1]
    if vowel_positions[-1] < len(word) - 1 or len(vowel_positions) == 1:
        return vowel_positions[-1]
    if len(vowel_positions) >= 3:
        return vowel_positions[1]
    return vowel_positions[0]


@lru_cache(maxsize=65536)
def _tone_word(word: str) -> str:
    """Move a lower-case syllable's tone mark to its canonical vowel."""
    all_vowels = [i for i, c in enumerate(word) if c in _VOWEL]
    if not all_vowels:
        return word
    tones = [_VOWEL[word[p]][1] for p in all_vowels if _VOWEL[word[p]][1]]
    if len(tones) != 1:
        return word  # no tone, or not a Vietnamese syllable
    chars = list(word)
    for p in all_vowels:
        chars[p] = _VOWEL[chars[p]][0]
    positions = all_vowels
    # 'qu' and 'gi' + vowel: the u/i belongs to the initial consonant.
    initial = "".join(chars[:2])
    if len(positions) > 1 and positions[0] == 1 and initial in ("qu", "gi"):
        positions = positions[1:]
    target = _tone_target("".join(chars), positions)
    chars[target] = _TONE_ROWS[chars[target]][tones[0]]
    return "".join(chars)


def tone_key(text: str) -> str:
    """Lower-case with one canonical tone placement (hoà≡hòa, thuỷ≡thủy); same length."""
    low = _lower_same_length(text)
    out: list[str] = []
    start = -1
    for i, ch in enumerate(low):
        if ch.isalpha():
            if start < 0:
                start = i
            continue
        if start >= 0:
            out.append(_tone_word(low[start:i]))
            start = -1
        out.append(ch)
    if start >= 0:
        out.append(_tone_word(low[start:]))
    return "".join(out)
