"""The read cache: repeats are shared, any committed write refreshes them, scopes never mix."""

from __future__ import annotations

from sqlalchemy import update

from daphuong.domain.access import Principal, Role
from daphuong.services.catalog import CatalogService
from daphuong.services.catalog_facts import registry_highlights
from daphuong.services.profiles import ProfileService
from daphuong.services.read_cache import ReadCache
from daphuong.store.documents import DocumentRepository, NewDocument
from daphuong.store.engine import Database
from daphuong.store.models import OrganizationRow
from daphuong.store.models.registry import StatementRow
from daphuong.store.registry.entities import EntityRepository
from daphuong.store.registry.statements import NewStatement, StatementRepository, Status

PUBLIC_NAME = "Nguyễn Minh Vũ"
PRIVATE_NAME = "Anh Vũ"
OWNER_ORG = 7
ANONYMOUS = Principal.anonymous()
OWNER = Principal(user_id=1, username="editor", org_id=OWNER_ORG, role=Role.EDITOR)


def _world(db: Database) -> tuple[int, int]:
    """A person named in a public document, and by an alias only org 7's users may see."""
    with db.transaction() as s:
        s.add(OrganizationRow(id=OWNER_ORG, name="Vụ Tổng hợp"))
        text = f"Vụ trưởng {PUBLIC_NAME} ({PRIVATE_NAME}) chủ trì hội nghị."
        new = NewDocument(
            "d1", "d1.txt", "h1", "text/plain", "utf-8", None, None, None, None,
            text, text, "[]", [],
        )  # fmt: skip
        doc = DocumentRepository(s).add(new)
        s.flush()
        person = EntityRepository(s).create("PERSON", PUBLIC_NAME).id
        statements = StatementRepository(s)
        for value, prop, visibility, owner in (
            (PUBLIC_NAME, "name", "public", None),
            (PRIVATE_NAME, "alias", "private", OWNER_ORG),
        ):
            fact = NewStatement(person, prop, value, visibility=visibility, owner_org_id=owner)
            fact.document_id, fact.document_key, fact.document_version = doc.id, doc.key, 1
            start = text.index(value)
            fact.spans = [(start, start + len(value))]
            statements.add(fact)
    return person, doc.id


def _names(view: dict[str, object]) -> set[str]:
    return {str(n["value"]) for n in view["names"]}  # type: ignore[attr-defined]


# Hit counts on SQLite only: on a shared PostgreSQL server other databases' writes also
# refresh the cache, which is correct but makes hits unpredictable.
def test_a_repeated_read_is_served_from_the_cache(sqlite_db: Database) -> None:
    db = sqlite_db
    person, _ = _world(db)
    cache = ReadCache.for_database(db)
    profiles = ProfileService(db, cache=cache)
    first = profiles.profile(person, ANONYMOUS)
    assert profiles.profile(person, ANONYMOUS) is first
    assert (cache.hits, cache.misses) == (1, 1)


def test_one_scope_never_sees_another_scopes_view(db: Database) -> None:
    person, _ = _world(db)
    profiles = ProfileService(db, cache=ReadCache.for_database(db))
    assert _names(profiles.profile(person, OWNER)) == {PUBLIC_NAME, PRIVATE_NAME}
    assert _names(profiles.profile(person, ANONYMOUS)) == {PUBLIC_NAME}
    # Another user of the same organization shares the owner's scope; an admin sees all.
    colleague = Principal(user_id=2, username="viewer", org_id=OWNER_ORG, role=Role.VIEWER)
    assert _names(profiles.profile(person, colleague)) == {PUBLIC_NAME, PRIVATE_NAME}
    assert _names(profiles.profile(person, Principal.local_system())) == {PUBLIC_NAME, PRIVATE_NAME}
    assert _names(profiles.profile(person, ANONYMOUS)) == {PUBLIC_NAME}


def test_a_write_through_another_connection_refreshes_the_view(db: Database) -> None:
    person, _ = _world(db)
    profiles = ProfileService(db, cache=ReadCache.for_database(db))
    assert _names(profiles.profile(person, ANONYMOUS)) == {PUBLIC_NAME}
    # A second engine stands for another worker process writing to the same database.
    other = Database(db.url)
    try:
        with other.transaction() as s:
            s.execute(update(StatementRow).values(visibility="public", owner_org_id=None))
    finally:
        other.dispose()
    assert _names(profiles.profile(person, ANONYMOUS)) == {PUBLIC_NAME, PRIVATE_NAME}


def test_a_document_view_follows_a_rejected_statement(db: Database) -> None:
    _, doc_id = _world(db)
    catalog = CatalogService(db, registry_highlights, ReadCache.for_database(db))
    assert {h.label for h in catalog.read(OWNER, doc_id).highlights} == {PUBLIC_NAME, PRIVATE_NAME}
    with db.transaction() as s:
        statements = StatementRepository(s)
        row = next(r for r in statements.of_document(doc_id) if r.value == PRIVATE_NAME)
        statements.decide(row, Status.REJECTED, "editor")
    assert {h.label for h in catalog.read(OWNER, doc_id).highlights} == {PUBLIC_NAME}


def test_a_cache_of_no_entries_computes_every_time(db: Database) -> None:
    person, _ = _world(db)
    cache = ReadCache.for_database(db, max_entries=0)
    profiles = ProfileService(db, cache=cache)
    assert profiles.profile(person, ANONYMOUS) is not profiles.profile(person, ANONYMOUS)
    assert len(cache) == 0


def test_the_oldest_entry_goes_first_when_full(sqlite_db: Database) -> None:
    db = sqlite_db
    person, _ = _world(db)
    cache = ReadCache.for_database(db, max_entries=2)
    profiles = ProfileService(db, cache=cache)
    for limit in (1, 2, 3):
        profiles.profile(person, ANONYMOUS, limit=limit)
    assert len(cache) == 2
    profiles.profile(person, ANONYMOUS, limit=3)
    profiles.profile(person, ANONYMOUS, limit=1)
    assert (cache.hits, cache.misses) == (1, 4)
