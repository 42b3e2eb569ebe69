"""Turn file bytes into text: BOMs, UTF-8, UTF-16, Windows-1258 and legacy TCVN3/VNI fonts."""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Callable

from daphuong.errors import IngestError
from daphuong.ingest.legacy import (
    bytes_as_cp1252,
    tcvn3_to_unicode,
    vietnamese_score,
    vni_to_unicode,
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Precomposed letters that only Vietnamese uses (Latin Extended Additional, ơ ư ă đ):
# when valid UTF-8 has them, it is real Unicode Vietnamese and needs no legacy check.
_UNICODE_VIET = re.compile("[\u1ea0-\u1ef9\u01a0\u01a1\u01af\u01b0\u0102\u0103\u0110\u0111]")
_LATIN1_HIGH = re.compile("[\u00a1-\u00ff]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.02
_SNIFF = 65536


def decode_bytes(data: bytes, source: str) -> tuple[str, str]:
    """Decode file bytes to text and name the encoding found; raise IngestError if binary."""
    if not data:
        raise IngestError(source, "empty file")
    text, encoding = _decode(data, source)
    _reject_binary(text, source)
    return text, encoding


def fix_legacy_text(text: str) -> tuple[str, str | None]:
    """Convert text that is really TCVN3/VNI read as cp1252; return it and the legacy name."""
    if _UNICODE_VIET.search(text, 0, _SNIFF) or not _LATIN1_HIGH.search(text, 0, _SNIFF):
        return text, None
    best, name = _best_candidate(
        text, [("tcvn3", tcvn3_to_unicode), ("vni", vni_to_unicode)], baseline=text
    )
    return best, name


def _decode(data: bytes, source: str) -> tuple[str, str]:
    """Try the cheap, certain decodings first; guess among 8-bit encodings only if needed."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _strict(data, name, source), name.replace("-sig", "")
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return _strict(data, utf16, source), utf16
    if b"\x00" in data:
        raise IngestError(source, "binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return _decode_8bit(data)
    fixed, legacy = fix_legacy_text(text)
    return fixed, f"utf-8+{legacy}" if legacy else "utf-8"


def _strict(data: bytes, encoding: str, source: str) -> str:
    """Decode with a known encoding; a failure here means a corrupt file."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise IngestError(source, f"invalid {encoding} text at byte {exc.start}") from exc


def _utf16_without_bom(data: bytes) -> str | None:
    """Recognise BOM-less UTF-16 by NUL bytes sitting in every other position."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _decode_8bit(data: bytes) -> tuple[str, str]:
    """Pick among Windows-1258, TCVN3, VNI and Windows-1252 by Vietnamese syllable score."""
    latin = bytes_as_cp1252(data)
    candidates: list[tuple[str, Callable[[str], str]]] = [
        ("tcvn3", tcvn3_to_unicode),
        ("vni", vni_to_unicode),
        ("cp1258", lambda _: _cp1258(data)),
    ]
    best, name = _best_candidate(latin, candidates, baseline=latin)
    return best, name or "cp1252"


def _cp1258(data: bytes) -> str:
    """Windows-1258 stores tones as combining marks; compose them as NFC."""
    return unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))


def _best_candidate(
    text: str, candidates: list[tuple[str, Callable[[str], str]]], baseline: str
) -> tuple[str, str | None]:
    """The candidate conversion that scores best, if it clearly beats the baseline."""
    sample = text[:_SNIFF]
    base_score = vietnamese_score(baseline[:_SNIFF])
    best_name: str | None = None
    best_score = base_score
    for name, convert in candidates:
        score = vietnamese_score(convert(sample))
        if score > best_score and score > 0:
            best_name, best_score = name, score
    if best_name is None:
        return baseline, None
    convert = dict(candidates)[best_name]
    return convert(text), best_name


def _reject_binary(text: str, source: str) -> None:
    """Refuse text with many control characters: it is a binary file read as text."""
    if not _CONTROL.search(text):
        return
    controls = len(_CONTROL.findall(text))
    if controls > _MAX_CONTROL_SHARE * len(text):
        raise IngestError(
            source, f"binary file ({controls} control characters in {len(text)}), not text"
        )
