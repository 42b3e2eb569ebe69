"""Snippets: the best window of a document for a query, highlighted in the original characters."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass

from daphuong.domain.document import Segment
from daphuong.domain.search import ParsedQuery, Phrase, Snippet, Term
from daphuong.store.search.prepare import body_tokens
from daphuong.text.analyze import Token
from daphuong.text.normalize import OffsetsMap
from daphuong.text.query import adjacent_runs

ELLIPSIS = "…"
_WORD_CHAR = re.compile(r"[^\W_]")
_MAX_MATCHES = 300  # enough to pick a good window; bounds the work on long documents


@dataclass(frozen=True, slots=True)
class _Match:
    first: int  # token index
    last: int
    clause: int  # which query clause matched
    exact: bool


def _term_matches(term: Term, tok: Token) -> bool:
    return tok.fold.startswith(term.fold) if term.prefix else tok.fold == term.fold


def _clause_at(clause: Term | Phrase, tokens: Sequence[Token], i: int) -> tuple[int, bool] | None:
    """If the clause matches at token i: (last token index, typed diacritics match exactly)."""
    terms = clause.terms if isinstance(clause, Phrase) else (clause,)
    if i + len(terms) > len(tokens):
        return None
    exact = True
    for k, term in enumerate(terms):
        tok = tokens[i + k]
        if not _term_matches(term, tok):
            return None
        exact = exact and (not term.has_marks or tok.tone.startswith(term.tone))
    return i + len(terms) - 1, exact


def find_matches(parsed: ParsedQuery, tokens: Sequence[Token]) -> list[tuple[int, int, bool]]:
    """(first, last, exact) token ranges where a positive clause of the query matches."""
    return [(m.first, m.last, m.exact) for m in _matches(parsed, tokens)]


def _matches(parsed: ParsedQuery, tokens: Sequence[Token]) -> list[_Match]:
    # Words typed next to each other highlight as one phrase where they are adjacent.
    runs: list[Term | Phrase] = [Phrase(run, quoted=False) for run in adjacent_runs(parsed)]
    clauses = runs + parsed.positive_clauses()
    out: list[_Match] = []
    for i in range(len(tokens)):
        for c, clause in enumerate(clauses):
            hit = _clause_at(clause, tokens, i)
            if hit is not None:
                out.append(_Match(i, hit[0], c, hit[1]))
                break
        if len(out) >= _MAX_MATCHES:
            break
    return out


def _best_window(matches: list[_Match], tokens: Sequence[Token], chars: int) -> int:
    """Index into `matches` of the match that starts the best window."""
    best, best_score = 0, -1.0
    for a, anchor in enumerate(matches):
        limit = tokens[anchor.first].start + chars
        inside = [m for m in matches[a:] if tokens[m.last].end <= limit]
        score = len({m.clause for m in inside}) * 10 + sum(m.exact for m in inside) + len(inside)
        if score > best_score:
            best, best_score = a, score
    return best


def _window(tokens: Sequence[Token], anchor: int, chars: int) -> tuple[int, int]:
    """[first, last] token indices of a window of about `chars` characters around anchor."""
    lead = chars // 4
    first = anchor
    while first > 0 and tokens[anchor].start - tokens[first - 1].start <= lead:
        first -= 1
    last = first
    while last + 1 < len(tokens) and tokens[last + 1].end - tokens[first].start <= chars:
        last += 1
    return first, last


def _clean(piece: str) -> str:
    # Same length, so highlight offsets stay valid.
    return piece.translate({ord(c): " " for c in "\n\r\t\x0b\x0c"})


def make_snippet(
    original: str,
    offsets: OffsetsMap,
    tokens: Sequence[Token],
    parsed: ParsedQuery,
    chars: int = 180,
) -> Snippet:
    """The best window of the body tokens, as original text with highlight ranges."""
    if not tokens:
        return Snippet(_clean(original[:chars]))
    matches = _matches(parsed, tokens)
    anchor = matches[_best_window(matches, tokens, chars)].first if matches else 0
    first, last = _window(tokens, anchor, chars)
    o_start = offsets.to_original(tokens[first].start)
    o_end = offsets.to_original(tokens[last].end)
    # Keep punctuation before the first and after the last word (never clutter words).
    if not _WORD_CHAR.search(original, 0, o_start):
        o_start = 0
    if not _WORD_CHAR.search(original, o_end):
        o_end = len(original.rstrip())
    lead = ELLIPSIS if o_start > 0 else ""
    trail = ELLIPSIS if o_end < len(original) else ""
    highlights: list[tuple[int, int]] = []
    for m in matches:
        if m.first < first or m.last > last:
            continue
        s = offsets.to_original(tokens[m.first].start) - o_start + len(lead)
        e = offsets.to_original(tokens[m.last].end) - o_start + len(lead)
        if not highlights or s >= highlights[-1][1]:
            highlights.append((s, e))
    text = lead + _clean(original[o_start:o_end]) + trail
    return Snippet(text, tuple(highlights), o_start)


def document_snippet(
    texts: tuple[str, str, str, str], parsed: ParsedQuery, chars: int = 180
) -> Snippet:
    """Snippet from stored (original, normalized, offsets_json, clutter_json) columns."""
    original, normalized, offsets_json, clutter_json = texts
    offsets = OffsetsMap.from_json(json.loads(offsets_json))
    clutter = [Segment(s, e, k) for s, e, k in json.loads(clutter_json or "[]")]
    return make_snippet(original, offsets, body_tokens(normalized, offsets, clutter), parsed, chars)
