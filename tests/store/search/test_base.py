"""The same behavioural suite on both backends (SQLite FTS5 and PostgreSQL tsvector)."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from daphuong.domain.access import Principal, Role
from daphuong.domain.document import Segment, Visibility
from daphuong.domain.extraction import (
    EntityType,
    ExtractedEntity,
    ExtractedEvent,
    ExtractionResult,
)
from daphuong.domain.search import SearchFilters, SearchQuery, SearchResult
from daphuong.store.engine import Database
from daphuong.store.models import OrganizationRow
from daphuong.store.search import SearchIndex, base, make_index
from daphuong.text.query import parse_query
from tests.store.search.helpers import add_doc

ADMIN = Principal.local_system()


def _search(
    db: Database,
    text: str,
    who: Principal = ADMIN,
    filters: SearchFilters | None = None,
    limit: int = 10,
    offset: int = 0,
) -> SearchResult:
    query = SearchQuery(parse_query(text), filters or SearchFilters(), limit=limit, offset=offset)
    with db.reader() as s:
        return make_index(db.dialect).search(s, query, who)


def _ids(result: SearchResult) -> list[int]:
    return [h.doc_id for h in result.hits]


@pytest.fixture
def index(db: Database) -> SearchIndex:
    return make_index(db.dialect)


def test_folded_query_finds_diacritics_d_and_other_tone_placement(
    db: Database, index: SearchIndex
) -> None:
    with db.transaction() as s:
        a = add_doc(s, index, "Hội nghị về đối ngoại đa phương tại Hòa Bình.")
        b = add_doc(s, index, "Tin thể thao hôm nay.")
    assert _ids(_search(db, "doi ngoai da phuong")) == [a]
    assert _ids(_search(db, "Hoà Bình")) == [a]
    assert _ids(_search(db, "ĐỐI NGOẠI")) == [a]
    assert _ids(_search(db, "the thao")) == [b]


def test_exact_diacritics_rank_above_folded_only_matches(db: Database, index: SearchIndex) -> None:
    with db.transaction() as s:
        many = add_doc(s, index, "Dương Dương dương dương. Đại dương xanh và dương cầm.")
        exact = add_doc(s, index, "Một con đường dài ở vùng đồi xa xôi, bên kia có nhiều cây.")
    assert _ids(_search(db, "đường")) == [exact, many]
    assert _ids(_search(db, "dương")) == [many, exact]
    assert set(_ids(_search(db, "duong"))) == {many, exact}


def test_adjacent_words_rank_first(db: Database, index: SearchIndex) -> None:
    with db.transaction() as s:
        apart = add_doc(s, index, "Đa dạng phương pháp, đa số phương án, đa chiều phương hướng.")
        together = add_doc(s, index, "Hoạt động đa phương năm nay.")
    assert _ids(_search(db, "da phuong")) == [together, apart]
    assert _ids(_search(db, '"đa phương"')) == [together]


def test_or_exclusion_and_prefix(db: Database, index: SearchIndex) -> None:
    with db.transaction() as s:
        asean = add_doc(s, index, "Hội nghị ASEAN tại Hà Nội.")
        apec = add_doc(s, index, "Diễn đàn APEC tại Đà Nẵng; câu hỏi mở.")
        add_doc(s, index, "Tin trong nước.")
    assert set(_ids(_search(db, "asean OR apec"))) == {asean, apec}
    assert _ids(_search(db, "tai -apec")) == [asean]
    # Diacritics typed on an exclusion exclude that spelling only: 'hỏi' is not 'hội'.
    assert _ids(_search(db, "tai -hội")) == [apec]
    assert _ids(_search(db, "tai -hoi")) == []
    assert set(_ids(_search(db, "dien* OR hoi*"))) == {asean, apec}


def test_hostile_queries_match_literally(db: Database, index: SearchIndex) -> None:
    with db.transaction() as s:
        near = add_doc(s, index, "Quán ăn near trường AND thư viện; NOT đóng cửa.")
    for text in ['NEAR AND "', "near* AND", "near'); --", 'not"']:
        assert _ids(_search(db, text)) == [near], text
    assert _search(db, "a" * 900).total == 0


def test_clutter_is_stored_but_not_indexed(db: Database, index: SearchIndex) -> None:
    text = "Chia sẻ Facebook\nNội dung về hợp tác quốc tế."
    with db.transaction() as s:
        doc = add_doc(s, index, text, clutter=(Segment(0, 16, "share"),))
    assert _search(db, "facebook").total == 0
    assert _ids(_search(db, "hop tac")) == [doc]


def test_snippet_highlights_original_characters(db: Database, index: SearchIndex) -> None:
    # Decomposed marks and CRLF: normalized offsets differ from the original ones.
    original = "Mở đầu.\r\nBộ Ngoa\u0323i giao to\u0309 chức ngoại giao đa phương."
    with db.transaction() as s:
        add_doc(s, index, original, title="Tin")
    (hit,) = _search(db, "ngoai giao").hits
    snippet = hit.snippet
    marked = [snippet.text[a:b] for a, b in snippet.highlights]
    assert marked == ["Ngoa\u0323i giao", "ngoại giao"]
    # The whole (short) text fits: line breaks become spaces, every other character is kept.
    assert snippet.start == 0
    assert snippet.text == original.replace("\r", " ").replace("\n", " ")
    assert "<mark>Ngoa\u0323i giao</mark>" in snippet.to_html()


def test_title_counts_and_browse_is_newest_first(db: Database, index: SearchIndex) -> None:
    day = dt.datetime(2024, 5, 1, tzinfo=dt.UTC)
    with db.transaction() as s:
        body = add_doc(s, index, "Bài viết có nhắc đến hợp tác.", published=day)
        title = add_doc(s, index, "Nội dung khác.", title="Hợp tác", published=day.replace(day=2))
    assert set(_ids(_search(db, "hop tac"))) == {body, title}
    browse = _search(db, "", filters=SearchFilters(years=(2024,)))
    assert _ids(browse) == [title, body]


def _extraction(doc: str, people: list[str], kind: str) -> ExtractionResult:
    return ExtractionResult(
        doc=doc,
        entities=[ExtractedEntity(EntityType.PERSON, p) for p in people]
        + [ExtractedEntity(EntityType.LOCATION, "Hà Nội")],
        events=[ExtractedEvent(kind=kind)],
    )


def test_filters_and_facet_counts(db: Database, index: SearchIndex) -> None:
    y23 = dt.datetime(2023, 3, 1, tzinfo=dt.UTC)
    y24 = dt.datetime(2024, 6, 15, tzinfo=dt.UTC)
    with db.transaction() as s:
        a = add_doc(
            s,
            index,
            "Hội nghị hợp tác A.",
            outlet="Báo Thế giới & Việt Nam",
            published=y23,
            extraction=_extraction("a", ["Lê Hoài Trung"], "hội nghị"),
        )
        b = add_doc(
            s,
            index,
            "Hội thảo hợp tác B.",
            outlet="Vietpeace",
            published=y24,
            extraction=_extraction("b", ["Lê Hoài Trung", "Phan Anh Sơn"], "hội thảo"),
        )
    result = _search(db, "hop tac")
    facets = {k: {v.label: v.count for v in vs} for k, vs in result.facets.items()}
    assert facets["entity"] == {"Lê Hoài Trung": 2, "Phan Anh Sơn": 1}
    assert facets["type"] == {"PERSON": 2, "LOCATION": 2}
    assert facets["event"] == {"hội nghị": 1, "hội thảo": 1}
    assert facets["year"] == {"2023": 1, "2024": 1}
    assert facets["outlet"] == {"Báo Thế giới & Việt Nam": 1, "Vietpeace": 1}

    def only(**kw: object) -> list[int]:
        return _ids(_search(db, "hop tac", filters=SearchFilters(**kw)))  # type: ignore[arg-type]

    assert only(entities=("phan anh son",)) == [b]
    assert only(event_kinds=("hoi nghi",)) == [a]
    assert only(outlets=("vietpeace",)) == [b]
    assert only(years=(2023,)) == [a]
    assert only(date_from=dt.date(2024, 1, 1)) == [b]
    assert only(date_to=dt.date(2023, 12, 31)) == [a]
    assert sorted(only(entity_types=("PERSON",))) == sorted([a, b])
    filtered = _search(db, "hop tac", filters=SearchFilters(years=(2024,)))
    assert {v.label: v.count for v in filtered.facets["entity"]} == {
        "Lê Hoài Trung": 1,
        "Phan Anh Sơn": 1,
    }


def test_results_and_facets_only_count_what_the_caller_may_see(
    db: Database, index: SearchIndex
) -> None:
    with db.transaction() as s:
        s.add_all([OrganizationRow(id=1, name="Bộ A"), OrganizationRow(id=2, name="Bộ B")])
        s.flush()
        public = add_doc(s, index, "Hợp tác công khai.", published=dt.datetime(2024, 1, 1))
        internal = add_doc(
            s,
            index,
            "Hợp tác nội bộ.",
            visibility=Visibility.INTERNAL,
            owner_org_id=2,
            published=dt.datetime(2025, 1, 1),
        )
    anonymous = _search(db, "hop tac", Principal.anonymous())
    assert (anonymous.total, _ids(anonymous)) == (1, [public])
    assert {v.label for v in anonymous.facets["year"]} == {"2024"}
    other_org = Principal(user_id=1, org_id=1, role=Role.EDITOR)
    assert _ids(_search(db, "hop tac", other_org)) == [public]
    owner = Principal(user_id=2, org_id=2, role=Role.VIEWER)
    assert set(_ids(_search(db, "hop tac", owner))) == {public, internal}


def test_total_and_paging(db: Database, index: SearchIndex) -> None:
    with db.transaction() as s:
        ids = {add_doc(s, index, f"Văn bản số {i} về hợp tác.") for i in range(7)}
    first = _search(db, "hop tac", limit=3)
    rest = _search(db, "hop tac", limit=3, offset=3)
    last = _search(db, "hop tac", limit=3, offset=6)
    assert first.total == rest.total == 7
    assert len(first.hits) == len(rest.hits) == 3
    assert set(_ids(first)) | set(_ids(rest)) | set(_ids(last)) == ids


def test_reindex_replaces_and_remove_forgets(db: Database, index: SearchIndex) -> None:
    with db.transaction() as s:
        doc = add_doc(s, index, "Hợp tác phát triển.")
        add_doc(s, index, "Phát triển bền vững.")
    with db.transaction() as s:
        assert index.indexed_count(s) == 2
        index.remove_documents(s, [doc])
    assert _search(db, "hop tac").total == 0
    assert _search(db, "phat trien").total == 1


def test_entity_quick_find(db: Database, index: SearchIndex) -> None:
    with db.transaction() as s:
        index.upsert_entity(s, 1, "PERSON", ["Lê Hoài Trung", "Le Hoai Trung"])
        index.upsert_entity(s, 2, "PERSON", ["Lê Thị Hoài An"])
        index.upsert_entity(s, 3, "ORG", ["Bộ Ngoại giao", "BNG"])

    def find(text: str, kind: str | None = None) -> list[tuple[int, str]]:
        with db.reader() as s:
            hits = index.find_entities(s, parse_query(text), limit=5, entity_type=kind)
        return [(h.entity_id, h.name) for h in hits]

    assert find("le hoai")[0] == (1, "Lê Hoài Trung")
    assert find("le hoai tr") == [(1, "Lê Hoài Trung")]
    assert find("bng") == [(3, "BNG")]
    assert find("ngoai giao", "PERSON") == []
    with db.transaction() as s:
        index.upsert_entity(s, 1, "PERSON", ["Lê Hoài Trung"])
        index.delete_entity(s, 2)
    assert find("le hoai") == [(1, "Lê Hoài Trung")]


def test_every_principal_sees_exactly_what_can_see_allows(db: Database, index: SearchIndex) -> None:
    docs: dict[int, tuple[Visibility, int | None]] = {}
    with db.transaction() as s:
        s.add_all([OrganizationRow(id=i, name=f"Bộ {i}") for i in (1, 2, 3)])
        s.flush()
        for n, (vis, owner) in enumerate(itertools.product(Visibility, (None, 1, 2, 3))):
            doc = add_doc(
                s,
                index,
                f"Hợp tác số {n}.",
                published=dt.datetime(2024, 1, 1),
                visibility=vis,
                owner_org_id=owner,
            )
            docs[doc] = (vis, owner)
    principals = [
        Principal.anonymous(),
        Principal(user_id=1, org_id=1, role=Role.VIEWER),
        Principal(user_id=2, org_id=2, role=Role.EDITOR, partner_of=frozenset({1, 3})),
        Principal(user_id=3, role=Role.COORDINATOR),
        ADMIN,
    ]
    for who in principals:
        expected = {d for d, (vis, owner) in docs.items() if who.can_see(vis, owner)}
        result = _search(db, "hop tac", who, limit=50)
        assert (set(_ids(result)), result.total) == (expected, len(expected)), who
        assert [(v.label, v.count) for v in result.facets["year"]] == [("2024", len(expected))]


def test_levels_rank_title_hits_first_then_newest_among_equals(
    db: Database, index: SearchIndex
) -> None:
    day = dt.datetime(2024, 5, 1, tzinfo=dt.UTC)
    with db.transaction() as s:
        old_body = add_doc(s, index, "Bàn về hợp tác.", published=day)
        new_body = add_doc(s, index, "Lại về hợp tác.", published=day.replace(day=3))
        titled = add_doc(s, index, "Nội dung.", title="Hợp tác", published=day.replace(day=2))
        undated = add_doc(s, index, "Không ngày hợp tác.")
    assert _ids(_search(db, "hop tac")) == [titled, new_body, old_body, undated]
    assert _ids(_search(db, "hop tac", limit=2, offset=1)) == [new_body, old_body]


def test_facet_counts_above_the_sample_are_scaled_estimates(
    db: Database, index: SearchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(base, "WINDOW", 4)
    y24 = dt.datetime(2024, 6, 1, tzinfo=dt.UTC)
    with db.transaction() as s:
        for i in range(8):
            add_doc(s, index, f"Hợp tác {i}.", published=y24.replace(day=i + 1))
    result = _search(db, "hop tac")
    assert (result.total, result.facets_estimated) == (8, True)
    assert result.facets["year"][0].count == 8  # 4 of 4 sampled, scaled by 8 / 4
    small = _search(db, "hop tac", filters=SearchFilters(date_to=dt.date(2024, 6, 3)))
    assert (small.total, small.facets_estimated, small.facets["year"][0].count) == (3, False, 3)


def test_totals_above_the_window_are_estimates_from_its_key_span_browsing_stays_exact(
    db: Database, index: SearchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(base, "WINDOW", 4)
    start = dt.datetime(2024, 6, 1, tzinfo=dt.UTC)
    with db.transaction() as s:
        for i in range(16):  # every other day a match, the newest day not
            text = f"Hợp tác {i}." if i % 2 == 0 else f"Tin khác {i}."
            add_doc(s, index, text, published=start + dt.timedelta(days=i))
    result = _search(db, "hop tac")
    # The newest 4 matches span the newest 8 documents: 4 × 16 / 8.
    assert (result.total, result.total_estimated) == (8, True)
    few = _search(db, "hop tac", filters=SearchFilters(date_from=dt.date(2024, 6, 12)))
    assert (few.total, few.total_estimated) == (2, False)
    browse = _search(db, "")
    assert (browse.total, browse.total_estimated) == (16, False)
