"""Statement, alias and event repositories on both backends: visibility, lookups, decisions."""

from __future__ import annotations

from daphuong.domain.access import Principal
from daphuong.store.engine import Database
from daphuong.store.registry.aliases import AliasRepository
from daphuong.store.registry.entities import EntityRepository
from daphuong.store.registry.events import EventRepository
from daphuong.store.registry.statements import NewStatement, StatementRepository, Status


def test_visibility_filters_every_principal_query(db: Database) -> None:
    with db.transaction() as s:
        entity = EntityRepository(s).create("ORG", "Vụ A")
        repo = StatementRepository(s)
        public = repo.add(NewStatement(entity_id=entity.id, prop="name", value="Vụ A"))
        hidden = repo.add(
            NewStatement(entity_id=entity.id, prop="alias", value="VA", visibility="internal")
        )
        s.flush()
        anon = Principal.anonymous()
        assert [r.id for r in repo.about([entity.id], anon)] == [public.id]
        assert [r.id for r in repo.proposed(anon)] == [public.id]
        assert repo.visible(hidden.id, anon) is None
        assert AliasRepository(s).visible_named("VA", anon) == set()
        assert AliasRepository(s).visible_named("va", Principal.local_system()) == {entity.id}


def test_rejected_names_do_not_link_and_confirmed_ones_pin(db: Database) -> None:
    with db.transaction() as s:
        entity = EntityRepository(s).create("PERSON", "Phạm Văn C")
        repo = StatementRepository(s)
        row = repo.add(
            NewStatement(entity_id=entity.id, prop="name", value="Phạm Văn C", document_key="d")
        )
        s.flush()
        aliases = AliasRepository(s)
        assert aliases.entities_named(["pham van c"], "PERSON", folded=True) == {entity.id}
        repo.decide(row, Status.CONFIRMED, "lan")
        assert aliases.pinned("d", "PERSON") == {row.value_key: entity.id}
        repo.decide(row, Status.REJECTED, "lan")
        s.flush()
        assert aliases.entities_named(["Phạm Văn C"], "PERSON") == set()


def test_events_by_month_day_and_reports(db: Database) -> None:
    with db.transaction() as s:
        event = EntityRepository(s).create("EVENT", "Hội thảo")
        repo = StatementRepository(s)
        repo.add(NewStatement(entity_id=event.id, prop="kind", value="hội thảo", document_key="d"))
        repo.add(NewStatement(entity_id=event.id, prop="date", value="2020-11-04"))
        s.flush()
        events = EventRepository(s)
        assert events.on_month_day("-11-04") == {event.id}
        assert events.on_month_day("-11-05") == set()
        assert events.reports(Principal.anonymous()) == [(event.id, "d")]
        assert events.in_document("d") == {event.id}
