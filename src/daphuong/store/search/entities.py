"""Entity quick-find helpers: prefix on the last word, and which name to show."""

from __future__ import annotations

from collections.abc import Sequence

from daphuong.domain.search import ParsedQuery, Term
from daphuong.text.analyze import tokenize


def quick_find_query(parsed: ParsedQuery) -> ParsedQuery:
    """Make the last plain word a prefix, so `le hoai tr` already finds Lê Hoài Trung."""
    if not parsed.required or not isinstance(parsed.required[-1], Term):
        return parsed
    last = parsed.required[-1]
    required = (*parsed.required[:-1], Term(last.fold, last.tone, prefix=True))
    return ParsedQuery(required, parsed.excluded)


def best_name(names: Sequence[str], parsed: ParsedQuery) -> str:
    """The first name or alias that contains every word of the query."""
    wanted = [c for c in parsed.positive_clauses() if isinstance(c, Term)]
    for name in names:
        folds = [t.fold for t in tokenize(name)]
        if all(
            any(f.startswith(w.fold) if w.prefix else f == w.fold for f in folds) for w in wanted
        ):
            return name
    return names[0] if names else ""
