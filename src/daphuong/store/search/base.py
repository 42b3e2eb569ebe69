"""The SQL both backends share: bookkeeping, levels over the window, facets, hits."""

from __future__ import annotations

import heapq
from abc import abstractmethod
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from daphuong.domain.access import Principal
from daphuong.domain.search import (
    FacetValue,
    ParsedQuery,
    SearchQuery,
    SearchResult,
)
from daphuong.store.search import facets as facet_store
from daphuong.store.search.entities import EntityQuickFind
from daphuong.store.search.interface import SearchIndex
from daphuong.store.search.meta import (
    Disjunction,
    Hidden,
    day_key,
    doc_tokens,
    hidden_tokens,
    sort_key,
    visible_tokens,
)
from daphuong.store.search.prepare import FacetEntry, IndexedDocument
from daphuong.store.search.snippets import page_hits
from daphuong.store.search.tables import DOCS

# The newest matches read per search: ranked by level, counted for facets (estimates above).
WINDOW = 1000
# SearchHit.score = level * LEVEL + BM25; BM25 stays far below it, so levels never mix.
LEVEL = 1000.0


@dataclass(frozen=True, slots=True)
class Plan:
    """What every statement of one search shares: the words, who asks, the filters."""

    parsed: ParsedQuery
    visible: Disjunction | None  # None: the caller sees everything
    facet_ids: tuple[tuple[int, ...], ...]  # AND across, OR within
    low: int | None = None  # sort-key range from the date filters
    high: int | None = None
    hidden: Hidden | None = None  # the visibility rule as what to leave out


def _levels(window: list[int], sets: Sequence[set[int]]) -> dict[int, float]:
    """Each window key's level: the flags it meets read as a binary number (meta.level_score).

    Summed flag by flag over the (smaller) sets: a lookup per key and flag cost more.
    """
    levels = dict.fromkeys(window, 0.0)
    for i, found in enumerate(sets):
        weight = float(1 << (len(sets) - 1 - i))
        for k in found.intersection(levels):
            levels[k] += weight
    return levels


