"""BM25-style relevance of candidate documents, computed from their stored token streams."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping

from daphuong.domain.search import Clause, ParsedQuery, Phrase
from daphuong.text.query import adjacent_runs

K1 = 1.2
B = 0.75

Counter = Callable[[str, str], int]
# A document's folded streams: title, body.
Streams = tuple[str, str]


def clause_counter(clause: Clause) -> Counter:
    """Counts a term or phrase (folded; a prefix on the last word) in a title and a body.

    Plain clauses use str.count (C speed, no copy of the text); an occurrence right after
    another one shares its space and is missed, which BM25's saturation makes a small error.
    """
    terms = clause.terms if isinstance(clause, Phrase) else (clause,)
    words = " ".join(t.fold for t in terms)
    if terms[-1].prefix:
        pattern = re.compile(rf"(?<!\S){re.escape(words)}\S*(?!\S)")
        return lambda title, body: len(pattern.findall(title)) + len(pattern.findall(body))
    inner, head, tail = f" {words} ", f"{words} ", f" {words}"
    # One expression for both streams: this runs for every candidate (up to base.WINDOW).
    return lambda title, body: (
        title.count(inner)
        + title.startswith(head)
        + title.endswith(tail)
        + (title == words)
        + body.count(inner)
        + body.startswith(head)
        + body.endswith(tail)
        + (body == words)
    )


def scored_clauses(parsed: ParsedQuery) -> list[Clause]:
    """What BM25 counts: plain words typed next to each other as one phrase (a Vietnamese word
    is several syllables), every other clause as typed."""
    runs = adjacent_runs(parsed)
    in_runs = {id(t) for run in runs for t in run}
    rest = [c for c in parsed.positive_clauses() if id(c) not in in_runs]
    return [*(Phrase(run) for run in runs), *rest]


def bm25_scores(streams: Mapping[int, Streams], parsed: ParsedQuery) -> dict[int, float]:
    """BM25 (k1=1.2, b=0.75) of each document's folded (title, body) for the query's clauses.

    Clauses are those of `scored_clauses`. Document frequencies, their count and the average
    length are those of the documents given (the candidates), so the score ranks them against
    each other only. The idf is
    ln(1 + n/df): a clause every candidate has (any AND-ed word) still counts ln 2.
    """
    if not streams:
        return {}
    keys, parts = list(streams), list(streams.values())
    # Clause by clause over all documents (list comprehensions, no call per document and
    # clause beyond the counter): the per-document loop's generators cost more than counting.
    lengths = [
        (title.count(" ") + 1 if title else 0) + (body.count(" ") + 1 if body else 0)
        for title, body in parts
    ]
    columns = [
        [count(title, body) for title, body in parts]
        for count in map(clause_counter, scored_clauses(parsed))
    ]
    n = len(parts)
    avg = max(sum(lengths) / n, 1.0)
    idf = [math.log(1 + n / max(len(tfs) - tfs.count(0), 1)) for tfs in columns]
    norms = [K1 * (1 - B + B * length / avg) for length in lengths]
    scores = dict.fromkeys(keys, 0.0)
    for w, tfs in zip(idf, columns, strict=True):
        for i, tf in enumerate(tfs):
            if tf:  # adding w * 0 changes no sum: the float result is the same
                scores[keys[i]] += w * tf * (K1 + 1) / (tf + norms[i])
    return scores
