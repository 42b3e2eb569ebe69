"""Statement repository: facts with provenance, their review state and visibility."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, NamedTuple

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from daphuong.domain.access import Principal
from daphuong.store.access import visible_clause
from daphuong.store.models.registry import StatementRow
from daphuong.store.registry.keys import folded_name, match_key, name_key


class Status(StrEnum):
    """Review state of a statement."""

    PROPOSED = "proposed"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"


class Origin(StrEnum):
    """Who made a statement: the extractor and linker, or a person."""

    MACHINE = "machine"
    HUMAN = "human"


NAME_PROPS = ("name", "alias")


@dataclass(slots=True)
class NewStatement:
    """A statement to write; provenance fields stay empty for human statements."""

    entity_id: int
    prop: str
    value: str
    object_entity_id: int | None = None
    qualifiers: dict[str, Any] = field(default_factory=dict)
    observed_on: dt.date | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)
    extractor: str = "human"
    origin: Origin = Origin.MACHINE
    confidence: float = 1.0
    status: Status = Status.PROPOSED
    document_id: int | None = None
    document_key: str | None = None
    document_version: int | None = None
    visibility: str = "public"
    owner_org_id: int | None = None
    decided_by: str | None = None

    @property
    def identity(self) -> tuple[int, str, str]:
        """(entity, property, value) identity used to re-match human decisions."""
        return (
            self.entity_id,
            self.prop,
            match_key(self.value, self.object_entity_id, self.qualifiers),
        )


class StatementFacts(NamedTuple):
    """The columns of a statement that pages show, without loading the ORM row.

    A named tuple, not a frozen dataclass: a person page builds ~200 of them, and a frozen
    dataclass sets each of its 15 fields through object.__setattr__ (0.4 ms a page).
    """

    id: int
    entity_id: int
    prop: str
    value: str
    object_entity_id: int | None
    qualifiers_json: str
    observed_on: dt.date | None
    document_id: int | None
    document_key: str | None
    document_version: int | None
    spans_json: str
    extractor: str
    origin: str
    confidence: float
    status: str


# Either form of a stored statement: the ORM row, or the columns pages read.
AnyStatement = StatementRow | StatementFacts


def spans_of(row: AnyStatement) -> list[list[int]]:
    """A statement's source spans as [start, end] pairs."""
    spans: list[list[int]] = json.loads(row.spans_json)
    return spans


def qualifiers_of(row: AnyStatement) -> dict[str, Any]:
    """A statement's qualifiers (role flags, original org text, link method…)."""
    data: dict[str, Any] = json.loads(row.qualifiers_json)
    return data


def identity_of(row: StatementRow) -> tuple[int, str, str]:
    """(entity, property, value) identity of a stored statement."""
    return (row.entity_id, row.prop, row.match_key)