class SqlSearchIndex(EntityQuickFind, SearchIndex):
    """Shared SQL; backends supply token storage and the newest-first match statements."""

    @abstractmethod
    def _write_text(
        self, session: Session, docs: Sequence[IndexedDocument], metas: Sequence[list[str]]
    ) -> None:
        """Store the token streams and meta tokens of documents."""

    @abstractmethod
    def _delete_text(self, session: Session, keys: Sequence[int]) -> None:
        """Forget the token streams of documents (by sort key)."""

    @abstractmethod
    def _rewrite_meta(self, session: Session, key: int, old: list[str], new: list[str]) -> None:
        """Swap one document's meta tokens."""

    @abstractmethod
    def _flags(self, parsed: ParsedQuery) -> Sequence[object]:
        """Ranking conditions, most important first (exact marks, adjacency, title)."""

    @abstractmethod
    def _keys(self, session: Session, plan: Plan, n: int) -> list[int]:
        """Sort keys of up to n matches, newest first."""

    @abstractmethod
    def _flag_keys(self, session: Session, flag: object, window: list[int]) -> set[int]:
        """Sort keys of the window's documents where a ranking flag holds."""

    @abstractmethod
    def _count(self, session: Session, plan: Plan) -> int:
        """Number of matches."""

    @abstractmethod
    def _relevance(
        self, session: Session, parsed: ParsedQuery, keys: list[int]
    ) -> dict[int, float]:
        """BM25-style relevance (0 to a few tens) of the documents with these sort keys."""

    def index_documents(self, session: Session, docs: Sequence[IndexedDocument]) -> None:
        """Replace rows, facets and token streams of these documents."""
        if not docs:
            return
        self.remove_documents(session, [d.doc_id for d in docs])
        ids = facet_store.value_ids(session, (f for d in docs for f in d.facets))
        rows: list[dict[str, int]] = []
        metas: list[list[str]] = []
        for d in docs:
            own = [ids[(f.facet, f.key)] for f in d.facets]
            key = sort_key(d.published, d.doc_id)
            rows.extend({"doc_key": key, "value_id": v} for v in own)
            metas.append(doc_tokens(d.visibility, d.owner_org_id, own))
        self._insert_docs(session, docs, metas)
        self._write_facet_rows(session, rows)

    def _write_facet_rows(self, session: Session, rows: list[dict[str, int]]) -> None:
        """Insert (doc_key, value_id) facet rows of newly indexed documents."""
        facet_store.write_rows(session, rows)

    def _insert_docs(
        self, session: Session, docs: Sequence[IndexedDocument], metas: Sequence[list[str]]
    ) -> None:
        """Insert search_docs rows, then the token streams."""
        session.execute(insert(DOCS), [self._doc_values(d) for d in docs])
        self._write_text(session, docs, metas)

    def _doc_values(self, doc: IndexedDocument) -> dict[str, Any]:
        return {
            "doc_id": doc.doc_id,
            "sort_key": sort_key(doc.published, doc.doc_id),
            "visibility": doc.visibility,
            "owner_org_id": doc.owner_org_id,
            "published": doc.published,
        }

    def remove_documents(self, session: Session, doc_ids: Sequence[int]) -> None:
        """Delete facets, token streams and rows."""
        if not doc_ids:
            return
        keys = list(session.scalars(select(DOCS.c.sort_key).where(DOCS.c.doc_id.in_(doc_ids))))
        if not keys:
            return
        facet_store.delete_rows(session, keys)
        self._delete_text(session, keys)
        session.execute(delete(DOCS).where(DOCS.c.sort_key.in_(keys)))

    def replace_facets(self, session: Session, doc_id: int, facets: Sequence[FacetEntry]) -> None:
        """Swap the facet rows and tokens of one indexed document (no-op when not indexed)."""
        row = session.execute(
            select(DOCS.c.sort_key, DOCS.c.visibility, DOCS.c.owner_org_id).where(
                DOCS.c.doc_id == doc_id
            )
        ).first()
        if row is None:
            return
        key, visibility, owner = row
        old = [v for v in self.facets_of(session, [doc_id]).get(doc_id, [])]
        old_ids = facet_store.value_ids(session, old)
        ids = facet_store.value_ids(session, facets)
        new = [ids[(f.facet, f.key)] for f in facets]
        facet_store.delete_rows(session, [key])
        facet_store.write_rows(session, [{"doc_key": key, "value_id": v} for v in new])
        before = doc_tokens(visibility, owner, [old_ids[(f.facet, f.key)] for f in old])
        self._rewrite_meta(session, key, before, doc_tokens(visibility, owner, new))

    def facets_of(self, session: Session, doc_ids: Sequence[int]) -> dict[int, list[FacetEntry]]:
        """Facet values grouped by document."""
        return facet_store.stored(session, doc_ids)

    def _plan(self, session: Session, query: SearchQuery, who: Principal) -> Plan:
        f = query.filters
        return Plan(
            parsed=query.parsed,
            visible=visible_tokens(who),
            hidden=hidden_tokens(who),
            facet_ids=tuple(tuple(ids) for ids in facet_store.filter_ids(session, f)),
            low=day_key(f.date_from) if f.date_from else None,
            high=day_key(f.date_to.fromordinal(f.date_to.toordinal() + 1)) if f.date_to else None,
        )

    def search(self, session: Session, query: SearchQuery, who: Principal) -> SearchResult:
        """Page of hits, total and facets; all three restricted to what `who` may see."""
        plan = self._plan(session, query, who)
        if any(not ids for ids in plan.facet_ids):
            return SearchResult(total=0)  # a filter value no document has
        window = self._keys(session, plan, WINDOW)
        estimated = len(window) == WINDOW and not plan.parsed.is_empty
        if len(window) < WINDOW:
            total = len(window)
        elif estimated:
            total = self._estimate_total(session, plan, window)
        else:
            total = self._count(session, plan)  # browsing: document counts stay exact
        result = SearchResult(
            total=total, facets_estimated=total > len(window), total_estimated=estimated
        )
        scale = total / len(window) if window else 1.0
        result.facets = self._facet_counts(session, window, query.facet_size, scale)
        page = self._page(session, plan, window, query.offset + query.limit)
        result.hits = page_hits(session, page[query.offset :], query)
        return result

    def _facet_counts(
        self, session: Session, keys: list[int], size: int, scale: float
    ) -> dict[str, list[FacetValue]]:
        """Top values per facet over these documents, counts multiplied by `scale`."""
        return facet_store.count(session, keys, size, scale)

    def _estimate_total(self, session: Session, plan: Plan, window: list[int]) -> int:
        """Matches in the window's key span, extrapolated by documents: window × all / span.

        An exact COUNT reads every posting list of the query; this reads two key ranges of
        search_docs. It assumes the words are spread evenly over time and visibility.
        """
        span = self._doc_count(session, window[-1], plan.high)
        everything = self._doc_count(session, plan.low, plan.high)
        return max(len(window), round(len(window) * everything / max(span, 1)))

    def _doc_count(self, session: Session, low: int | None, high: int | None) -> int:
        """Indexed documents with low <= sort key < high (None: unbounded)."""
        stmt = select(func.count()).select_from(DOCS)
        if low is not None:
            stmt = stmt.where(DOCS.c.sort_key >= low)
        if high is not None:
            stmt = stmt.where(DOCS.c.sort_key < high)
        return int(session.scalar(stmt) or 0)

    def _page(
        self, session: Session, plan: Plan, window: list[int], n: int
    ) -> list[tuple[int, float]]:
        """The window ranked by level, then BM25, then newest first; then older matches."""
        if not window:
            return []
        flags = self._flags(plan.parsed) if not plan.parsed.is_empty else []
        levels = _levels(window, self._flag_sets(session, flags, window))
        relevance = self._page_relevance(session, plan.parsed, levels, n)

        def rank(k: int) -> tuple[float, float, int]:
            return (-levels[k], -relevance.get(k, 0.0), -k)

        ranked = (
            heapq.nsmallest(n, window, key=rank) if n < len(window) else sorted(window, key=rank)
        )
        scored = [(k, levels[k] * LEVEL + relevance.get(k, 0.0)) for k in ranked]
        if n > len(window) == WINDOW:  # deep pages: older matches, newest first
            older = replace(plan, high=window[-1])
            scored += [(k, 0.0) for k in self._keys(session, older, n - len(scored))]
        return scored[:n]

    def _flag_sets(
        self, session: Session, flags: Sequence[object], window: list[int]
    ) -> list[set[int]]:
        """For each flag, the window's keys where it holds: one read per flag."""
        return [self._flag_keys(session, flag, window) for flag in flags]

    def _page_relevance(
        self, session: Session, parsed: ParsedQuery, levels: dict[int, float], n: int
    ) -> dict[int, float]:
        """BM25 of the documents in the levels that reach the first n places (others unread)."""
        if parsed.is_empty:
            return {}
        sizes = Counter(levels.values())
        needed: set[float] = set()
        seen = 0
        for level in sorted(sizes, reverse=True):
            if seen >= n:
                break
            needed.add(level)
            seen += sizes[level]
        keys = [k for k, level in levels.items() if level in needed]
        return self._relevance(session, parsed, keys)
