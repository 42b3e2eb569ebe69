"""Parse what a person types into a ParsedQuery: words, "phrases", OR, -exclude, prefix*."""

from __future__ import annotations

import re
from dataclasses import dataclass

from daphuong.domain.search import AnyOf, Clause, Item, ParsedQuery, Phrase, Term
from daphuong.errors import InvalidInput
from daphuong.text.analyze import tokenize
from daphuong.text.normalize import normalize

MAX_QUERY_CHARS = 1000
MAX_TERMS = 32
# Shorter prefixes would expand to most of the vocabulary; they match as plain words instead.
MIN_PREFIX_CHARS = 2
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# A quoted phrase (closing quote optional), an OR operator, or a run of other characters.
_LEXEME = re.compile(r'(-?)"([^"]*)"?|(\bOR\b|\|)|(-?)([^\s"|]+)')


@dataclass(frozen=True, slots=True)
class _Lexeme:
    clause: Clause | None  # None for the OR operator
    excluded: bool = False


def _terms(chunk: str, *, allow_prefix: bool) -> list[Term]:
    prefix = allow_prefix and chunk.rstrip().endswith("*")
    tokens = tokenize(chunk)
    terms = [Term(t.fold, t.tone) for t in tokens]
    if prefix and terms and len(terms[-1].fold) >= MIN_PREFIX_CHARS:
        last = terms[-1]
        terms[-1] = Term(last.fold, last.tone, prefix=True)
    return terms


def _clause(chunk: str, *, quoted: bool) -> Clause | None:
    terms = _terms(chunk, allow_prefix=True)
    if not terms:
        return None  # only punctuation or operators: nothing to look for
    if len(terms) == 1:
        return terms[0]
    # Words joined by punctuation (COVID-19, Hà-Nội) must stay adjacent, like a quoted phrase.
    return Phrase(tuple(terms), quoted=quoted)


def _lex(text: str) -> list[_Lexeme]:
    out: list[_Lexeme] = []
    for m in _LEXEME.finditer(text):
        if m.group(3):
            out.append(_Lexeme(None))
            continue
        quoted = m.group(2) is not None
        chunk = m.group(2) if quoted else m.group(5)
        clause = _clause(chunk or "", quoted=quoted)
        if clause is not None:
            out.append(_Lexeme(clause, excluded=bool(m.group(1) if quoted else m.group(4))))
    return out


def _combine(lexemes: list[_Lexeme]) -> tuple[list[Item], list[Clause]]:
    required: list[Item] = []
    excluded: list[Clause] = []
    join_next = False
    for lx in lexemes:
        if lx.clause is None:
            # OR only joins two words to look for; elsewhere it is ignored.
            join_next = bool(required)
            continue
        if lx.excluded:
            excluded.append(lx.clause)
            join_next = False
            continue
        if join_next:
            prev = required.pop()
            options = prev.options if isinstance(prev, AnyOf) else (prev,)
            required.append(AnyOf((*options, lx.clause)))
        else:
            required.append(lx.clause)
        join_next = False
    return required, excluded


def _count_terms(items: list[Item] | list[Clause]) -> int:
    total = 0
    for item in items:
        clauses = item.options if isinstance(item, AnyOf) else (item,)
        total += sum(len(c.terms) if isinstance(c, Phrase) else 1 for c in clauses)
    return total


def parse_query(text: str) -> ParsedQuery:
    """Parse a query; raises InvalidInput with a clear reason when it cannot be used."""
    if len(text) > MAX_QUERY_CHARS:
        raise InvalidInput(f"query is too long ({len(text)} characters; at most {MAX_QUERY_CHARS})")
    clean = normalize(_CONTROL.sub(" ", text)).text
    required, excluded = _combine(_lex(clean))
    if _count_terms(required) + _count_terms(excluded) > MAX_TERMS:
        raise InvalidInput(f"query has too many words (at most {MAX_TERMS})")
    if excluded and not required:
        raise InvalidInput("query only excludes words; add at least one word to look for")
    return ParsedQuery(tuple(required), tuple(excluded))


def adjacent_runs(parsed: ParsedQuery) -> list[tuple[Term, ...]]:
    """Runs of two or more plain words typed next to each other (likely one Vietnamese word)."""
    runs: list[tuple[Term, ...]] = []
    current: list[Term] = []
    for item in parsed.required:
        if isinstance(item, Term) and not item.prefix:
            current.append(item)
            continue
        if len(current) >= 2:
            runs.append(tuple(current))
        current = []
    if len(current) >= 2:
        runs.append(tuple(current))
    return runs