class StatementRepository:
    """Reads and writes statements inside the caller's session."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, new: NewStatement) -> StatementRow:
        """Insert one statement."""
        decided = new.status is not Status.PROPOSED
        row = StatementRow(
            entity_id=new.entity_id,
            prop=new.prop,
            value=new.value,
            value_key=name_key(new.value),
            fold_key=folded_name(new.value),
            match_key=match_key(new.value, new.object_entity_id, new.qualifiers),
            object_entity_id=new.object_entity_id,
            qualifiers_json=json.dumps(new.qualifiers, ensure_ascii=False, sort_keys=True),
            observed_on=new.observed_on,
            document_id=new.document_id,
            document_key=new.document_key,
            document_version=new.document_version,
            spans_json=json.dumps([list(s) for s in new.spans]),
            extractor=new.extractor,
            origin=new.origin.value,
            confidence=new.confidence,
            status=new.status.value,
            decided_by=new.decided_by if decided else None,
            decided_at=dt.datetime.now(dt.UTC) if decided else None,
            visibility=new.visibility,
            owner_org_id=new.owner_org_id,
        )
        self.session.add(row)
        return row

    def refresh_provenance(self, row: StatementRow, new: NewStatement) -> None:
        """Point a decided statement at the newest machine evidence, keeping the decision."""
        row.document_id = new.document_id
        row.document_version = new.document_version
        row.spans_json = json.dumps([list(s) for s in new.spans])
        row.extractor = new.extractor
        row.confidence = new.confidence
        row.observed_on = new.observed_on
        row.qualifiers_json = json.dumps(new.qualifiers, ensure_ascii=False, sort_keys=True)
        row.visibility = new.visibility
        row.owner_org_id = new.owner_org_id

    def get(self, statement_id: int) -> StatementRow | None:
        """One statement by id."""
        return self.session.get(StatementRow, statement_id)

    def visible(self, statement_id: int, who: Principal) -> StatementRow | None:
        """One statement by id if `who` may see it."""
        stmt = select(StatementRow).where(
            StatementRow.id == statement_id,
            visible_clause(StatementRow.visibility, StatementRow.owner_org_id, who),
        )
        return self.session.scalars(stmt).first()

    def by_document_key(self, key: str) -> list[StatementRow]:
        """Every statement whose source is any version of one document."""
        stmt = select(StatementRow).where(StatementRow.document_key == key)
        return list(self.session.scalars(stmt.order_by(StatementRow.id)))

    def of_document(self, document_id: int) -> list[StatementRow]:
        """Non-rejected statements citing one document version, by id."""
        stmt = select(StatementRow).where(
            StatementRow.document_id == document_id,
            StatementRow.status != Status.REJECTED.value,
        )
        return list(self.session.scalars(stmt.order_by(StatementRow.id)))

    def delete(self, ids: Sequence[int]) -> None:
        """Delete statements by id."""
        if ids:
            self.session.execute(delete(StatementRow).where(StatementRow.id.in_(list(ids))))

    def about(
        self, entity_ids: Iterable[int], who: Principal, *, with_rejected: bool = False
    ) -> list[StatementRow]:
        """Statements whose subject or object is one of the entities, as `who` may see them."""
        ids = sorted(set(entity_ids))
        stmt = select(StatementRow).where(
            or_(StatementRow.entity_id.in_(ids), StatementRow.object_entity_id.in_(ids)),
            visible_clause(StatementRow.visibility, StatementRow.owner_org_id, who),
        )
        if not with_rejected:
            stmt = stmt.where(StatementRow.status != Status.REJECTED.value)
        return list(self.session.scalars(stmt.order_by(StatementRow.id)))

    def of_subjects(self, entity_ids: Iterable[int], props: Sequence[str]) -> list[StatementRow]:
        """Non-rejected statements with these subjects and properties (all visibilities)."""
        stmt = select(StatementRow).where(
            StatementRow.entity_id.in_(sorted(set(entity_ids))),
            StatementRow.prop.in_(list(props)),
            StatementRow.status != Status.REJECTED.value,
        )
        return list(self.session.scalars(stmt.order_by(StatementRow.id)))

    def proposed(
        self, who: Principal, *, prop: str | None = None, limit: int = 50
    ) -> list[StatementRow]:
        """Statements awaiting review, least confident first."""
        stmt = select(StatementRow).where(
            StatementRow.status == Status.PROPOSED.value,
            visible_clause(StatementRow.visibility, StatementRow.owner_org_id, who),
        )
        if prop is not None:
            stmt = stmt.where(StatementRow.prop == prop)
        stmt = stmt.order_by(StatementRow.confidence, StatementRow.id).limit(limit)
        return list(self.session.scalars(stmt))

    def decide(self, row: StatementRow, status: Status, actor: str) -> None:
        """Record a person's decision on a statement."""
        row.status = status.value
        row.decided_by = actor
        row.decided_at = dt.datetime.now(dt.UTC)

    def move(self, rows: Sequence[StatementRow], entity_id: int) -> None:
        """Re-attach statements to another subject (a split), keeping match keys."""
        for row in rows:
            row.entity_id = entity_id

    def all_visible(self, who: Principal) -> list[StatementRow]:
        """Every statement `who` may see, rejected ones included, by id."""
        stmt = select(StatementRow).where(
            visible_clause(StatementRow.visibility, StatementRow.owner_org_id, who)
        )
        return list(self.session.scalars(stmt.order_by(StatementRow.id)))
