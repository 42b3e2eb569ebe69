"""NFC normalization that keeps a map back to the original characters."""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass

# Characters replaced one-for-one: spaces that look like spaces, the Icelandic Eth.
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2009\u200a\u3000"), " ")
_DROP = frozenset("\u200b\u200c\u200d\ufeff\u00ad")
_VIET_HINT = re.compile("[ăâêôơưđĂÂÊÔƠƯĐạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]")
_ETH_WINDOW = 40


@dataclass(frozen=True, slots=True)
class OffsetsMap:
    """Piecewise map from normalized offsets to original offsets, stored as breakpoints."""

    norm_points: tuple[int, ...]
    orig_points: tuple[int, ...]
    norm_length: int
    orig_length: int

    def to_original(self, offset: int) -> int:
        """Map a normalized offset (0..len) to the original offset where it starts."""
        if offset >= self.norm_length:
            return self.orig_length
        i = bisect.bisect_right(self.norm_points, offset) - 1
        if i < 0:
            return offset
        delta = offset - self.norm_points[i]
        nxt = self.orig_points[i + 1] if i + 1 < len(self.orig_points) else self.orig_length
        return min(self.orig_points[i] + delta, nxt)

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalized half-open span to the original text's span."""
        return self.to_original(start), self.to_original(end)

    def to_json(self) -> list[list[int]]:
        """Serialize the breakpoints compactly."""
        return [
            [self.norm_length, self.orig_length],
            *[[n, o] for n, o in zip(self.norm_points, self.orig_points, strict=True)],
        ]

    @classmethod
    def from_json(cls, data: list[list[int]]) -> OffsetsMap:
        """Rebuild a map serialized by to_json."""
        (norm_len, orig_len), *points = data
        return cls(tuple(p[0] for p in points), tuple(p[1] for p in points), norm_len, orig_len)


@dataclass(frozen=True, slots=True)
class Normalized:
    """Normalized text and the way back to the original."""

    text: str
    offsets: OffsetsMap


def _viet_context(original: str, i: int) -> bool:
    lo, hi = max(0, i - _ETH_WINDOW), i + _ETH_WINDOW
    return _VIET_HINT.search(original, lo, hi) is not None


def _clusters(original: str) -> list[tuple[int, int]]:
    """Split into runs that NFC treats independently (a starter and what composes with it)."""
    out: list[tuple[int, int]] = []
    start = 0
    for i in range(1, len(original)):
        ch = original[i]
        # Invisibles that are dropped stay inside the cluster, so a mark after them still
        # composes with its letter.
        if unicodedata.combining(ch) or ch in _DROP or "\u1160" <= ch <= "\u11ff":
            continue
        out.append((start, i))
        start = i
    if original:
        out.append((start, len(original)))
    return out


def _convert_cluster(original: str, start: int, end: int) -> str:
    piece = "".join(c for c in original[start:end] if c not in _DROP)
    if not piece:
        return ""
    if "\r" in piece:
        piece = piece.replace("\r\n", "\n").replace("\r", "\n")
    piece = unicodedata.normalize("NFC", piece.translate(_SPACES))
    if piece[:1] in "Ðð" and _viet_context(original, start):
        piece = ("Đ" if piece[0] == "Ð" else "đ") + piece[1:]
    return piece


def _needs_work(original: str) -> bool:
    if not unicodedata.is_normalized("NFC", original):
        return True
    return any(c in original for c in "\r\u00a0\u2007\u202f\u2009\u200a\u3000Ðð") or any(
        c in original for c in _DROP
    )


def normalize(original: str) -> Normalized:
    """NFC, Vietnamese Đ for Eth, plain spaces, LF line ends; with an offsets map."""
    if not _needs_work(original):
        return Normalized(original, OffsetsMap((), (), len(original), len(original)))
    parts: list[str] = []
    norm_points: list[int] = []
    orig_points: list[int] = []
    n = 0
    shift = 0
    clusters = _clusters(original)
    i = 0
    while i < len(clusters):
        s, e = clusters[i]
        # \r\n becomes one \n, so the pair is one cluster.
        if original[s:e] == "\r" and i + 1 < len(clusters) and original[clusters[i + 1][0]] == "\n":
            e = clusters[i + 1][1]
            i += 1
        piece = _convert_cluster(original, s, e)
        if len(piece) != e - s or s - n != shift:
            norm_points.append(n)
            orig_points.append(s)
            shift = s - n
        parts.append(piece)
        n += len(piece)
        if len(piece) != e - s:
            norm_points.append(n)
            orig_points.append(e)
            shift = e - n
        i += 1
    return Normalized(
        "".join(parts), OffsetsMap(tuple(norm_points), tuple(orig_points), n, len(original))
    )
