"""Page statements built once per visibility scope: shared within a scope, never across."""

from __future__ import annotations

from sqlalchemy.orm import Session

from daphuong.domain.access import Principal, Role
from daphuong.store.engine import Database
from daphuong.store.models import OrganizationRow
from daphuong.store.registry.entities import EntityRepository
from daphuong.store.registry.entity_facts import EntityFactsReader
from daphuong.store.registry.merges import MergeRepository
from daphuong.store.registry.page_statements import scoped
from daphuong.store.registry.statements import NewStatement, StatementRepository

OWNER_ORG = 5
ANON = Principal.anonymous()
EDITOR = Principal(user_id=1, username="biên tập", org_id=OWNER_ORG, role=Role.EDITOR)
COLLEAGUE = Principal(user_id=2, username="đồng nghiệp", org_id=OWNER_ORG, role=Role.VIEWER)
OUTSIDER = Principal(user_id=3, username="người ngoài", org_id=OWNER_ORG + 1, role=Role.EDITOR)


def _person(s: Session) -> int:
    """A person with a public name and an alias only organization 5 may see."""
    s.add(OrganizationRow(id=OWNER_ORG, name="Vụ Hợp tác"))
    s.add(OrganizationRow(id=OWNER_ORG + 1, name="Vụ Lễ tân"))
    person = EntityRepository(s).create("PERSON", "Trần Thị Lan").id
    statements = StatementRepository(s)
    statements.add(NewStatement(person, "name", "Trần Thị Lan"))
    statements.add(
        NewStatement(person, "alias", "chị Lan", visibility="private", owner_org_id=OWNER_ORG)
    )
    s.flush()
    return person


def test_principals_of_one_scope_share_statements_and_other_scopes_do_not() -> None:
    assert scoped(EDITOR) is scoped(COLLEAGUE)
    assert scoped(ANON) is scoped(Principal.anonymous())
    assert scoped(ANON) is not scoped(EDITOR)
    assert scoped(OUTSIDER) is not scoped(EDITOR)


def test_reused_statements_keep_each_scope_to_what_it_may_see(db: Database) -> None:
    with db.transaction() as s:
        person = _person(s)
        # Alternate scopes so every statement is reused after another scope's read.
        for _ in range(2):
            for who, seen in (
                (EDITOR, {"Trần Thị Lan", "chị Lan"}),
                (ANON, {"Trần Thị Lan"}),
                (OUTSIDER, {"Trần Thị Lan"}),
                (COLLEAGUE, {"Trần Thị Lan", "chị Lan"}),
            ):
                facts = EntityFactsReader(s, who)
                assert {r.value for r in facts.of_subjects([person])} == seen
                assert {r.value for r in facts.of_subjects([person], ("alias",))} == seen - {
                    "Trần Thị Lan"
                }
                counted = facts.name_counts([person], ("name", "alias"))
                assert {c.value for c in counted} == seen
                assert [r.value for r in facts.latest([person], "alias", "chị Lan", 5)] == (
                    ["chị Lan"] if "chị Lan" in seen else []
                )


def test_list_parameters_take_any_number_of_values(db: Database) -> None:
    with db.transaction() as s:
        people = [_person(s)]
        entities = EntityRepository(s)
        people += [entities.create("PERSON", f"Người {i}").id for i in range(3)]
        MergeRepository(s).merge(entities.get(people[0]), entities.get(people[1]), "biên tập")  # type: ignore[arg-type]
        assert entities.cluster(people[0]) == sorted(people[:2])
        assert entities.canonical_map(people) == {
            people[0]: people[0],
            people[1]: people[0],
            people[2]: people[2],
            people[3]: people[3],
        }
        assert entities.captions(people[2:]) == {people[2]: "Người 1", people[3]: "Người 2"}
        assert [m.loser_id for m in MergeRepository(s).history(people[1:2])] == [people[1]]
        assert EntityFactsReader(s, ANON).any_about(people[:1])
        assert not EntityFactsReader(s, ANON).any_about(people[2:])
