"""PostgreSQL window read: the newest matches, by a key-order walk or a GIN bitmap per query.

Neither plan suits every query. Walking the sort-key index backwards tests each row's vector
(a TOAST read) until n match: cheap when most documents match, ruinous when one in ten does.
A GIN bitmap ANDed with a key range visits only the matches in that range, but a range too
wide for the word's frequency makes it test thousands of vectors. So the planner's estimate
of how many documents match (EXPLAIN, no rows read) picks the plan and sizes the range.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row, text
from sqlalchemy.orm import Session

# From this estimated share of documents matching, walk. Below it the planner ANDs the GIN
# bitmap with the range (about 1,000 buffers a read at 100k documents); from about 0.18 it
# bitmaps the range alone and tests each vector in it, which costs more than the walk
# (pg_plans at 100k: benchmarks/results/search.md).
DENSE_SHARE = 0.2
# The first range holds the wanted matches 1.5 times over at the estimated share.
MARGIN = 1.5
# A walk: the key index only (GIN cannot return rows in key order, and only bitmaps use it).
WALK = {"enable_bitmapscan": "off"}
# A bitmap: no key-order walk, and testing a vector priced as what it is, a TOAST read, not
# a CPU operator (20x the default). Otherwise the planner bitmaps the key range alone and
# tests every vector in it rather than AND it with the GIN bitmap (100k documents, 'cong
# tac' in 9% of a range: 42,000 buffers and 213 ms against 9,600 and 93 ms). Index pages
# and entries priced as the cached reads they are keep the AND up to a share of about 0.21
# (at the default prices it gave way from 0.18: 'truyen dao', 0.183, 47 ms against 5.7).
BITMAP = {
    "enable_indexscan": "off",
    "cpu_operator_cost": "0.05",
    "random_page_cost": "1.1",
    "cpu_index_tuple_cost": "0.0005",
}


@dataclass(frozen=True, slots=True)
class Span:
    """Sort keys in the filtered range (low, high) and in the whole index (first, last)."""

    low: int
    high: int
    first: int
    last: int


def span(session: Session, key_range: str, params: Mapping[str, object]) -> Span | None:
    """The range's lowest and highest key and the index's (None: nothing in the range)."""
    row = session.execute(
        text(
            f"SELECT (SELECT min(sort_key) FROM search_docs WHERE {key_range}), "
            f"(SELECT max(sort_key) FROM search_docs WHERE {key_range}), "
            "(SELECT min(sort_key) FROM search_docs), (SELECT max(sort_key) FROM search_docs)"
        ),
        params,
    ).one()
    return None if row[0] is None else Span(*(int(k) for k in row))


def planned_rows(session: Session, where: str, params: Mapping[str, object]) -> int:
    """The planner's estimate of the search_docs rows meeting a condition (no rows read)."""
    plan: Any = session.scalar(
        text(f"EXPLAIN (FORMAT JSON) SELECT 1 FROM search_docs WHERE {where}"), params
    )
    return int(plan[0]["Plan"]["Plan Rows"])


def match_share(session: Session, tsquery: str, documents: int) -> float:
    """The planner's estimate of the share of documents the tsquery matches (no rows read)."""
    rows = planned_rows(session, "vector @@ CAST(:q AS tsquery)", {"q": tsquery})
    return min(1.0, rows / max(documents, 1))


@contextmanager
def _planned(session: Session, settings: Mapping[str, str]) -> Iterator[None]:
    """Plan the statements inside with these settings, then restore the values before.

    The values before are read in the statement that sets the new ones (reading reset
    values from pg_settings builds the whole view: 1.7 ms a search at 100k documents).
    """
    names = {f"n{i}": name for i, name in enumerate(settings)}
    olds = ", ".join(f"current_setting(:n{i}) AS o{i}" for i in range(len(names)))
    sets = ", ".join(f"set_config(:n{i}, :v{i}, true)" for i in range(len(names)))
    values = {f"v{i}": value for i, value in enumerate(settings.values())}
    before = session.execute(
        text(f"SELECT before.*, {sets} FROM (SELECT {olds} OFFSET 0) AS before"),
        {**names, **values},
    ).one()
    try:
        yield
    finally:
        old = {f"v{i}": before[i] for i in range(len(names))}
        session.execute(text(f"SELECT {sets}"), {**names, **old})


def _read(
    session: Session, where: str, params: Mapping[str, object], keys: tuple[int, int], n: int
) -> list[int]:
    stmt = text(
        f"SELECT sort_key FROM search_docs WHERE {where} "
        "AND sort_key >= :from AND sort_key < :to ORDER BY sort_key DESC LIMIT :n"
    )
    return list(session.scalars(stmt, {**params, "from": keys[0], "to": keys[1], "n": n}))


def walk(
    session: Session, where: str, params: Mapping[str, object], keys: Span, n: int
) -> list[int]:
    """The newest n matches by walking the key index backwards, testing each row."""
    with _planned(session, WALK):
        return _read(session, where, params, (keys.low, keys.high + 1), n)


def walk_with(
    session: Session,
    where: str,
    params: Mapping[str, object],
    keys: Span,
    n: int,
    columns: Sequence[str],
) -> list[Row[Any]]:
    """As walk, with more columns computed from each match's whole-row value `d`.

    The vector a match was just tested on is still in the buffers, so these columns read
    it at less cost than a later read of the same rows by key.
    """
    stmt = text(
        f"SELECT (d).sort_key, {', '.join(columns)} FROM (SELECT d FROM search_docs AS d "
        f"WHERE {where} AND sort_key >= :from AND sort_key < :to "
        "ORDER BY sort_key DESC LIMIT :n) AS w"
    )
    with _planned(session, WALK):
        found = session.execute(stmt, {**params, "from": keys.low, "to": keys.high + 1, "n": n})
        return list(found)


def bitmap(
    session: Session,
    where: str,
    params: Mapping[str, object],
    keys: Span,
    n: int,
    width: int,
) -> list[int]:
    """The newest n matches by GIN bitmaps over key ranges, newest first, each 4× wider.

    The ranges do not overlap, so no row is tested twice when the first falls short.
    """
    found: list[int] = []
    top = keys.high + 1
    with _planned(session, BITMAP):
        while len(found) < n and top > keys.low:
            start = max(top - max(width, 1), keys.low)
            found += _read(session, where, params, (start, top), n - len(found))
            top, width = start, width * 4
    return found


def first_width(keys: Span, share: float, documents: int, n: int) -> int:
    """Key width expected to hold MARGIN·n matches, assuming documents spread evenly over keys."""
    in_range = documents * (keys.high - keys.low + 1) / max(keys.last - keys.first + 1, 1)
    wanted = MARGIN * n / max(share * in_range, 1e-9)
    return int((keys.high - keys.low + 1) * min(1.0, wanted))
