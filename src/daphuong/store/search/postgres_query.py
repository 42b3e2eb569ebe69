"""PostgreSQL tsqueries: the match, ranking tiers, title flag, visibility and facet filters."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import ColumnElement, case, cast, func, literal
from sqlalchemy.dialects.postgresql import TSQUERY

from daphuong.domain.search import AnyOf, Clause, Item, ParsedQuery, Phrase
from daphuong.store.search.base import Plan
from daphuong.store.search.meta import Hidden, facet_token
from daphuong.store.search.postgres_index import META
from daphuong.store.search.postgres_index import lexeme as _lexeme
from daphuong.text.query import adjacent_runs

# Added per tier a row reaches; ts_rank stays far below, so tiers never interleave.
TIER = 1000.0


def _clause(clause: Clause, *, exact: bool, weight: str = "") -> str:
    terms = clause.terms if isinstance(clause, Phrase) else (clause,)
    words = [_lexeme(t.tone if exact else t.fold) + (f":{weight}" if weight else "") for t in terms]
    if terms[-1].prefix:
        words[-1] += ":*" if not weight else "*"
    return "(" + " <-> ".join(words) + ")"


def _has_marks(clause: Clause) -> bool:
    return any(t.has_marks for t in (clause.terms if isinstance(clause, Phrase) else (clause,)))


def _item(item: Item) -> str:
    if isinstance(item, AnyOf):
        return "(" + " | ".join(_clause(c, exact=False) for c in item.options) + ")"
    return _clause(item, exact=False)


def match_tsquery(parsed: ParsedQuery) -> str:
    """The tsquery that decides which rows match (folded keys only)."""
    expr = " & ".join(_item(i) for i in parsed.required)
    for clause in parsed.excluded:
        # -hội typed with marks excludes hội only, not hỏi or hơi; -hoi excludes them all.
        expr += f" & !{_clause(clause, exact=_has_marks(clause))}"
    return expr


def _tier_item(item: Item) -> str:
    options = item.options if isinstance(item, AnyOf) else (item,)
    return "(" + " | ".join(_clause(c, exact=_has_marks(c)) for c in options) + ")"


def tier_tsqueries(parsed: ParsedQuery) -> list[str]:
    """Queries that lift a row a tier: every typed diacritic exact; typed words adjacent."""
    tiers: list[str] = []
    if any(_has_marks(c) for c in parsed.positive_clauses()):
        tiers.append(" & ".join(_tier_item(i) for i in parsed.required))
    runs = adjacent_runs(parsed)
    if runs:
        tiers.append(" & ".join(_clause(Phrase(r), exact=False) for r in runs))
    return tiers


def score(vector: ColumnElement[str], parsed: ParsedQuery) -> ColumnElement[float]:
    """ts_rank of the match, lifted by TIER for each tier query the vector satisfies."""
    query = cast(literal(match_tsquery(parsed)), TSQUERY)
    ranked: ColumnElement[float] = func.ts_rank(vector, query)
    for tier in tier_tsqueries(parsed):
        lifted = vector.op("@@")(cast(literal(tier), TSQUERY))
        ranked = ranked + case((lifted, TIER), else_=0.0)
    return ranked


def title_tsquery(parsed: ParsedQuery) -> str:
    """Every required item occurs in the title (weight A, folded)."""
    parts = []
    for item in parsed.required:
        options = item.options if isinstance(item, AnyOf) else (item,)
        parts.append("(" + " | ".join(_clause(c, exact=False, weight="A") for c in options) + ")")
    return " & ".join(parts)


def _meta_any(groups: Sequence[Sequence[str]]) -> str:
    return (
        "(" + " | ".join("(" + " & ".join(_lexeme(META + t) for t in g) + ")" for g in groups) + ")"
    )


def _hidden(hidden: Hidden) -> str:
    rules = []
    for token, exceptions in hidden:
        rule = _lexeme(META + token)
        if exceptions:
            rule += " & !" + _meta_any([(e,) for e in exceptions])
        rules.append(f"({rule})")
    return "!(" + " | ".join(rules) + ")"


def base_tsquery(plan: Plan) -> str | None:
    """Text match & visibility & facet filters as one tsquery (None: every row).

    With words, visibility is NOT what the caller may not see: GIN then reads the short
    posting lists of internal and shared documents instead of the public ones (nearly all).
    A browse keeps the positive form, which GIN can start from.
    """
    parts = [f"({match_tsquery(plan.parsed)})"] if not plan.parsed.is_empty else []
    if plan.hidden is not None and parts:
        parts.append(_hidden(plan.hidden))
    elif plan.visible is not None:
        parts.append(_meta_any(plan.visible))
    parts.extend(_meta_any([(facet_token(v),) for v in ids]) for ids in plan.facet_ids)
    return " & ".join(parts) or None


def key_range(plan: Plan) -> str:
    """The date filters as a sort-key condition (parameters :lo and :hi)."""
    conds = ["TRUE"]
    if plan.low is not None:
        conds.append("sort_key >= :lo")
    if plan.high is not None:
        conds.append("sort_key < :hi")
    return " AND ".join(conds)


def match_where(plan: Plan, tsquery: str | None) -> tuple[str, dict[str, object]]:
    """The match and the key range as a WHERE condition, with its parameters."""
    conds: list[str] = ["TRUE"]
    params: dict[str, object] = {}
    if tsquery:
        conds.append("vector @@ CAST(:q AS tsquery)")
        params["q"] = tsquery
    if plan.low is not None:
        conds.append("sort_key >= :lo")
        params["lo"] = plan.low
    if plan.high is not None:
        conds.append("sort_key < :hi")
        params["hi"] = plan.high
    return " AND ".join(conds), params
