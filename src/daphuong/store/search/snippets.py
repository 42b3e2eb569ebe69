"""Snippets: the best window of a document for a query, highlighted in the original characters."""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from daphuong.domain.document import Segment
from daphuong.domain.search import ParsedQuery, Phrase, SearchHit, SearchQuery, Snippet, Term
from daphuong.store.models import DocumentRow
from daphuong.store.search import fold_table
from daphuong.store.search.meta import doc_id_of
from daphuong.text.analyze import tokenize
from daphuong.text.normalize import OffsetsMap
from daphuong.text.query import adjacent_runs

ELLIPSIS = "…"
_WORD = r"[^\W_]"
_WORD_CHAR = re.compile(_WORD)
_MAX_MATCHES = 300  # enough to pick a good window; bounds the work on long documents


@dataclass(frozen=True, slots=True)
class _Match:
    start: int  # offsets into the normalized text
    end: int
    clause: int  # which query clause matched
    exact: bool


def _terms(clause: Term | Phrase) -> tuple[Term, ...]:
    return clause.terms if isinstance(clause, Phrase) else (clause,)


def _pattern(clause: Term | Phrase) -> re.Pattern[str]:
    """A regex over the folded text (same length as the text, so offsets carry over)."""
    terms = _terms(clause)
    words = [re.escape(t.fold) for t in terms]
    # The word boundary before the first word is checked behind it, not in front: a pattern
    # that opens with a literal lets `re` skip ahead to candidates (20x faster per document).
    words[0] += f"(?<!{_WORD}{words[0]})"
    if terms[-1].prefix:
        words[-1] += f"{_WORD}*"
    return re.compile(r"[\W_]+".join(words) + rf"(?!{_WORD})")


def _is_exact(clause: Term | Phrase, piece: str) -> bool:
    """Whether the words typed with diacritics appear with exactly those diacritics."""
    terms = _terms(clause)
    if not any(t.has_marks for t in terms):
        return True
    tones = [t.tone for t in tokenize(piece)]
    return len(tones) == len(terms) and all(
        tone.startswith(t.tone) for tone, t in zip(tones, terms, strict=True)
    )


def _clauses(parsed: ParsedQuery) -> list[Term | Phrase]:
    # Words typed next to each other highlight as one phrase where they are adjacent.
    runs: list[Term | Phrase] = [Phrase(run, quoted=False) for run in adjacent_runs(parsed)]
    return runs + parsed.positive_clauses()


class Matcher:
    """A query's clauses compiled once for every document of a page.

    Whether a matched piece is exact depends only on the clause and the piece, and the same
    pieces recur across a page's documents: each is tokenized once.
    """

    def __init__(self, parsed: ParsedQuery) -> None:
        self.clauses = [(clause, _pattern(clause)) for clause in _clauses(parsed)]
        self._exact: dict[tuple[int, str], bool] = {}

    def is_exact(self, c: int, piece: str) -> bool:
        """_is_exact of clause number c, remembered."""
        known = self._exact.get((c, piece))
        if known is None:
            known = self._exact[(c, piece)] = _is_exact(self.clauses[c][0], piece)
        return known


def _matches(matcher: Matcher, normalized: str) -> list[_Match]:
    folded = fold_table.fold(normalized)
    found: list[_Match] = []
    for c, (_, pattern) in enumerate(matcher.clauses):
        for hit in pattern.finditer(folded):
            exact = matcher.is_exact(c, normalized[hit.start() : hit.end()])
            found.append(_Match(hit.start(), hit.end(), c, exact))
            if len(found) >= _MAX_MATCHES:
                break
    found.sort(key=lambda m: (m.start, m.clause))
    kept: list[_Match] = []
    for m in found:  # earlier clauses (phrases) win over the single words inside them
        if not kept or m.start >= kept[-1].end:
            kept.append(m)
    return kept


def find_matches(parsed: ParsedQuery, normalized: str) -> list[tuple[int, int, bool]]:
    """(start, end, exact) ranges of the normalized text where a positive clause matches."""
    return [(m.start, m.end, m.exact) for m in _matches(Matcher(parsed), normalized)]


def _best_anchor(matches: list[_Match], chars: int) -> int:
    """Start offset of the match that opens the window with the most (distinct, exact) hits."""
    best, best_score = matches[0].start, -1
    for a, anchor in enumerate(matches):
        inside = [m for m in matches[a : a + 50] if m.end <= anchor.start + chars]
        score = len({m.clause for m in inside}) * 10 + sum(m.exact for m in inside) + len(inside)
        if score > best_score:
            best, best_score = anchor.start, score
    return best


