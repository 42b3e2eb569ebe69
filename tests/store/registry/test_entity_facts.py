"""Entity-page reads on both backends: visibility, counts, latest citations, quotes cut in SQL."""

from __future__ import annotations

from sqlalchemy.orm import Session

from daphuong.domain.access import Principal
from daphuong.store.documents import DocumentRepository, NewDocument
from daphuong.store.engine import Database
from daphuong.store.registry.entities import EntityRepository
from daphuong.store.registry.entity_facts import EntityFactsReader, chunks
from daphuong.store.registry.statements import NewStatement, StatementRepository, Status

TEXT = "Thứ trưởng Lê Hoài Trung chủ trì. Ông Lê Hoài Trung phát biểu tại Hà Nội."
ANON = Principal.anonymous()


def _document(s: Session, key: str, text: str) -> int:
    new = NewDocument(
        key, f"{key}.txt", key, "text/plain", "utf-8", None, None, None, None, text, text, "[]", []
    )
    row = DocumentRepository(s).add(new)
    s.flush()
    return row.id


def _name(s: Session, entity: int, value: str, doc: int | None = None, **kw: object) -> int:
    new = NewStatement(entity_id=entity, prop="name", value=value, document_id=doc)
    for key, v in kw.items():
        setattr(new, key, v)
    row = StatementRepository(s).add(new)
    s.flush()
    return row.id


def test_quotes_are_cut_from_the_original_text_by_character(db: Database) -> None:
    with db.transaction() as s:
        doc = _document(s, "a", TEXT)
        other = _document(s, "b", "Hà Nội")
        start = TEXT.index("Lê Hoài Trung")
        wanted = [(doc, start, start + 13), (doc, 0, 10), (other, 0, 6), (other, 3, 3)]
        quotes = EntityFactsReader(s, ANON).quotes(wanted)
    assert quotes == {
        (doc, start, start + 13): "Lê Hoài Trung",
        (doc, 0, 10): "Thứ trưởng",
        (other, 0, 6): "Hà Nội",
        (other, 3, 3): "",
    }


def test_quotes_of_many_spans_span_several_queries(db: Database) -> None:
    with db.transaction() as s:
        long_text = TEXT * 5  # more spans than one query takes
        doc = _document(s, "a", long_text)
        wanted = [(doc, i, i + 1) for i in range(len(long_text))]
        quotes = EntityFactsReader(s, ANON).quotes(wanted)
    assert len(wanted) > 300
    assert "".join(quotes[w] for w in wanted) == long_text


def test_hidden_and_rejected_statements_are_not_read(db: Database) -> None:
    with db.transaction() as s:
        e = EntityRepository(s).create("PERSON", "Lê Hoài Trung").id
        shown = _name(s, e, "Lê Hoài Trung")
        _name(s, e, "L.H.Trung", visibility="internal")
        _name(s, e, "Lê H. Trung", status=Status.REJECTED)
        facts = EntityFactsReader(s, ANON)
        assert [r.id for r in facts.of_subjects([e])] == [shown]
        assert [(c.value, c.count) for c in facts.name_counts([e], ["name"])] == [
            ("Lê Hoài Trung", 1)
        ]
        assert len(EntityFactsReader(s, Principal.local_system()).of_subjects([e])) == 2


def test_counts_see_each_statement_once_and_links_group_by_subject(db: Database) -> None:
    with db.transaction() as s:
        repo = EntityRepository(s)
        org, a, b = (
            repo.create(t, n).id for t, n in [("ORG", "Bộ"), ("PERSON", "A"), ("PERSON", "B")]
        )
        statements = StatementRepository(s)
        for person, title in [(a, "Vụ trưởng"), (a, "Vụ trưởng"), (b, "Thứ trưởng")]:
            statements.add(
                NewStatement(entity_id=person, prop="role", value=title, object_entity_id=org)
            )
        statements.add(
            NewStatement(entity_id=org, prop="same_as", value="Bộ", object_entity_id=org)
        )
        s.flush()
        facts = EntityFactsReader(s, ANON)
        assert facts.count_about([org]) == 4
        assert facts.any_about([a]) and not facts.any_about([org + 1000])
        links = {
            (link.entity_id, link.value): link.count for link in facts.links_to([org], ["role"])
        }
        assert links == {(a, "Vụ trưởng"): 2, (b, "Thứ trưởng"): 1}


def test_latest_returns_the_newest_statements_of_one_name(db: Database) -> None:
    with db.transaction() as s:
        e = EntityRepository(s).create("PERSON", "A").id
        ids = [_name(s, e, "A") for _ in range(5)]
        _name(s, e, "B")
        latest = EntityFactsReader(s, ANON).latest([e], "name", "A", 2)
    assert [r.id for r in latest] == [ids[4], ids[3]]


def test_chunks_cover_every_item_in_order() -> None:
    assert [list(c) for c in chunks([1, 2, 3, 4, 5], 2)] == [[1, 2], [3, 4], [5]]
    assert list(chunks([], 3)) == []


def test_subjects_among_sees_live_visible_subjects_only(db: Database) -> None:
    with db.transaction() as s:
        repo = EntityRepository(s)
        named, internal, rejected, pointed_at = (repo.create("PERSON", str(i)).id for i in range(4))
        _name(s, named, "Lê Hoài Trung")
        _name(s, internal, "Nguyễn Văn A", visibility="internal")
        _name(s, rejected, "Trần Văn B", status=Status.REJECTED)
        StatementRepository(s).add(
            NewStatement(
                entity_id=named, prop="role", value="Thứ trưởng", object_entity_id=pointed_at
            )
        )
        s.flush()
        ids = [named, internal, rejected, pointed_at]
        assert EntityFactsReader(s, ANON).subjects_among(ids) == {named}
        assert EntityFactsReader(s, Principal.local_system()).subjects_among(ids) == {
            named,
            internal,
        }
