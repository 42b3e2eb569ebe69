"""Character tables of the legacy Vietnamese font encodings TCVN3 (ABC) and VNI Windows."""

from __future__ import annotations

import unicodedata

# Vowel bases and the five tone marks in the order used below: grave, hook, tilde, acute, dot.
TONES = ("\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
BASES = "aăâeêioôơuưy"


def toned(base: str, tone_index: int) -> str:
    """The precomposed letter for a vowel base and a tone index into TONES."""
    return unicodedata.normalize("NFC", base + TONES[tone_index])


def _row(base: str, plain: str, codes: str) -> dict[str, str]:
    """Map a base letter (if `plain` is set) and its five toned forms to TCVN3 characters."""
    out = {toned(base, i): code for i, code in enumerate(codes)}
    if plain:
        out[base] = plain
    return out


# TCVN 5712:1993 VN3 (.VnTime fonts), read as Latin-1 characters. Rows are:
# base letter code (empty for ASCII bases), then grave, hook, tilde, acute, dot below.
# Uppercase toned letters have no code in VN3: the .VnTimeH fonts draw the lowercase
# codes as capitals, so encoding them loses case.
TCVN3_FROM_UNICODE: dict[str, str] = {
    **_row("a", "", "µ¶·¸¹"),
    **_row("ă", "¨", "»¼½¾Æ"),
    **_row("â", "©", "ÇÈÉÊË"),
    **_row("e", "", "ÌÎÏÐÑ"),
    **_row("ê", "ª", "ÒÓÔÕÖ"),
    **_row("i", "", "×ØÜÝÞ"),
    **_row("o", "", "ßáâãä"),
    **_row("ô", "«", "åæçèé"),
    **_row("ơ", "¬", "êëìíî"),
    **_row("u", "", "ïñòóô"),
    **_row("ư", "\u00ad", "õö÷øù"),
    **_row("y", "", "úûüýþ"),
    "đ": "®",
    "Ă": "¡",
    "Â": "¢",
    "Ê": "£",
    "Ô": "¤",
    "Ơ": "¥",
    "Ư": "¦",
    "Đ": "§",
}
TCVN3_TO_UNICODE: dict[str, str] = {v: k for k, v in TCVN3_FROM_UNICODE.items()}

# VNI Windows: a base letter followed by a mark character, except for i/y forms and
# the letters that have a single code. Marks for uppercase letters are the uppercase
# Latin-1 characters 0x20 below the lowercase ones.
_VNI_TONE_MARKS = "øûõùï"  # grave, hook, tilde, acute, dot below
_VNI_CIRCUMFLEX = "àåãáä"  # â with grave, hook, tilde, acute, dot below
_VNI_BREVE = "èúüéë"  # ă with grave, hook, tilde, acute, dot below
_VNI_SINGLE_LOWER = {
    "ơ": "ô",
    "ư": "ö",
    "đ": "ñ",
    "ì": "ì",
    "ỉ": "æ",
    "ĩ": "ó",
    "í": "í",
    "ị": "ò",
    "ỵ": "î",
}


def _vni_lower() -> dict[str, str]:
    """Lowercase Vietnamese letters to their VNI sequences."""
    out = dict(_VNI_SINGLE_LOWER)
    out["â"], out["ê"], out["ô"], out["ă"] = "aâ", "eâ", "oâ", "aê"
    for i, mark in enumerate(_VNI_TONE_MARKS):
        for base in "aeouy":
            out[toned(base, i)] = base + mark
        out[toned("ơ", i)] = "ô" + mark
        out[toned("ư", i)] = "ö" + mark
    for i, mark in enumerate(_VNI_CIRCUMFLEX):
        for base in "aeo":
            out[toned({"a": "â", "e": "ê", "o": "ô"}[base], i)] = base + mark
    for i, mark in enumerate(_VNI_BREVE):
        out[toned("ă", i)] = "a" + mark
    out["ỵ"] = "î"  # y with dot below has its own code, like the i forms
    return out


def _vni_all() -> dict[str, str]:
    """Both cases; the uppercase sequence is the uppercase of the lowercase one."""
    lower = _vni_lower()
    out = dict(lower)
    for letter, seq in lower.items():
        out[letter.upper()] = seq.upper()
    return out


VNI_FROM_UNICODE: dict[str, str] = _vni_all()
VNI_TO_UNICODE: dict[str, str] = {v: k for k, v in VNI_FROM_UNICODE.items()}

LOWER_LETTERS = frozenset([toned(b, i) for b in BASES for i in range(len(TONES))] + list("ăâêôơưđ"))
VIETNAMESE_LETTERS = frozenset(LOWER_LETTERS | {c.upper() for c in LOWER_LETTERS})