def _word_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) so it neither starts nor ends inside a word."""
    while 0 < start < end and _WORD_CHAR.match(text, start - 1) and _WORD_CHAR.match(text, start):
        start += 1
    while (
        start < end < len(text) and _WORD_CHAR.match(text, end - 1) and _WORD_CHAR.match(text, end)
    ):
        end -= 1
    return start, end


def _clean(piece: str) -> str:
    # Same length, so highlight offsets stay valid.
    return piece.translate({ord(c): " " for c in "\n\r\t\x0b\x0c"})


def _outside_clutter(
    matches: list[_Match], offsets: OffsetsMap, clutter: Sequence[Segment]
) -> list[_Match]:
    if not clutter:
        return matches
    spans = sorted((s.start, s.end) for s in clutter)
    starts = [s for s, _ in spans]

    def inside(m: _Match) -> bool:
        pos = offsets.to_original(m.start)
        i = bisect.bisect_right(starts, pos) - 1
        return i >= 0 and pos < spans[i][1]

    return [m for m in matches if not inside(m)]


def make_snippet(
    original: str,
    normalized: str,
    offsets: OffsetsMap,
    clutter: Sequence[Segment],
    parsed: ParsedQuery | Matcher,
    chars: int = 180,
) -> Snippet:
    """The best window of the text, as original characters with highlight ranges."""
    matcher = parsed if isinstance(parsed, Matcher) else Matcher(parsed)
    matches = _outside_clutter(_matches(matcher, normalized), offsets, clutter)
    anchor = _best_anchor(matches, chars) if matches else 0
    start = max(0, anchor - chars // 4)
    n_start, n_end = _word_bounds(normalized, start, min(len(normalized), start + chars))
    o_start, o_end = offsets.to_original(n_start), offsets.to_original(n_end)
    # Keep punctuation before the first and after the last word of the text.
    if not _WORD_CHAR.search(original, 0, o_start):
        o_start = 0
    if not _WORD_CHAR.search(original, o_end):
        o_end = len(original.rstrip())
    lead = ELLIPSIS if o_start > 0 else ""
    trail = ELLIPSIS if o_end < len(original) else ""
    highlights: list[tuple[int, int]] = []
    for m in matches:
        if m.start >= n_start and m.end <= n_end:
            s = offsets.to_original(m.start) - o_start + len(lead)
            e = offsets.to_original(m.end) - o_start + len(lead)
            highlights.append((s, e))
    return Snippet(lead + _clean(original[o_start:o_end]) + trail, tuple(highlights), o_start)


def document_snippet(
    texts: tuple[str, str, str, str], parsed: ParsedQuery | Matcher, chars: int = 180
) -> Snippet:
    """Snippet from stored (original, normalized, offsets_json, clutter_json) columns."""
    original, normalized, offsets_json, clutter_json = texts
    offsets = OffsetsMap.from_json(json.loads(offsets_json))
    clutter = [Segment(s, e, k) for s, e, k in json.loads(clutter_json or "[]")]
    return make_snippet(original, normalized, offsets, clutter, parsed, chars)


def page_hits(
    session: Session, page: list[tuple[int, float]], query: SearchQuery
) -> list[SearchHit]:
    """The page's documents, in page order, as hits with snippets (deleted ones skipped)."""
    if not page:
        return []
    cols = (
        DocumentRow.id,
        DocumentRow.key,
        DocumentRow.title,
        DocumentRow.outlet,
        DocumentRow.published,
        DocumentRow.original_text,
        DocumentRow.normalized_text,
        DocumentRow.offsets_json,
        DocumentRow.clutter_json,
    )
    ids = [doc_id_of(key) for key, _ in page]
    rows = {r.id: r for r in session.execute(select(*cols).where(DocumentRow.id.in_(ids)))}
    hits: list[SearchHit] = []
    matcher = Matcher(query.parsed)
    for doc_id, (_, score) in zip(ids, page, strict=True):
        r = rows.get(doc_id)
        if r is None:
            continue  # deleted since it was indexed
        texts = (r.original_text, r.normalized_text, r.offsets_json, r.clutter_json)
        snippet = document_snippet(texts, matcher, query.snippet_chars)
        title = r.title or r.key
        hits.append(SearchHit(doc_id, r.key, title, score, snippet, r.outlet, r.published))
    return hits
