"""The facet dictionary: one id per (facet, key), filters resolve to ids, counts scale."""

from __future__ import annotations

from daphuong.domain.search import SearchFilters
from daphuong.store.engine import Database
from daphuong.store.search import facets
from daphuong.store.search.prepare import FacetEntry


def test_value_ids_are_stable_and_keep_the_first_label(db: Database) -> None:
    first = [
        FacetEntry("entity", "le hoai trung", "Lê Hoài Trung"),
        FacetEntry("year", "2024", "2024"),
    ]
    with db.transaction() as s:
        ids = facets.value_ids(s, first)
    with db.transaction() as s:
        again = facets.value_ids(s, [FacetEntry("entity", "le hoai trung", "LÊ HOÀI TRUNG")])
        other = facets.value_ids(s, [FacetEntry("outlet", "le hoai trung", "x")])
    assert len(set(ids.values())) == 2
    assert again == {("entity", "le hoai trung"): ids[("entity", "le hoai trung")]}
    assert other[("outlet", "le hoai trung")] not in ids.values()


def test_filter_ids_resolve_known_values_and_nothing_for_unknown(db: Database) -> None:
    with db.transaction() as s:
        ids = facets.value_ids(s, [FacetEntry("year", "2024", "2024")])
    with db.reader() as s:
        found = facets.filter_ids(s, SearchFilters(years=(2024,), outlets=("vov",)))
    # In SearchFilters order: outlet (unknown: matches nothing), then year.
    assert found == [[], [ids[("year", "2024")]]]
    with db.reader() as s:
        assert facets.filter_ids(s, SearchFilters()) == []
