"""The counts table behind entity pages stays equal to counting the statements, on both backends."""

from __future__ import annotations

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from daphuong.domain.access import Principal
from daphuong.services.curation import CurationService
from daphuong.services.review import ReviewService
from daphuong.store.engine import Database
from daphuong.store.models.registry import FactCountRow, StatementRow
from daphuong.store.registry.entities import EntityRepository
from daphuong.store.registry.entity_facts import EntityFactsReader, LinkCount
from daphuong.store.registry.statements import NewStatement, StatementRepository, Status

ADMIN = Principal.local_system()
ANON = Principal.anonymous()
Counts = dict[tuple[object, ...], tuple[int, int, int]]


def _kept(s: Session) -> Counts:
    rows = s.execute(select(FactCountRow)).scalars()
    return {
        (r.entity_id, r.object_id, r.prop, r.value, r.origin, r.visibility, r.owner_org_id): (
            r.n,
            r.first_id,
            r.last_id,
        )
        for r in rows
    }


def _counted(s: Session) -> Counts:
    """What the triggers must keep: a GROUP BY over the live statements."""
    key = (
        StatementRow.entity_id,
        func.coalesce(StatementRow.object_entity_id, 0),
        StatementRow.prop,
        StatementRow.value,
        StatementRow.origin,
        StatementRow.visibility,
        func.coalesce(StatementRow.owner_org_id, 0),
    )
    stmt = (
        select(*key, func.count(), func.min(StatementRow.id), func.max(StatementRow.id))
        .where(StatementRow.status != Status.REJECTED.value)
        .group_by(*key)
    )
    return {tuple(row[:7]): (row[7], row[8], row[9]) for row in s.execute(stmt)}


def _world(db: Database) -> tuple[int, int, int, list[int]]:
    """Two people holding a title at an org, each seen three times; the org named each time."""
    with db.transaction() as s:
        entities, statements = EntityRepository(s), StatementRepository(s)
        org = entities.create("ORG", "Bộ Ngoại giao").id
        people = [entities.create("PERSON", n).id for n in ("Lê Hoài Trung", "Lê Hoài Trung ")]
        ids = []
        for i in range(6):
            person = people[i % 2]
            for new in (
                NewStatement(org, "name", "Bộ Ngoại giao"),
                NewStatement(person, "name", "Lê Hoài Trung"),
                NewStatement(person, "role", "Thứ trưởng", object_entity_id=org),
            ):
                row = statements.add(new)
                s.flush()
                ids.append(row.id)
    return org, people[0], people[1], ids


def test_counts_follow_inserts_rejections_moves_and_deletes(db: Database) -> None:
    org, first, _, ids = _world(db)
    with db.reader() as s:
        assert _kept(s) == _counted(s)
        assert _kept(s)[(org, 0, "name", "Bộ Ngoại giao", "machine", "public", 0)] == (
            6,
            ids[0],
            ids[15],
        )
    steps = [
        update(StatementRow).where(StatementRow.id == ids[15]).values(status="rejected"),
        update(StatementRow).where(StatementRow.id == ids[0]).values(status="rejected"),
        update(StatementRow).where(StatementRow.id == ids[0]).values(status="confirmed"),
        update(StatementRow).where(StatementRow.id == ids[3]).values(visibility="private"),
        update(StatementRow).where(StatementRow.id == ids[4]).values(owner_org_id=None),
        update(StatementRow).where(StatementRow.id == ids[5]).values(entity_id=first),
        update(StatementRow).where(StatementRow.id == ids[6]).values(value="Bộ Ngoại Giao"),
        update(StatementRow).where(StatementRow.id == ids[7]).values(decided_by="x"),
    ]
    for step in steps:
        with db.transaction() as s:
            s.execute(step)
        with db.reader() as s:
            assert _kept(s) == _counted(s), step
    with db.transaction() as s:
        StatementRepository(s).delete([ids[1], ids[2], ids[17]])
    with db.reader() as s:
        assert _kept(s) == _counted(s)
        assert (
            sum(n for n, _, _ in _kept(s).values()) == len(ids) - 1 - 3
        )  # one rejected, three deleted


def test_pages_see_a_rejection_and_a_merge_at_once(db: Database) -> None:
    org, first, second, ids = _world(db)
    with db.reader() as s:
        links = EntityFactsReader(s, ANON).links_to([org], ["role"])
        assert sorted((link.entity_id, link.count) for link in links) == [(first, 3), (second, 3)]
    ReviewService(db).reject(ids[-1], ADMIN)  # the latest role sighting, of the second person
    CurationService(db).merge(first, second, ADMIN)
    with db.reader() as s:
        facts, entities = EntityFactsReader(s, ANON), EntityRepository(s)
        links = facts.links_to(entities.cluster(org), ["role"])
        canon = entities.canonical_map(link.entity_id for link in links)
        per_person: dict[int, int] = {}
        for link in links:
            per_person[canon[link.entity_id]] = (
                per_person.get(canon[link.entity_id], 0) + link.count
            )
        assert per_person == {first: 5}
        assert max(link.last_id for link in links) == ids[-4]
        (name,) = facts.name_counts(entities.cluster(first), ["name"])
        assert (name.count, name.first_id, name.last_id) == (6, ids[1], ids[-2])
        assert _kept(s) == _counted(s)


def test_hidden_statements_are_counted_only_for_their_audience(db: Database) -> None:
    org, first, _, ids = _world(db)
    with db.transaction() as s:
        s.execute(
            update(StatementRow)
            .where(StatementRow.id.in_([ids[2], ids[8]]))
            .values(visibility="private", owner_org_id=None)
        )
    with db.reader() as s:
        links = EntityFactsReader(s, ANON).links_to([org], ["role"])
        assert {link.entity_id: link.count for link in links}[first] == 1
        everything = EntityFactsReader(s, ADMIN).links_to([org], ["role"])
        assert sum(link.count for link in everything if link.entity_id == first) == 3


def test_statements_written_by_status_keep_the_counts(db: Database) -> None:
    _, first, _, _ = _world(db)
    with db.transaction() as s:
        new = NewStatement(first, "alias", "Trung", status=Status.REJECTED)
        StatementRepository(s).add(new)
    with db.reader() as s:
        assert _kept(s) == _counted(s)
        assert not [k for k in _kept(s) if k[3] == "Trung"]


def test_top_links_rank_in_sql_until_a_linking_entity_is_merged(db: Database) -> None:
    org, first, second, ids = _world(db)
    ReviewService(db).reject(ids[-1], ADMIN)  # the second person now has two sightings
    with db.reader() as s:
        assert EntityFactsReader(s, ANON).top_links([org], "role", 1) == (
            [LinkCount(first, "role", "Thứ trưởng", 3, ids[-4])],
            2,
        )
    CurationService(db).merge(first, second, ADMIN)
    with db.reader() as s:
        assert EntityFactsReader(s, ANON).top_links([org], "role", 1) is None
