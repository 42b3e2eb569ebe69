"""Entity-page SELECTs built once per visibility scope: each read only binds its values.

Building a statement and its cache key cost SQLAlchemy 0.15-0.2 ms a read, more than SQLite
takes to answer most of them, and a page runs a dozen. A statement object is immutable and
memoizes its cache key, so one built with `bindparam`s serves every page (and thread) of the
same scope: `Principal.visibility_scope` is all the visibility rule depends on.
"""

from __future__ import annotations

import threading

from sqlalchemy import BindParameter, ColumnElement, Select, bindparam, func, select

from daphuong.domain.access import Principal
from daphuong.store.access import visible_clause
from daphuong.store.models.registry import EntityRow, FactCountRow, MergeRow, StatementRow
from daphuong.store.registry.statements import Status

# Visibility scopes kept: one for anonymous visitors, one per organization signed in, admins.
_MAX_SCOPES = 256

COLUMNS = (
    StatementRow.id,
    StatementRow.entity_id,
    StatementRow.prop,
    StatementRow.value,
    StatementRow.object_entity_id,
    StatementRow.qualifiers_json,
    StatementRow.observed_on,
    StatementRow.document_id,
    StatementRow.document_key,
    StatementRow.document_version,
    StatementRow.spans_json,
    StatementRow.extractor,
    StatementRow.origin,
    StatementRow.confidence,
    StatementRow.status,
)


def _many(name: str) -> BindParameter[object]:
    """A list parameter: `IN (...)` takes as many values as the call binds."""
    return bindparam(name, expanding=True)


# Statements that do not depend on who reads (entity rows and merges are not scoped).
HEAD = select(EntityRow.id, EntityRow.type, EntityRow.caption, EntityRow.merged_into_id).where(
    EntityRow.id == bindparam("id")
)
CAPTIONS = select(EntityRow.id, EntityRow.caption).where(EntityRow.id.in_(_many("ids")))
PARENTS = select(EntityRow.id, EntityRow.merged_into_id).where(EntityRow.id.in_(_many("ids")))
MEMBERS = select(EntityRow.id).where(EntityRow.merged_into_id.in_(_many("ids")))
MEMBERS_OF = select(EntityRow.id, EntityRow.merged_into_id).where(
    EntityRow.merged_into_id.in_(_many("ids"))
)
_merged = _many("ids")
HISTORY = (
    select(MergeRow)
    .where(MergeRow.winner_id.in_(_merged) | MergeRow.loser_id.in_(_merged))
    .order_by(MergeRow.id)
)


class ScopedStatements:
    """The page reads of one visibility scope: rejected statements and hidden ones left out."""

    def __init__(self, who: Principal) -> None:
        live = (StatementRow.status != Status.REJECTED.value) & visible_clause(
            StatementRow.visibility, StatementRow.owner_org_id, who
        )
        # The counts table holds no rejected statement: only the audience is left to check.
        counted = visible_clause(FactCountRow.visibility, FactCountRow.owner_org_id, who)
        subject_in = StatementRow.entity_id.in_(_many("ids"))
        self.of_subjects = select(*COLUMNS).where(subject_in, live).order_by(StatementRow.id)
        self.of_subjects_props: Select[tuple[object, ...]] = (
            select(*COLUMNS)
            .where(subject_in, live)
            .where(StatementRow.prop.in_(_many("props")))
            .order_by(StatementRow.id)
        )
        self.of_objects = (
            select(*COLUMNS)
            .where(
                StatementRow.object_entity_id.in_(_many("ids")),
                StatementRow.prop.in_(_many("props")),
                live,
            )
            .order_by(StatementRow.id)
        )
        self.by_ids = (
            select(*COLUMNS)
            .where(StatementRow.id.in_(_many("ids")), live)
            .order_by(StatementRow.id)
        )
        self.any_subject = select(StatementRow.id).where(subject_in, live).limit(1)
        self.any_object = (
            select(StatementRow.id)
            .where(StatementRow.object_entity_id.in_(_many("ids")), live)
            .limit(1)
        )
        self.latest = (
            select(*COLUMNS)
            .where(
                subject_in,
                StatementRow.prop == bindparam("prop"),
                StatementRow.value == bindparam("value"),
                live,
            )
            .order_by(StatementRow.id.desc())
            .limit(bindparam("limit"))
        )
        self.subjects_among = (
            select(FactCountRow.entity_id)
            .where(FactCountRow.entity_id.in_(_many("ids")), counted)
            .distinct()
        )
        self.name_counts = (
            select(
                FactCountRow.origin,
                FactCountRow.prop,
                FactCountRow.value,
                func.sum(FactCountRow.n),
                func.min(FactCountRow.first_id),
                func.max(FactCountRow.last_id),
            )
            .where(
                FactCountRow.entity_id.in_(_many("ids")),
                FactCountRow.prop.in_(_many("props")),
                counted,
            )
            .group_by(FactCountRow.origin, FactCountRow.prop, FactCountRow.value)
        )
        self.links_to = (
            select(
                FactCountRow.entity_id,
                FactCountRow.prop,
                FactCountRow.value,
                func.sum(FactCountRow.n),
                func.max(FactCountRow.last_id),
                func.max(EntityRow.merged_into_id),  # one subject a group: its merge target
            )
            .join(EntityRow, EntityRow.id == FactCountRow.entity_id)
            .where(
                FactCountRow.object_id.in_(_many("ids")),
                FactCountRow.prop.in_(_many("props")),
                counted,
            )
            .group_by(FactCountRow.entity_id, FactCountRow.prop, FactCountRow.value)
        )
        self._top_links(counted)

    def _top_links(self, counted: ColumnElement[bool]) -> None:
        where = (
            FactCountRow.object_id.in_(_many("ids")),
            FactCountRow.prop == bindparam("prop"),
            counted,
        )
        # Probed from the (few) merged entities into the counts' primary key, not the reverse.
        merged = select(EntityRow.id).where(EntityRow.merged_into_id.is_not(None))
        self.merged_link = (
            select(FactCountRow.n).where(*where, FactCountRow.entity_id.in_(merged)).limit(1)
        )
        n = func.sum(FactCountRow.n)
        self.top_links = (
            select(
                FactCountRow.entity_id,
                FactCountRow.value,
                n,
                func.max(FactCountRow.last_id),
                func.count().over(),  # pairs in all, before the LIMIT
            )
            .where(*where)
            .group_by(FactCountRow.entity_id, FactCountRow.value)
            .order_by(n.desc(), FactCountRow.entity_id, FactCountRow.value)
            .limit(bindparam("limit"))
        )


_lock = threading.Lock()
_scoped: dict[tuple[object, ...], ScopedStatements] = {}


def scoped(who: Principal) -> ScopedStatements:
    """The statements for `who`'s visibility scope, built on its first page."""
    scope = who.visibility_scope
    found = _scoped.get(scope)
    if found is None:
        found = ScopedStatements(who)
        with _lock:
            if len(_scoped) >= _MAX_SCOPES:
                _scoped.clear()  # rare (hundreds of organizations): rebuilt on demand
            found = _scoped.setdefault(scope, found)
    return found
