"""FTS5 MATCH expressions built from parsed queries (documents and quick-find names)."""

from __future__ import annotations

from collections.abc import Sequence

from daphuong.domain.search import AnyOf, Clause, Item, ParsedQuery, Phrase, Term
from daphuong.store.search.exact import has_marks
from daphuong.store.search.meta import ANY, Hidden, facet_token
from daphuong.text.query import adjacent_runs

FOLD = "{title_f body_f}"


def _quoted(words: Sequence[str], prefix: bool) -> str:
    # Tokens are letters and digits only, so quoting cannot be escaped out of; FTS5 reads
    # everything inside quotes literally (NEAR, AND, * are plain words there).
    return '"' + " ".join(words) + '"' + (" *" if prefix else "")


def _terms(clause: Clause) -> tuple[Term, ...]:
    return clause.terms if isinstance(clause, Phrase) else (clause,)


def only(clause: Clause, cols: str, *, exact: bool) -> str:
    """A term or phrase on these columns, folded or with the typed diacritics."""
    terms = _terms(clause)
    words = [t.tone if exact else t.fold for t in terms]
    return f"{cols} : {_quoted(words, terms[-1].prefix)}"


def clause_expr(clause: Clause, fold_cols: str = FOLD, exact_cols: str | None = None) -> str:
    """A term or phrase on the folded columns, OR the exact columns when given and typed.

    Documents match on the folded columns alone (an exact token always has its folded twin,
    so the exact alternative finds the same documents); quick-find passes its exact column
    because its bm25 counts the exact hits, which ranks the diacritics typed first.
    """
    folded = only(clause, fold_cols, exact=False)
    if exact_cols is None or not has_marks(clause):
        return folded
    return f"({folded} OR {only(clause, exact_cols, exact=True)})"


def _item_expr(item: Item, fold_cols: str, exact_cols: str | None) -> str:
    if isinstance(item, AnyOf):
        return "(" + " OR ".join(clause_expr(c, fold_cols, exact_cols) for c in item.options) + ")"
    return clause_expr(item, fold_cols, exact_cols)


def fts_expression(
    parsed: ParsedQuery,
    fold_cols: str = FOLD,
    exact_cols: str | None = None,
    *,
    exact_alternatives: bool = False,
) -> str:
    """The FTS5 MATCH expression deciding which documents (or names) match.

    With `exact_cols` (quick-find's positional exact column) an exclusion typed with marks
    excludes that spelling here; documents have no indexed exact column, so for them such
    exclusions are `exact.marked_exclusions`, a condition beside the MATCH.
    """
    alternatives = exact_cols if exact_alternatives else None
    expr = " AND ".join(_item_expr(i, fold_cols, alternatives) for i in parsed.required)
    banned = [
        only(c, exact_cols, exact=True)
        if exact_cols and has_marks(c)
        else only(c, fold_cols, exact=False)
        for c in parsed.excluded
        if exact_cols is not None or not has_marks(c)
    ]
    if banned:
        # -hội typed with marks excludes hội only, not hỏi or hơi; -hoi excludes them all.
        expr = f"({expr}) NOT ({' OR '.join(banned)})"
    return expr


def adjacency_expression(parsed: ParsedQuery, fold_cols: str = FOLD) -> str | None:
    """Words typed next to each other are adjacent (None: no such words)."""
    runs = adjacent_runs(parsed)
    if not runs:
        return None
    return " AND ".join(only(Phrase(r), fold_cols, exact=False) for r in runs)


def tier_expressions(parsed: ParsedQuery, fold_cols: str, exact_cols: str) -> list[str]:
    """Quick-find tiers: every typed diacritic exact (positional column); words adjacent."""
    tiers: list[str] = []
    if any(has_marks(c) for c in parsed.positive_clauses()):
        items = []
        for item in parsed.required:
            options = item.options if isinstance(item, AnyOf) else (item,)
            parts = [
                only(c, exact_cols if has_marks(c) else fold_cols, exact=has_marks(c))
                for c in options
            ]
            items.append("(" + " OR ".join(parts) + ")")
        tiers.append(" AND ".join(items))
    adjacent = adjacency_expression(parsed, fold_cols)
    if adjacent:
        tiers.append(adjacent)
    return tiers


def title_expression(parsed: ParsedQuery, title_cols: str = "{title_f}") -> str:
    """Every required item occurs in the title (folded)."""
    parts = []
    for item in parsed.required:
        options = item.options if isinstance(item, AnyOf) else (item,)
        parts.append("(" + " OR ".join(only(c, title_cols, exact=False) for c in options) + ")")
    return " AND ".join(parts)


def _meta_all(groups: Sequence[Sequence[str]]) -> str:
    ors = " OR ".join("(" + " AND ".join(f'"{t}"' for t in g) + ")" for g in groups)
    return f"{{meta}} : ({ors})"


def _meta_hidden(hidden: Hidden) -> str:
    parts = []
    for token, exceptions in hidden:
        rule = f'{{meta}} : "{token}"'
        if exceptions:
            rule += " NOT " + _meta_all([(e,) for e in exceptions])
        parts.append(f"({rule})")
    return " OR ".join(parts)


def base_expression(
    parsed: ParsedQuery, hidden: Hidden | None, facet_ids: Sequence[Sequence[int]]
) -> str:
    """The text match AND the facet filters, NOT what the caller may not see, as one MATCH."""
    parts = [f"({fts_expression(parsed)})" if not parsed.is_empty else f'{{meta}} : "{ANY}"']
    parts.extend(_meta_all([(facet_token(v),) for v in ids]) for ids in facet_ids)
    expr = " AND ".join(parts)
    if hidden:
        expr = f"({expr}) NOT ({_meta_hidden(hidden)})"
    return expr
