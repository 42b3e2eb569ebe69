"""Entity views at scale: long lists are cut to a limit with totals, quotes come from SQL."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy.orm import Session

from daphuong.domain.access import Principal
from daphuong.errors import InvalidInput
from daphuong.services.curation import CurationService
from daphuong.services.entity_views import RegistryViews
from daphuong.services.org_gazetteer import OrgGazetteer
from daphuong.services.profiles import ProfileService
from daphuong.store.documents import DocumentRepository, NewDocument
from daphuong.store.engine import Database
from daphuong.store.models import DocumentRow
from daphuong.store.registry.entities import EntityRepository
from daphuong.store.registry.statements import NewStatement, StatementRepository

SYSTEM = Principal.local_system()
PERSON = "Nguyễn Minh Vũ"
SIGHTINGS = 7


def _document(db_session: Session, i: int) -> DocumentRow:
    text = f"Ngày {i + 1}/3/2024, Vụ trưởng {PERSON} chủ trì hội nghị số {i}."
    new = NewDocument(
        f"d{i}", f"d{i}.txt", f"h{i}", "text/plain", "utf-8", None, None, None, None,
        text, text, "[]", [],
    )  # fmt: skip
    row = DocumentRepository(db_session).add(new)
    db_session.flush()
    return row


def _world(db: Database) -> tuple[int, int]:
    """A person seen as the same director at one org in SIGHTINGS documents, chairing events."""
    with db.transaction() as s:
        entities, statements = EntityRepository(s), StatementRepository(s)
        person = entities.create("PERSON", PERSON).id
        org = entities.create("ORG", "Vụ Hợp tác quốc tế").id
        for i in range(SIGHTINGS):
            doc = _document(s, i)
            start = doc.original_text.index(PERSON)
            event = entities.create("EVENT", f"hội nghị số {i}").id
            facts = [
                NewStatement(person, "name", PERSON),
                NewStatement(person, "role", "Vụ trưởng", object_entity_id=org),
                NewStatement(event, "kind", "hội nghị"),
                NewStatement(event, "chair", PERSON, object_entity_id=person),
            ]
            for new in facts:
                new.document_id, new.document_key, new.document_version = doc.id, doc.key, 1
                new.spans = [(start, start + len(PERSON))]
                new.observed_on = dt.date(2024, 3, i + 1)
                statements.add(new)
    return person, org


@pytest.fixture
def views(db: Database) -> RegistryViews:
    return RegistryViews(db, OrgGazetteer([]))


def test_citations_and_events_are_cut_to_the_limit_with_totals(
    db: Database, views: RegistryViews
) -> None:
    person, _ = _world(db)
    view = views.show(person, SYSTEM, limit=3)
    [tenure] = view["roles"]
    assert tenure["citations_total"] == SIGHTINGS
    observed = [c["observed_on"] for c in tenure["citations"]]
    # The first sighting stays (it dates the tenure), then the latest ones.
    assert observed == ["2024-03-01", "2024-03-06", "2024-03-07"]
    assert tenure["first_seen"] == "2024-03-01" and tenure["last_seen"] == "2024-03-07"
    [name] = view["names"]
    assert (name["citations_total"], len(name["citations"])) == (SIGHTINGS, 3)
    assert view["events_total"] == SIGHTINGS and len(view["events"]) == 3
    assert all(e["as"] == ["chair"] for e in view["events"])


def test_quotes_are_the_text_under_each_span(db: Database, views: RegistryViews) -> None:
    person, _ = _world(db)
    view = views.show(person, SYSTEM)
    cites = [c for r in view["roles"] for c in r["citations"]]
    assert len(cites) == SIGHTINGS
    assert all(c["quotes"] == [PERSON] for c in cites)


def test_without_quotes_the_view_is_the_same_less_the_quoted_text(
    db: Database, views: RegistryViews
) -> None:
    person, _ = _world(db)
    quoted = views.show(person, SYSTEM)
    bare = views.show(person, SYSTEM, quotes=False)
    cites = [c for r in bare["roles"] for c in r["citations"]]
    cites += [c for n in bare["names"] for c in n["citations"]]
    assert cites and all("quotes" not in c for c in cites)
    for group in ("roles", "names"):
        for item in quoted[group]:
            for cite in item["citations"]:
                assert cite.pop("quotes") == [PERSON]
    assert quoted == bare


def test_limits_outside_the_allowed_range_are_refused(db: Database, views: RegistryViews) -> None:
    person, _ = _world(db)
    with pytest.raises(InvalidInput):
        views.show(person, SYSTEM, limit=0)


def test_an_organization_lists_its_people_with_counts(db: Database, views: RegistryViews) -> None:
    _, org = _world(db)
    profile = ProfileService(db, views).profile(org, SYSTEM, limit=1)
    [person] = profile["people"]
    assert (person["caption"], person["title"]) == (PERSON, "Vụ trưởng")
    assert person["citations_total"] == SIGHTINGS and len(person["citations"]) == 1
    assert profile["people_total"] == 1


def test_listing_captions_come_from_visible_names(db: Database, views: RegistryViews) -> None:
    person, _ = _world(db)
    listed = {e["id"]: e["caption"] for e in views.listing(Principal.anonymous())}
    assert listed[person] == PERSON


def test_an_organization_counts_a_merged_person_once(db: Database, views: RegistryViews) -> None:
    person, org = _world(db)
    with db.transaction() as s:
        twin = EntityRepository(s).create("PERSON", PERSON).id
        StatementRepository(s).add(NewStatement(twin, "role", "Vụ trưởng", object_entity_id=org))
    before = ProfileService(db, views).profile(org, SYSTEM)
    assert before["people_total"] == 2
    CurationService(db).merge(person, twin, SYSTEM)
    after = ProfileService(db, views).profile(org, SYSTEM)
    assert after["people_total"] == 1
    assert [(p["id"], p["citations_total"]) for p in after["people"]] == [(person, SIGHTINGS + 1)]


def test_a_same_as_proposal_shows_on_both_entities(db: Database, views: RegistryViews) -> None:
    person, _ = _world(db)
    with db.transaction() as s:
        twin = EntityRepository(s).create("PERSON", PERSON).id
        new = NewStatement(twin, "same_as", PERSON, object_entity_id=person, confidence=0.7)
        StatementRepository(s).add(new)
        StatementRepository(s).add(NewStatement(twin, "name", PERSON))
    for entity in (person, twin):
        [proposal] = views.show(entity, SYSTEM)["proposals"]
        assert (proposal["subject"], proposal["same_as"]) == (twin, person)
