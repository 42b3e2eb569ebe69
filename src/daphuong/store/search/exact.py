"""SQLite: conditions on a document's stored exact-token set and folded streams, not indexed.

Documents keep the tone keys of their marked words as a set in the UNINDEXED column `exact`
of search_fts; indexing them cost as much as the folded text. The exact-diacritics level is
read for the window's documents only, and an exclusion typed with marks filters the matches
of the folded text, both with instr() over the stored columns.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from daphuong.domain.search import AnyOf, Clause, ParsedQuery, Phrase, Term


@dataclass(frozen=True, slots=True)
class RowCondition:
    """A SQL condition on search_fts columns with its bound parameters."""

    sql: str
    params: dict[str, str] = field(default_factory=dict)


def _terms(clause: Clause) -> tuple[Term, ...]:
    return clause.terms if isinstance(clause, Phrase) else (clause,)


def has_marks(clause: Clause) -> bool:
    """Whether any word of the clause was typed with diacritics."""
    return any(t.has_marks for t in _terms(clause))


class _Builder:
    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.params: dict[str, str] = {}

    def _bind(self, value: str) -> str:
        name = f"{self.prefix}{len(self.params)}"
        self.params[name] = value
        return f":{name}"

    def contains(self, column: str, words: list[str], prefix: bool) -> str:
        # Columns hold space-separated tokens; padding with spaces makes word boundaries.
        needle = " " + " ".join(words) + ("" if prefix else " ")
        return f"instr(' ' || {column} || ' ', {self._bind(needle)}) > 0"

    def spelled(self, clause: Clause) -> str:
        """The clause occurs, each word typed with marks with exactly those marks.

        The set has no positions: a phrase typed with marks is the folded phrase AND each
        marked word somewhere in the document.
        """
        terms = _terms(clause)
        if len(terms) == 1 and terms[0].has_marks:
            # An exact token always comes with its folded twin.
            return self.contains("exact", [terms[0].tone], terms[0].prefix)
        folded, prefix = [t.fold for t in terms], terms[-1].prefix
        phrase = (
            f"({self.contains('title_f', folded, prefix)} "
            f"OR {self.contains('body_f', folded, prefix)})"
        )
        marked = [self.contains("exact", [t.tone], t.prefix) for t in terms if t.has_marks]
        return "(" + " AND ".join([phrase, *marked]) + ")" if marked else phrase


def exact_level(parsed: ParsedQuery) -> RowCondition | None:
    """Every word typed with marks occurs with exactly those marks (None: no marks typed)."""
    if not any(has_marks(c) for c in parsed.positive_clauses()):
        return None
    build = _Builder("x")
    items = []
    for item in parsed.required:
        options = item.options if isinstance(item, AnyOf) else (item,)
        items.append("(" + " OR ".join(build.spelled(c) for c in options) + ")")
    return RowCondition(" AND ".join(items), build.params)


def marked_exclusions(parsed: ParsedQuery) -> RowCondition | None:
    """-hội typed with marks: leave out documents with that spelling (None: nothing to do)."""
    marked = [c for c in parsed.excluded if has_marks(c)]
    if not marked:
        return None
    build = _Builder("n")
    return RowCondition("NOT (" + " OR ".join(build.spelled(c) for c in marked) + ")", build.params)


def exact_tokens(title_fold: list[str], body_fold: list[str], tones: list[str]) -> str:
    """The distinct tone keys that are no folded key (the marked words), space-separated."""
    return " ".join(set(tones).difference(title_fold, body_fold))
