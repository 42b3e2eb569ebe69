"""Registry hook: statements with provenance, linking across documents, decisions that last."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from daphuong.domain.access import Principal, Role
from daphuong.domain.document import RawDocument, Visibility
from daphuong.pipeline.context import DocContext
from daphuong.services.entity_views import RegistryViews
from daphuong.services.registry import RegistryHook
from daphuong.services.review import ReviewService
from daphuong.store.documents import DocumentRepository
from daphuong.store.engine import Database
from daphuong.store.models import OrganizationRow
from daphuong.store.models.registry import StatementRow
from tests.services.registry_support import doc_a, doc_b, extract, gazetteer, role

SYSTEM = Principal.local_system()


def _statements(db: Database, **where: Any) -> list[StatementRow]:
    with db.reader() as s:
        stmt = select(StatementRow).filter_by(**where).order_by(StatementRow.id)
        return list(s.scalars(stmt))


def test_person_in_two_documents_is_one_entity_with_two_cited_roles(
    db: Database, tmp_path: Path
) -> None:
    gaz = gazetteer(tmp_path)
    extract(db, doc_a(), gaz)
    extract(db, doc_b(), gaz)
    view = RegistryViews(db, gaz).show("Lê Hoài Trung", SYSTEM)
    assert view["type"] == "PERSON"
    assert view["also_named"] == []
    roles = {(r["title"], r["org"]): r for r in view["roles"]}
    assert set(roles) == {
        ("Thứ trưởng", "Bộ Ngoại giao"),
        ("Trưởng ban", "Ban Đối ngoại Trung ương"),
    }
    deputy = roles[("Thứ trưởng", "Bộ Ngoại giao")]
    assert deputy["first_seen"] == "2020-11-04"
    [cited] = deputy["citations"]
    assert cited["document_key"] == "doc-a"
    assert cited["quotes"] == ["Lê Hoài Trung"]
    assert cited["extractor"] == "extract@1"
    # The chaired conference dates the sighting, not the later page date.
    assert roles[("Trưởng ban", "Ban Đối ngoại Trung ương")]["first_seen"] == "2022-04-12"


def test_abbreviation_in_brackets_and_gazetteer_alias_link_organizations(
    db: Database, tmp_path: Path
) -> None:
    gaz = gazetteer(tmp_path)
    extract(db, doc_a(), gaz)
    extract(db, doc_b(), gaz)
    views = RegistryViews(db, gaz)
    assert views.find("ASEAN", SYSTEM) == views.find("Hiệp hội các quốc gia Đông Nam Á", SYSTEM)
    assert views.find("LHQ", SYSTEM) == views.find("Liên hợp quốc", SYSTEM)
    assert len(views.find("LHQ", SYSTEM)) == 1
    asean = views.show("ASEAN", SYSTEM)
    props = {(n["prop"], n["value"]) for n in asean["names"]}
    assert ("alias", "ASEAN") in props
    assert ("name", "Hiệp hội các quốc gia Đông Nam Á") in props


def test_decisions_survive_reextraction_with_a_new_extractor_version(
    db: Database, tmp_path: Path
) -> None:
    gaz = gazetteer(tmp_path)
    doc = doc_a()
    doc_id = extract(db, doc, gaz)
    [kept] = _statements(db, prop="role", value="Thứ trưởng")
    [dropped] = _statements(db, prop="role", value="Đại sứ")
    review = ReviewService(db, gazetteer=gaz)
    review.confirm(kept.id, SYSTEM)
    review.reject(dropped.id, Principal.local_system("lan"))

    extract(db, doc_a(), gaz, version="2", doc_id=doc_id)

    [confirmed] = _statements(db, prop="role", value="Thứ trưởng")
    [rejected] = _statements(db, prop="role", value="Đại sứ")
    assert (confirmed.id, confirmed.status, confirmed.extractor) == (
        kept.id,
        "confirmed",
        "extract@2",
    )
    assert (rejected.status, rejected.decided_by) == ("rejected", "lan")
    assert {s.extractor for s in _statements(db, document_key="doc-a")} == {"extract@2"}


def test_reextraction_replaces_machine_statements_that_are_gone(
    db: Database, tmp_path: Path
) -> None:
    gaz = gazetteer(tmp_path)
    doc = doc_a()
    doc_id = extract(db, doc, gaz)
    assert _statements(db, prop="role", value="Đại sứ")
    changed = doc_a()
    changed.roles = [role("Lê Hoài Trung", "Thứ trưởng", "Bộ Ngoại giao")]
    extract(db, changed, gaz, version="2", doc_id=doc_id)
    assert _statements(db, prop="role", value="Đại sứ") == []
    assert len(_statements(db, prop="role")) == 1


def test_new_document_version_moves_statements_to_it(db: Database, tmp_path: Path) -> None:
    gaz = gazetteer(tmp_path)
    first = extract(db, doc_a(), gaz)
    edited = doc_a()
    edited.text = edited.text + " Tin bổ sung."
    second = extract(db, edited, gaz)
    assert second != first
    docs = {s.document_id for s in _statements(db, document_key="doc-a")}
    assert docs == {second}
    assert {s.document_version for s in _statements(db, document_key="doc-a")} == {2}


def test_statements_inherit_document_visibility(db: Database, tmp_path: Path) -> None:
    gaz = gazetteer(tmp_path)
    with db.transaction() as s:
        s.add(OrganizationRow(id=7, name="Vụ Hợp tác"))
    internal = doc_a()
    internal.visibility, internal.owner_org_id = Visibility.INTERNAL, 7
    extract(db, internal, gaz)
    views = RegistryViews(db, gaz)
    assert views.find("Lê Hoài Trung", Principal.anonymous()) == []
    member = Principal(user_id=1, username="an", org_id=7, role=Role.VIEWER)
    assert len(views.find("Lê Hoài Trung", member)) == 1
    assert {s.visibility for s in _statements(db, document_key="doc-a")} == {"internal"}


class _Index:
    """Records quick-find calls."""

    def __init__(self) -> None:
        self.upserts: dict[int, list[str]] = {}
        self.deleted: list[int] = []

    def upsert_entity(
        self, session: Session, entity_id: int, entity_type: str, names: list[str]
    ) -> None:
        self.upserts[entity_id] = names

    def delete_entity(self, session: Session, entity_id: int) -> None:
        self.deleted.append(entity_id)


def test_quick_find_hooks_receive_names_and_gazetteer_aliases(db: Database, tmp_path: Path) -> None:
    gaz = gazetteer(tmp_path)
    index = _Index()
    extract(db, doc_a(), gaz, index=[index])
    un = RegistryViews(db, gaz).find("Liên hợp quốc", SYSTEM)[0]
    assert {"Liên hợp quốc", "LHQ", "UN"} <= set(index.upserts[un])


def test_document_without_extraction_leaves_the_registry_alone(
    db: Database, tmp_path: Path
) -> None:
    gaz = gazetteer(tmp_path)
    doc_id = extract(db, doc_a(), gaz)
    before = len(_statements(db))
    with db.transaction() as s:
        row = DocumentRepository(s).get(doc_id)
        assert row is not None
        ctx = DocContext(key="doc-a", raw=RawDocument(row.original_text, row.source, "text/plain"))
        RegistryHook(gaz).on_stored(s, row, ctx)
    assert before > 0
    assert len(_statements(db)) == before
