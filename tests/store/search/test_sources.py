"""Reading current versions for a rebuild: keyset pages by id, offsets only where clutter."""

from __future__ import annotations

from daphuong.domain.document import Segment
from daphuong.store.documents import DocumentRepository
from daphuong.store.engine import Database
from daphuong.store.search import make_index
from daphuong.store.search.sources import current_sources, still_current
from tests.store.search.helpers import add_doc


def test_pages_by_id_skip_old_versions_and_read_offsets_only_for_clutter(db: Database) -> None:
    index = make_index(db.dialect)
    with db.transaction() as s:
        ids = [add_doc(s, index, f"Tin số {i} về hợp tác.") for i in range(5)]
        cluttered = add_doc(s, index, "Hợp tác.\nChia sẻ", clutter=(Segment(9, 16, "share"),))
        old = DocumentRepository(s).get(ids[2])
        assert old is not None
        old.is_current = False
    with db.reader() as s:
        first = current_sources(s, after=0, limit=3)
        rest = current_sources(s, after=first[-1].id, limit=3)
        assert current_sources(s, after=rest[-1].id, limit=3) == []
        assert still_current(s, ids) == set(ids) - {ids[2]}
        row = DocumentRepository(s).get(cluttered)
        assert row is not None
    assert [d.id for d in first + rest] == [ids[0], ids[1], ids[3], ids[4], cluttered]
    by_id = {d.id: d for d in first + rest}
    assert by_id[ids[0]].offsets_json == ""  # no clutter: the offsets map is not read
    assert by_id[cluttered].offsets_json == row.offsets_json
    assert by_id[ids[0]].normalized_text == "Tin số 0 về hợp tác."
