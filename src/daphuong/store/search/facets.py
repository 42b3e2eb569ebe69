"""Facet values: a dictionary of small integer ids, per-document rows, counts over a sample."""

from __future__ import annotations

import heapq
import json
from collections.abc import Iterable, Sequence

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Select,
    any_,
    bindparam,
    delete,
    func,
    insert,
    literal_column,
    select,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from daphuong.domain.search import FacetValue, SearchFilters
from daphuong.store.search.prepare import FacetEntry
from daphuong.store.search.tables import DOCS, FACETS, VALUES

_CHUNK = 500  # bound parameters per IN list


def _chunks(items: Sequence[str], size: int = _CHUNK) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _lookup(session: Session, wanted: set[tuple[str, str]]) -> dict[tuple[str, str], int]:
    found: dict[tuple[str, str], int] = {}
    keys = sorted({k for _, k in wanted})
    for chunk in _chunks(keys):
        stmt = select(VALUES.c.id, VALUES.c.facet, VALUES.c.key).where(VALUES.c.key.in_(chunk))
        for value_id, facet, key in session.execute(stmt):
            if (facet, key) in wanted:
                found[(facet, key)] = value_id
    return found


def value_ids(session: Session, entries: Iterable[FacetEntry]) -> dict[tuple[str, str], int]:
    """Ids of these facet values, adding the ones never seen (first label seen is kept)."""
    labels = {(e.facet, e.key): e.label for e in entries}
    if not labels:
        return {}
    found = _lookup(session, set(labels))
    missing = [
        {"facet": f, "key": k, "label": label}
        for (f, k), label in labels.items()
        if (f, k) not in found
    ]
    if missing:
        # A concurrent writer may add the same value: keep theirs, then read both back.
        dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
        session.execute(dialect.insert(VALUES).on_conflict_do_nothing(), missing)
        found.update(_lookup(session, {(m["facet"], m["key"]) for m in missing}))
    return found


def write_rows(session: Session, rows: list[dict[str, int]]) -> None:
    """Insert (doc_key, value_id) rows."""
    if rows:
        session.execute(insert(FACETS), rows)


def delete_rows(session: Session, keys: Sequence[int]) -> None:
    """Forget the facet rows of these documents (by sort key)."""
    if keys:
        session.execute(delete(FACETS).where(FACETS.c.doc_key.in_(keys)))


def stored(session: Session, doc_ids: Sequence[int]) -> dict[int, list[FacetEntry]]:
    """Facet values of indexed documents, by document id."""
    out: dict[int, list[FacetEntry]] = {}
    stmt = (
        select(DOCS.c.doc_id, VALUES.c.facet, VALUES.c.key, VALUES.c.label)
        .select_from(DOCS.join(FACETS, FACETS.c.doc_key == DOCS.c.sort_key))
        .join(VALUES, VALUES.c.id == FACETS.c.value_id)
        .where(DOCS.c.doc_id.in_(doc_ids))
        .order_by(DOCS.c.doc_id, VALUES.c.facet, VALUES.c.key)
    )
    for doc_id, facet, key, label in session.execute(stmt):
        out.setdefault(doc_id, []).append(FacetEntry(facet, key, label))
    return out


def filter_ids(session: Session, filters: SearchFilters) -> list[list[int]]:
    """Value ids per filtered facet (AND across the lists, OR within one; [] matches nothing)."""
    by_facet = {
        "entity": filters.entities,
        "type": filters.entity_types,
        "event": filters.event_kinds,
        "outlet": filters.outlets,
        "year": tuple(str(y) for y in filters.years),
    }
    out: list[list[int]] = []
    for facet, keys in by_facet.items():
        if keys:
            stmt = select(VALUES.c.id).where(VALUES.c.facet == facet, VALUES.c.key.in_(keys))
            out.append(sorted(session.scalars(stmt)))
    return out


def key_in(
    session: Session, column: ColumnElement[int], keys: Sequence[int]
) -> ColumnElement[bool]:
    """column IN keys, with the keys as one parameter (a JSON array or a PostgreSQL array).

    A thousand bound parameters cost more to render and bind than the lookup itself.
    """
    if session.get_bind().dialect.name == "postgresql":
        array = bindparam("keys", list(keys), type_=postgresql.ARRAY(BigInteger))
        return column == any_(array)
    values: Select[tuple[int]] = select(literal_column("value", BigInteger)).select_from(
        func.json_each(json.dumps(list(keys)))
    )
    return column.in_(values.scalar_subquery())


def count(
    session: Session, keys: Sequence[int], size: int, scale: float = 1.0
) -> dict[str, list[FacetValue]]:
    """Top `size` values per facet over these documents; counts multiplied by `scale`."""
    if not keys:
        return {}
    counts = (
        select(FACETS.c.value_id, func.count().label("n"))
        .where(key_in(session, FACETS.c.doc_key, keys))
        .group_by(FACETS.c.value_id)
        .subquery("c")
    )
    rows = session.execute(
        select(VALUES.c.facet, VALUES.c.key, VALUES.c.label, counts.c.n).join(
            counts, counts.c.value_id == VALUES.c.id
        )
    ).all()
    return top_values([(f, k, label, int(n)) for f, k, label, n in rows], size, scale)


def top_values(
    rows: Iterable[tuple[str, str, str, int]], size: int, scale: float = 1.0
) -> dict[str, list[FacetValue]]:
    """Top `size` of (facet, key, label, count) rows per facet; counts multiplied by `scale`."""
    grouped: dict[str, list[tuple[int, str, str]]] = {}
    for facet, key, label, n in rows:
        grouped.setdefault(facet, []).append((-int(n), label, key))
    out: dict[str, list[FacetValue]] = {}
    for facet, values in grouped.items():
        out[facet] = [
            FacetValue(key, label, max(1, round(-neg * scale)))
            for neg, label, key in heapq.nsmallest(size, values)
        ]
    return dict(sorted(out.items()))
