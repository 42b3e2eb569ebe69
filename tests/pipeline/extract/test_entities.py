"""Tests for build_entities: one entity per surface form and type."""

from __future__ import annotations

from daphuong.domain.extraction import EntityType, Mention, Span
from daphuong.pipeline.extract.entities import build_entities, surface_key


def _m(etype: EntityType, start: int, text: str, value: str | None = None) -> Mention:
    return Mention(etype, start, start + len(text), text, value, "test", 0.7)


def test_same_surface_in_tone_variants_is_one_entity_with_all_spans() -> None:
    entities = build_entities(
        [
            _m(EntityType.ORG, 0, "Ủy ban Hòa bình"),
            _m(EntityType.ORG, 40, "Uỷ ban Hoà bình"),
            _m(EntityType.ORG, 80, "“Ủy ban  Hòa bình”"),
        ]
    )
    assert len(entities) == 1
    assert entities[0].text == "Ủy ban Hòa bình"
    assert entities[0].mentions == [Span(0, 15), Span(40, 55), Span(80, 98)]


def test_types_and_different_names_stay_apart() -> None:
    entities = build_entities(
        [
            _m(EntityType.ORG, 0, "Hội đồng Bảo an"),
            _m(EntityType.ORG, 20, "Hội đồng"),
            _m(EntityType.LOCATION, 30, "Hà Nội"),
            _m(EntityType.PERSON, 40, "Hà Nội"),
        ]
    )
    assert [(e.type, e.text) for e in entities] == [
        (EntityType.ORG, "Hội đồng Bảo an"),
        (EntityType.ORG, "Hội đồng"),
        (EntityType.LOCATION, "Hà Nội"),
        (EntityType.PERSON, "Hà Nội"),
    ]


def test_a_known_year_replaces_an_unknown_one() -> None:
    entities = build_entities(
        [_m(EntityType.DATE, 0, "4/11", "--11-04"), _m(EntityType.DATE, 9, "4/11", "2020-11-04")]
    )
    assert [e.value for e in entities] == ["2020-11-04"]


def test_surface_key_strips_edges_and_collapses_spaces() -> None:
    assert surface_key(" «Bộ  Ngoại giao», ") == surface_key("bộ ngoại giao")


def test_empty_input_gives_no_entities() -> None:
    assert build_entities([]) == []
    assert build_entities([_m(EntityType.ORG, 0, "“ ”")]) == []
