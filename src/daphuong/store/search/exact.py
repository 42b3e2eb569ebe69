"""SQLite: conditions on a document's stored exact-token set and folded streams, not indexed.

Documents keep the tone keys of their marked words as a set in the UNINDEXED column `exact`
of search_fts; indexing them cost as much as the folded text. The exact-diacritics level is
read for the window's documents only, and an exclusion typed with marks filters the matches
of the folded text, both with instr() over the stored columns.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from daphuong.domain.search import AnyOf, Clause, ParsedQuery, Phrase, Term

SPACE = ord(" ")
# The same condition in Python, over a row's columns as space-padded UTF-8 bytes.
Check = Callable[[Mapping[str, bytes]], bool]


@dataclass(frozen=True, slots=True)
class RowCondition:
    """A SQL condition on search_fts columns with its bound parameters, and its Python twin.

    SQLite's instr() compares at every byte (3-4 ms per word over the window's 1,000 sets);
    `check` over the fetched columns tests them with Python's substring search.
    """

    sql: str
    params: dict[str, str] = field(default_factory=dict)
    check: Check = lambda row: True
    columns: tuple[str, ...] = ()


def _all(checks: list[Check]) -> Check:
    # One check stands for itself, two are one `and`: the window's 1,000 rows pay a call per
    # level of nesting, and all() over a generator costs more than two checks.
    if len(checks) == 1:
        return checks[0]
    if len(checks) == 2:
        first, second = checks
        return lambda row: first(row) and second(row)
    return lambda row: all(c(row) for c in checks)


def _any(checks: list[Check]) -> Check:
    if len(checks) == 1:
        return checks[0]
    if len(checks) == 2:
        first, second = checks
        return lambda row: first(row) or second(row)
    return lambda row: any(c(row) for c in checks)


def _terms(clause: Clause) -> tuple[Term, ...]:
    return clause.terms if isinstance(clause, Phrase) else (clause,)


def has_marks(clause: Clause) -> bool:
    """Whether any word of the clause was typed with diacritics."""
    return any(t.has_marks for t in _terms(clause))


def _has(column: str, words: list[str], prefix: bool) -> Check:
    """Whether the padded column holds the words (a word start, or a whole word)."""
    head = (" " + " ".join(words)).encode()
    if prefix:
        return lambda row: head in row[column]
    end = len(head)

    def check(row: Mapping[str, bytes]) -> bool:
        # Searched without its closing space, the needle ends in a rarer byte than a space,
        # which lets the substring search skip ahead; the space is checked after.
        data = row[column]
        at = data.find(head)
        while at >= 0:
            if data[at + end] == SPACE:
                return True
            at = data.find(head, at + 1)
        return False

    return check


# A condition as SQL and as a Python check.
_Both = tuple[str, Check]


class _Builder:
    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.params: dict[str, str] = {}
        self.columns: set[str] = set()

    def _bind(self, value: str) -> str:
        name = f"{self.prefix}{len(self.params)}"
        self.params[name] = value
        return f":{name}"

    def contains(self, column: str, words: list[str], prefix: bool) -> _Both:
        # Columns hold space-separated tokens; padding with spaces makes word boundaries.
        needle = " " + " ".join(words) + ("" if prefix else " ")
        self.columns.add(column)
        return f"instr(' ' || {column} || ' ', {self._bind(needle)}) > 0", _has(
            column, words, prefix
        )

    def spelled(self, clause: Clause) -> _Both:
        """The clause occurs, each word typed with marks with exactly those marks.

        The set has no positions: a phrase typed with marks is the folded phrase AND each
        marked word somewhere in the document.
        """
        terms = _terms(clause)
        if len(terms) == 1 and terms[0].has_marks:
            # An exact token always comes with its folded twin.
            return self.contains("exact", [terms[0].tone], terms[0].prefix)
        folded, prefix = [t.fold for t in terms], terms[-1].prefix
        title, body = (self.contains(c, folded, prefix) for c in ("title_f", "body_f"))
        phrase = (f"({title[0]} OR {body[0]})", _any([title[1], body[1]]))
        marked = [self.contains("exact", [t.tone], t.prefix) for t in terms if t.has_marks]
        if not marked:
            return phrase
        parts = [phrase, *marked]
        return "(" + " AND ".join(p[0] for p in parts) + ")", _all([p[1] for p in parts])

    def condition(self, sql: str, check: Check) -> RowCondition:
        """The condition with the parameters and columns it uses."""
        return RowCondition(sql, self.params, check, tuple(sorted(self.columns)))


def exact_level(parsed: ParsedQuery) -> RowCondition | None:
    """Every word typed with marks occurs with exactly those marks (None: no marks typed).

    For documents that match the query: a required word typed without marks is not checked.
    """
    if not any(has_marks(c) for c in parsed.positive_clauses()):
        return None
    build = _Builder("x")
    items: list[_Both] = []
    for item in parsed.required:
        if not isinstance(item, AnyOf) and not has_marks(item):
            # Every match has it (the MATCH requires it), and the level is only asked of
            # matches: checking it read the window's folded streams for nothing.
            continue
        options = [build.spelled(c) for c in (item.options if isinstance(item, AnyOf) else (item,))]
        items.append(
            ("(" + " OR ".join(o[0] for o in options) + ")", _any([o[1] for o in options]))
        )
    return build.condition(" AND ".join(i[0] for i in items), _all([i[1] for i in items]))


def marked_exclusions(parsed: ParsedQuery) -> RowCondition | None:
    """-hội typed with marks: leave out documents with that spelling (None: nothing to do)."""
    marked = [c for c in parsed.excluded if has_marks(c)]
    if not marked:
        return None
    build = _Builder("n")
    options = [build.spelled(c) for c in marked]
    anyone = _any([o[1] for o in options])
    return build.condition(
        "NOT (" + " OR ".join(o[0] for o in options) + ")", lambda row: not anyone(row)
    )
