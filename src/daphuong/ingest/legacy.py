"""Convert TCVN3 and VNI mojibake to Unicode and back, and score how Vietnamese a text looks."""

from __future__ import annotations

import re
import unicodedata

from daphuong.ingest.legacy_tables import (
    LOWER_LETTERS,
    TCVN3_FROM_UNICODE,
    TCVN3_TO_UNICODE,
    VIETNAMESE_LETTERS,
    VNI_FROM_UNICODE,
    VNI_TO_UNICODE,
)

# Windows-1252 with the five undefined bytes read as Latin-1, so any byte string decodes.
_CP1252_TRANS = {
    b: bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(0x80, 0xA0)
}
_TCVN3_TRANS = str.maketrans(TCVN3_TO_UNICODE)
_VNI_PAIRS = {k: v for k, v in VNI_TO_UNICODE.items() if len(k) == 2}
_VNI_SINGLES = {k: v for k, v in VNI_TO_UNICODE.items() if len(k) == 1}
_VNI_RE = re.compile(
    "[" + re.escape("".join({k[0] for k in _VNI_PAIRS})) + "]"
    "[" + re.escape("".join({k[1] for k in _VNI_PAIRS})) + "]"
    "|[" + re.escape("".join(_VNI_SINGLES)) + "]"
)
_WORD_RE = re.compile(r"[^\W\d_]+")
_ONSET = "(?:ngh|ng|gh|gi|nh|ch|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
_SYLLABLE_RE = re.compile(_ONSET + "[aăâeêioôơuưy]{1,3}(?:ch|ng|nh|[cmnpt])?")
_CAPS_TOKEN_RE = re.compile(r"\w+")
_SENTENCE_START_RE = re.compile(r"(?:^|(?<=[.!?…])[ \t]+|(?<=\n))[ \t\-•*–]*(\w)", re.MULTILINE)


_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def _tone_free() -> dict[int, str]:
    """Map each toned lowercase vowel to its base, for syllable shape checks."""
    out: dict[int, str] = {}
    for letter in LOWER_LETTERS:
        decomposed = unicodedata.normalize("NFD", letter)
        base = "".join(c for c in decomposed if c not in _TONE_MARKS)
        out[ord(letter)] = unicodedata.normalize("NFC", base)
    return out


_BASE_OF = _tone_free()
_TONED = frozenset(c for c in LOWER_LETTERS if _BASE_OF[ord(c)] != c and c != "đ")


def bytes_as_cp1252(data: bytes) -> str:
    """Decode bytes one-to-one as Windows-1252 (Latin-1 for its undefined bytes)."""
    return data.decode("latin-1").translate(_CP1252_TRANS)


def tcvn3_to_unicode(text: str) -> str:
    """Convert TCVN3 text read as Latin-1/cp1252 characters to Unicode, restoring capitals."""
    return _restore_case(text.translate(_TCVN3_TRANS))


def vni_to_unicode(text: str) -> str:
    """Convert VNI Windows text read as cp1252 characters to precomposed Unicode."""

    def one(m: re.Match[str]) -> str:
        seq = m.group()
        # A base and a mark that do not form a letter: convert the base alone; marks are
        # never bases or single-code letters, so the second character stays as it is.
        return _VNI_PAIRS.get(seq) or _VNI_SINGLES.get(seq[0], seq[0]) + seq[1:]

    return _VNI_RE.sub(one, text)


def unicode_to_tcvn3(text: str) -> bytes:
    """Encode NFC Unicode as TCVN3 bytes; capital toned letters become lowercase codes."""
    chars = []
    for ch in text:
        code = TCVN3_FROM_UNICODE.get(ch)
        if code is None and ch in VIETNAMESE_LETTERS:
            code = TCVN3_FROM_UNICODE.get(ch.lower(), ch)
        chars.append(code or ch)
    return _encode_cp1252("".join(chars))


def unicode_to_vni(text: str) -> bytes:
    """Encode NFC Unicode as VNI Windows bytes."""
    return _encode_cp1252("".join(VNI_FROM_UNICODE.get(ch, ch) for ch in text))


def _encode_cp1252(text: str) -> bytes:
    """Inverse of bytes_as_cp1252; unmappable characters become '?'."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            out.append(ord(ch) if ord(ch) < 256 else ord("?"))
    return bytes(out)


def _restore_case(text: str) -> str:
    """Undo the case loss of TCVN3: all-caps lines and words, and sentence-initial letters."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if _is_caps_line(line):
            lines[i] = line.upper()
            continue
        lines[i] = _CAPS_TOKEN_RE.sub(_caps_word, line)
    joined = "\n".join(lines)
    return _SENTENCE_START_RE.sub(_capitalize_start, joined)


def _is_caps_line(line: str) -> bool:
    """A line with no ASCII lowercase letter and at least two capitals (a .VnTimeH heading)."""
    upper = 0
    for ch in line:
        if "a" <= ch <= "z":
            return False
        if ch.isupper():
            upper += 1
    return upper >= 2


def _caps_word(m: re.Match[str]) -> str:
    """Uppercase a word like 'ĐốI' whose other letters are all capitals."""
    word = m.group()
    if len(word) < 2 or any("a" <= c <= "z" for c in word):
        return word
    if not any(c.isupper() for c in word[1:]):
        return word
    return word.upper()


def _capitalize_start(m: re.Match[str]) -> str:
    """Capitalize a toned letter that starts a sentence (its capital has no TCVN3 code)."""
    ch = m.group(1)
    if ch not in _TONED:
        return m.group()
    return m.group()[:-1] + ch.upper()


def vietnamese_score(text: str) -> int:
    """Valid Vietnamese syllables with diacritics minus words with out-of-place non-ASCII."""
    good = bad = 0
    for m in _WORD_RE.finditer(text):
        word = m.group()
        if word.isascii():
            continue
        lowered = word.lower()
        shape = lowered.translate(_BASE_OF)
        letters_ok = all(c.isascii() or c in LOWER_LETTERS for c in lowered)
        tones = sum(1 for c in lowered if c in _TONED)
        if letters_ok and tones <= 1 and _SYLLABLE_RE.fullmatch(shape):
            good += 1
        else:
            bad += 1
    symbols = sum(1 for c in text if "\u00a1" <= c <= "\u00bf" and c not in "«»°·")
    return good - 2 * bad - symbols


def unicode_to_cp1258(text: str) -> bytes:
    """Encode Unicode as Windows-1258: letters with ă â ê ô ơ ư đ, tones as combining marks."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        base = _BASE_OF.get(ord(ch.lower()))
        if base is None:
            out += b"?"
            continue
        tone = "".join(c for c in unicodedata.normalize("NFD", ch) if c in _TONE_MARKS)
        letter = base.upper() if ch.isupper() else base
        out += (letter + tone).encode("cp1258", errors="replace")
    return bytes(out)
