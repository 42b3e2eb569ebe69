"""BM25-style relevance of candidate documents, computed from their stored token streams."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence

from daphuong.domain.search import Clause, ParsedQuery, Phrase
from daphuong.text.query import adjacent_runs

K1 = 1.2
B = 0.75

Counter = Callable[[str], int]


def clause_counter(clause: Clause) -> Counter:
    """Counts a term or phrase (folded; a prefix on the last word) in a space-joined stream.

    Plain clauses use str.count (C speed, no copy of the text); an occurrence right after
    another one shares its space and is missed, which BM25's saturation makes a small error.
    """
    terms = clause.terms if isinstance(clause, Phrase) else (clause,)
    words = " ".join(t.fold for t in terms)
    if terms[-1].prefix:
        pattern = re.compile(rf"(?<!\S){re.escape(words)}\S*(?!\S)")
        return lambda text: len(pattern.findall(text))
    inner, head, tail = f" {words} ", f"{words} ", f" {words}"
    return lambda text: (
        text.count(inner) + text.startswith(head) + text.endswith(tail) + (text == words)
    )


def scored_clauses(parsed: ParsedQuery) -> list[Clause]:
    """What BM25 counts: plain words typed next to each other as one phrase (a Vietnamese word
    is several syllables), every other clause as typed."""
    runs = adjacent_runs(parsed)
    in_runs = {id(t) for run in runs for t in run}
    rest = [c for c in parsed.positive_clauses() if id(c) not in in_runs]
    return [*(Phrase(run) for run in runs), *rest]


def bm25_scores(streams: Mapping[int, Sequence[str]], parsed: ParsedQuery) -> dict[int, float]:
    """BM25 (k1=1.2, b=0.75) of each document's folded streams for the query's clauses.

    Clauses are those of `scored_clauses`. Document frequencies, their count and the average
    length are those of the documents given (the candidates), so the score ranks them against
    each other only. The idf is
    ln(1 + n/df): a clause every candidate has (any AND-ed word) still counts ln 2.
    """
    if not streams:
        return {}
    counters = [clause_counter(c) for c in scored_clauses(parsed)]
    lengths: dict[int, int] = {}
    counts: dict[int, list[int]] = {}
    for key, parts in streams.items():
        texts = [s for s in parts if s]
        lengths[key] = sum(s.count(" ") + 1 for s in parts if s)
        counts[key] = [sum(count(t) for t in texts) for count in counters]
    n = len(streams)
    avg = max(sum(lengths.values()) / n, 1.0)
    idf = [
        math.log(1 + n / max(sum(1 for c in counts.values() if c[i]), 1))
        for i in range(len(counters))
    ]
    scores: dict[int, float] = {}
    for key, tfs in counts.items():
        norm = K1 * (1 - B + B * lengths[key] / avg)
        scores[key] = sum(w * tf * (K1 + 1) / (tf + norm) for w, tf in zip(idf, tfs, strict=True))
    return scores
