"""Reads behind entity pages: statements by property, counts (kept by triggers), quotes."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import Row, Select, func, select
from sqlalchemy.orm import Session

from daphuong.domain.access import Principal
from daphuong.store.access import visible_clause
from daphuong.store.models.registry import StatementRow
from daphuong.store.registry.page_statements import scoped
from daphuong.store.registry.statements import StatementFacts, Status

T = TypeVar("T")
R = TypeVar("R", bound=tuple[Any, ...])


def chunks(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    """Consecutive slices of at most `size` items (bound-parameter limits)."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


# Three bound parameters a span: stays under SQLite's historic 999-parameter limit.
_QUOTES_PER_QUERY = 300


@dataclass(frozen=True, slots=True)
class NameCount:
    """How often a subject cluster is given one name (by machine or person), and the latest id."""

    origin: str
    prop: str
    value: str
    count: int
    first_id: int
    last_id: int


@dataclass(frozen=True, slots=True)
class LinkCount:
    """How often an entity links to the page's entity with one property, and its latest link."""

    entity_id: int
    prop: str
    value: str
    count: int
    last_id: int
    merged: bool = False  # the subject was merged into another entity: canonicalise it


class EntityFactsReader:
    """Reads for one entity page inside the caller's session; every read honours visibility."""

    def __init__(self, session: Session, who: Principal) -> None:
        self.session = session
        self.who = who
        self._sql = scoped(who)  # the page's statements for this scope, built once

    def _rows(self, stmt: Select[R], params: dict[str, Any] | None = None) -> Sequence[Row[R]]:
        # Core execution on the session's connection: the ORM's row handling cost more than
        # the query itself for the thousand rows an organization page groups. All rows at
        # once: iterating a result fetches them one driver call each (0.5 ms a person page).
        return self.session.connection().execute(stmt, params).all()

    def _facts(
        self, stmt: Select[tuple[object, ...]], params: dict[str, Any]
    ) -> list[StatementFacts]:
        return [StatementFacts(*row) for row in self._rows(stmt, params)]

    def any_about(self, ids: Sequence[int]) -> bool:
        """Whether any visible statement has one of these entities as subject or object."""
        for stmt in (self._sql.any_subject, self._sql.any_object):
            if self._rows(stmt, {"ids": list(ids)}):
                return True
        return False

    def subjects_among(self, ids: Sequence[int]) -> set[int]:
        """Which of these entities are the subject of a visible statement, from the counts
        table: an organization's tens of thousands of statements are not read."""
        found: set[int] = set()
        for chunk in chunks(sorted(set(ids)), 500):
            rows = self._rows(self._sql.subjects_among, {"ids": list(chunk)})
            found.update(int(i) for (i,) in rows)
        return found

    def count_about(self, ids: Sequence[int]) -> int:
        """Visible statements with one of these entities as subject or object (each once)."""
        live = (StatementRow.status != Status.REJECTED.value) & visible_clause(
            StatementRow.visibility, StatementRow.owner_org_id, self.who
        )
        subject = StatementRow.entity_id.in_(list(ids))
        total = 0
        # Two index searches instead of one OR, which SQLite may answer with a table scan.
        for where in (subject, StatementRow.object_entity_id.in_(list(ids)) & ~subject):
            stmt = select(func.count()).select_from(StatementRow).where(where, live)
            total += int(self.session.scalar(stmt) or 0)
        return total

    def of_subjects(
        self, ids: Sequence[int], props: Sequence[str] | None = None
    ) -> list[StatementFacts]:
        """Visible statements with these subjects (and properties, if given), by id."""
        if not ids:
            return []
        if props is None:
            return self._facts(self._sql.of_subjects, {"ids": list(ids)})
        return self._facts(self._sql.of_subjects_props, {"ids": list(ids), "props": list(props)})

    def of_objects(self, ids: Sequence[int], props: Sequence[str]) -> list[StatementFacts]:
        """Visible statements pointing at these entities with these properties, by id."""
        if not ids:
            return []
        return self._facts(self._sql.of_objects, {"ids": list(ids), "props": list(props)})

    def by_ids(self, statement_ids: Iterable[int]) -> list[StatementFacts]:
        """Visible statements by id, in id order."""
        wanted = sorted(set(statement_ids))
        out: list[StatementFacts] = []
        for chunk in chunks(wanted, 500):
            out.extend(self._facts(self._sql.by_ids, {"ids": list(chunk)}))
        return out

    def name_counts(self, ids: Sequence[int], props: Sequence[str]) -> list[NameCount]:
        """Per (property, value, origin): how many visible statements, the first and latest id."""
        rows = self._rows(self._sql.name_counts, {"ids": list(ids), "props": list(props)})
        return [
            NameCount(origin, prop, value, int(n), int(first), int(last))
            for origin, prop, value, n, first, last in rows
        ]

    def links_to(self, ids: Sequence[int], props: Sequence[str]) -> list[LinkCount]:
        """Per (subject, property, value) pointing at these entities: count and latest id."""
        rows = self._rows(self._sql.links_to, {"ids": list(ids), "props": list(props)})
        return [
            LinkCount(int(e), prop, value, int(n), int(last), into is not None)
            for e, prop, value, n, last, into in rows
        ]

    def top_links(
        self, ids: Sequence[int], prop: str, limit: int
    ) -> tuple[list[LinkCount], int] | None:
        """links_to() cut in SQL to the `limit` most counted (subject, value) pairs, and how many
        pairs there are; None if a subject was merged (counts must then add up per canonical
        entity: use links_to). Ties go to the lower subject id, then the value."""
        params: dict[str, Any] = {"ids": list(ids), "prop": prop}
        if self._rows(self._sql.merged_link, params):
            return None
        rows = self._rows(self._sql.top_links, {**params, "limit": limit})
        top = [LinkCount(int(e), prop, value, int(c), int(last)) for e, value, c, last, _ in rows]
        return top, int(rows[0][4]) if rows else 0

    def latest(self, ids: Sequence[int], prop: str, value: str, limit: int) -> list[StatementFacts]:
        """The newest visible statements of one subject cluster, property and value."""
        params = {"ids": list(ids), "prop": prop, "value": value, "limit": limit}
        return self._facts(self._sql.latest, params)

    def quotes(self, spans: Iterable[tuple[int, int, int]]) -> dict[tuple[int, int, int], str]:
        """The text under each (document id, start, end), cut in SQL so no document is loaded."""
        wanted = sorted(set(spans))
        out: dict[tuple[int, int, int], str] = {}
        connection = self.session.connection()
        # Sent to the driver as is: building hundreds of bound parameters in SQLAlchemy cost
        # more than the query itself. Placeholders differ: sqlite3 `?`, psycopg `%s`.
        mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
        for chunk in chunks(wanted, _QUOTES_PER_QUERY):
            # VALUES columns are column1..3 in both SQLite and PostgreSQL.
            rows = ", ".join([f"({mark}, {mark}, {mark})"] * len(chunk))
            sql = (
                "SELECT v.column1, v.column2, v.column3, "
                "substr(d.original_text, v.column2 + 1, v.column3 - v.column2) "
                f"FROM (VALUES {rows}) AS v JOIN documents d ON d.id = v.column1"
            )
            params = tuple(x for doc, start, end in chunk for x in (doc, start, max(end, start)))
            for doc_id, start, end, quoted in connection.exec_driver_sql(sql, params).all():
                out[(int(doc_id), int(start), int(end))] = str(quoted)
        return out
