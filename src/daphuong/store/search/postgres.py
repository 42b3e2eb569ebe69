"""PostgreSQL backend: one tsvector of folded, exact and meta lexemes per row, GIN index."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import ColumnElement, bindparam, case, cast, func, insert, literal, text, update
from sqlalchemy.dialects.postgresql import TSQUERY, TSVECTOR
from sqlalchemy.orm import Session

from daphuong.domain.access import Principal
from daphuong.domain.search import (
    AnyOf,
    Clause,
    Item,
    ParsedQuery,
    Phrase,
    SearchQuery,
    SearchResult,
)
from daphuong.store.search.base import Plan, SqlSearchIndex
from daphuong.store.search.entities import MatchSource
from daphuong.store.search.meta import Hidden, facet_token
from daphuong.store.search.prepare import IndexedDocument
from daphuong.store.search.tables import DOCS, ENTITIES
from daphuong.text.analyze import Keys
from daphuong.text.query import adjacent_runs

MAX_POSITION = 16383  # PostgreSQL's limit; later positions collapse onto it
MAX_POSITIONS_PER_LEXEME = 256  # PostgreSQL keeps at most this many
_GAP = 2  # positions left empty between title and body (and between names) so phrases stop
# Added per tier a row reaches; ts_rank stays far below, so tiers never interleave.
TIER = 1000.0
META = "~"
_FIRST_SLICE_DOCS = 16  # the first key range read holds about 16 documents per wanted match


def _lexeme(word: str) -> str:
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def _quote(word: str) -> str:
    # Tokens are letters and digits: the escaping path is for anything else.
    return _lexeme(word) if "'" in word or "\\" in word else "'" + word + "'"


# Position strings ("12", "12A") made once: formatting them per token was most of the cost.
_AT = {w: [f"{p}{w}" for p in range(MAX_POSITION + 1)] for w in ("", "A", "B", "C", "D")}


def tsvector_literal(
    streams: Sequence[tuple[Sequence[Keys], str]], meta: Sequence[str] = ()
) -> str:
    """A tsvector literal: each token's folded and (if different) exact key at its position.

    Meta tokens (visibility, owner, facet values) go in without positions, prefixed with '~',
    which no query word can contain (words are letters and digits only).
    """
    positions: dict[str, list[str]] = {}
    pos = 1
    for keys, weight in streams:
        ats = _AT[weight]
        for fold, tone in keys:
            at = ats[pos if pos < MAX_POSITION else MAX_POSITION]
            found = positions.get(fold)
            if found is None:
                positions[fold] = [at]
            else:
                found.append(at)
            if tone != fold:
                found = positions.get(tone)
                if found is None:
                    positions[tone] = [at]
                else:
                    found.append(at)
            pos += 1
        pos += _GAP
    cap = MAX_POSITIONS_PER_LEXEME
    words = [
        f"{_quote(k)}:{','.join(v[:cap] if len(v) > cap else v)}" for k, v in positions.items()
    ]
    return " ".join(words + [_quote(META + m) for m in meta])


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


def _score(vector: ColumnElement[str], parsed: ParsedQuery) -> ColumnElement[float]:
    query = cast(literal(match_tsquery(parsed)), TSQUERY)
    score: ColumnElement[float] = func.ts_rank(vector, query)
    for tier in tier_tsqueries(parsed):
        lifted = vector.op("@@")(cast(literal(tier), TSQUERY))
        score = score + case((lifted, TIER), else_=0.0)
    return score


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


def _range(plan: Plan) -> str:
    conds = ["TRUE"]
    if plan.low is not None:
        conds.append("sort_key >= :lo")
    if plan.high is not None:
        conds.append("sort_key < :hi")
    return " AND ".join(conds)


def _where(plan: Plan, tsquery: str | None) -> tuple[str, dict[str, object]]:
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


class PostgresSearchIndex(SqlSearchIndex):
    """tsvector columns on search_docs and search_entities, both with GIN indexes."""

    dialect = "postgresql"

    def _insert_docs(
        self, session: Session, docs: Sequence[IndexedDocument], metas: Sequence[list[str]]
    ) -> None:
        """Insert rows with their tsvector (text and meta lexemes) in one statement."""
        rows = [
            {
                **self._doc_values(d),
                "vector_literal": tsvector_literal(
                    [(d.title.keys(), "A"), (d.body.keys(), "")], meta
                ),
            }
            for d, meta in zip(docs, metas, strict=True)
        ]
        stmt = insert(DOCS).values(vector=cast(bindparam("vector_literal"), TSVECTOR))
        session.execute(stmt, rows)

    def _write_text(
        self, session: Session, docs: Sequence[IndexedDocument], metas: Sequence[list[str]]
    ) -> None:
        """Written by _insert_docs together with the row."""

    def _delete_text(self, session: Session, keys: Sequence[int]) -> None:
        """The vector lives on the row, which the shared code deletes."""

    def _rewrite_meta(self, session: Session, key: int, old: list[str], new: list[str]) -> None:
        session.execute(
            text(
                "UPDATE search_docs SET vector = ts_delete(vector, CAST(:old AS text[])) "
                "|| CAST(:new AS tsvector) WHERE sort_key = :k"
            ),
            {
                "old": [META + t for t in old],
                "new": " ".join(_lexeme(META + t) for t in new),
                "k": key,
            },
        )

    def _flags(self, parsed: ParsedQuery) -> list[str]:
        return [*tier_tsqueries(parsed), title_tsquery(parsed)]

    def search(self, session: Session, query: SearchQuery, who: Principal) -> SearchResult:
        """As the shared search, with planner settings fit for it (this transaction only).

        JIT compiling costs more than these reads take; and after ANALYZE the planner
        misjudges many-lexeme tsqueries and scans every vector instead of the GIN index.
        """
        session.execute(text("SET LOCAL jit = off"))
        session.execute(text("SET LOCAL enable_seqscan = off"))
        return super().search(session, query, who)

    def _keys(self, session: Session, plan: Plan, n: int) -> list[int]:
        """Newest matches, reading the newest 16·n documents' key range first, then 4× wider.

        GIN cannot return rows in key order, so one statement visits the heap for every
        match; inside a key range the planner ANDs the GIN and B-tree bitmaps and visits
        the range's matches only. A browse (no words) reads the key index backwards.
        """
        where, params = _where(plan, base_tsquery(plan))
        stmt = text(
            f"SELECT sort_key FROM search_docs WHERE {where} AND sort_key >= :from "
            "ORDER BY sort_key DESC LIMIT :n"
        )
        bounds = text(f"SELECT min(sort_key), max(sort_key) FROM search_docs WHERE {_range(plan)}")
        low, high = session.execute(bounds, params).one()
        if low is None:
            return []
        if plan.parsed.is_empty:
            return list(session.scalars(stmt, {**params, "n": n, "from": low}))
        # Wide enough for n matches if a word is in one document of 16 (4n of 64).
        share = min(1.0, _FIRST_SLICE_DOCS * n / max(self._doc_count(session, None, None), 1))
        width = max(int((high - low) * share), 1)
        while True:
            start = max(high - width, low)
            keys = list(session.scalars(stmt, {**params, "n": n, "from": start}))
            if len(keys) >= n or start == low:
                return keys
            width <<= 2

    def _doc_count(self, session: Session, low: int | None, high: int | None) -> int:
        """As the shared count, but the planner's row estimate for the whole table.

        (A full count visits a million index entries; the total is only an estimate's
        denominator.)
        """
        if low is None and high is None:
            rows = session.scalar(
                text("SELECT reltuples FROM pg_class WHERE oid = 'search_docs'::regclass")
            )
            if rows is not None and rows >= 0:  # -1: never analysed
                return int(rows)
        return super()._doc_count(session, low, high)

    def _flag_keys(self, session: Session, flag: object, window: list[int]) -> set[int]:
        return self._flag_sets(session, [flag], window)[0]

    def _flag_sets(
        self, session: Session, flags: Sequence[object], window: list[int]
    ) -> list[set[int]]:
        """Every flag in one read of the window's rows: each vector is detoasted once.

        (One statement per flag let the planner start from the GIN index and recheck
        phrase flags on every document with the words, anywhere in the corpus.)
        """
        if not flags:
            return []
        tests = ", ".join(f"vector @@ CAST(:f{i} AS tsquery)" for i in range(len(flags)))
        stmt = text(
            f"SELECT sort_key, {tests} FROM search_docs "
            "WHERE sort_key = ANY(CAST(:keys AS bigint[]))"
        )
        params: dict[str, object] = {f"f{i}": str(f) for i, f in enumerate(flags)}
        sets: list[set[int]] = [set() for _ in flags]
        for key, *held in session.execute(stmt, {**params, "keys": window}):
            for found, on in zip(sets, held, strict=True):
                if on:
                    found.add(int(key))
        return sets

    def _count(self, session: Session, plan: Plan) -> int:
        where, params = _where(plan, base_tsquery(plan))
        return int(
            session.scalar(text(f"SELECT count(*) FROM search_docs WHERE {where}"), params) or 0
        )

    def _relevance(
        self, session: Session, parsed: ParsedQuery, keys: list[int]
    ) -> dict[int, float]:
        # Cover density over the candidates only; no length normalization: meta lexemes
        # (visibility, facets) would count as words.
        if not keys:
            return {}
        stmt = text(
            "SELECT sort_key, ts_rank_cd(vector, CAST(:q AS tsquery)) FROM search_docs "
            "WHERE sort_key = ANY(CAST(:keys AS bigint[]))"
        )
        rows = session.execute(stmt, {"q": match_tsquery(parsed), "keys": keys})
        return {int(k): float(score) for k, score in rows}

    def _write_entity_text(
        self, session: Session, entity_id: int, names: Sequence[list[Keys]]
    ) -> None:
        vector = tsvector_literal([(n, "") for n in names])
        session.execute(
            update(ENTITIES)
            .where(ENTITIES.c.entity_id == entity_id)
            .values(vector=cast(literal(vector), TSVECTOR))
        )

    def _delete_entity_text(self, session: Session, entity_id: int) -> None:
        """The vector lives on the row, which the shared code deletes."""

    def _match_entities(self, parsed: ParsedQuery) -> MatchSource:
        query = cast(literal(match_tsquery(parsed)), TSQUERY)
        where = ENTITIES.c.vector.op("@@")(query)
        return MatchSource(ENTITIES, where, _score(ENTITIES.c.vector, parsed))
