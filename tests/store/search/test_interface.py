"""The SearchIndex interface: both backends implement it; its shared helpers delegate."""

from __future__ import annotations

import pytest

from daphuong.store.engine import Database
from daphuong.store.search import SearchIndex, make_index
from daphuong.store.search.interface import SearchIndex as Interface
from tests.store.search.helpers import add_doc


def test_the_package_exports_the_interface_and_backends_implement_it(db: Database) -> None:
    assert SearchIndex is Interface
    assert isinstance(make_index(db.dialect), Interface)
    with pytest.raises(TypeError):
        Interface()  # type: ignore[abstract]  # abstract: searching needs a backend


def test_indexed_count_follows_index_document_and_remove(db: Database) -> None:
    index = make_index(db.dialect)
    with db.transaction() as s:
        first = add_doc(s, index, "Hợp tác phát triển.")
        add_doc(s, index, "Phát triển bền vững.")
        assert index.indexed_count(s) == 2
        index.remove_documents(s, [first])
        assert index.indexed_count(s) == 1
