"""Organization linking: abbreviations defined in brackets, gazetteer aliases, folded names."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from daphuong.domain.access import Principal
from daphuong.services.entity_views import RegistryViews
from daphuong.services.linking import find_abbreviations, occurrences
from daphuong.services.org_gazetteer import OrgGazetteer
from daphuong.store.engine import Database
from tests.services.registry_support import ORG, Doc, extract, gazetteer


def test_find_abbreviations_after_a_name() -> None:
    text = "Hiệp hội các quốc gia Đông Nam Á (ASEAN) và Bộ Ngoại giao (Việt Nam)"
    [(abbr, start, end)] = find_abbreviations(text, [(0, 32), (44, 57)])
    assert abbr == "ASEAN" and text[start:end] == "ASEAN"


def test_occurrences_finds_every_verbatim_form() -> None:
    assert occurrences("LHQ và LHQ", "LHQ") == [(0, 3), (7, 10)]
    assert occurrences("abc", "") == []


def _org_doc(key: str, text: str, *forms: str) -> Doc:
    return Doc(key, text, dt.date(2021, 1, 1), entities=[(ORG, f) for f in forms])


def test_abbreviation_defined_later_joins_the_existing_entity(db: Database, tmp_path: Path) -> None:
    gaz = gazetteer(tmp_path)
    extract(db, _org_doc("x1", "Hội nghị của APEC.", "APEC"), gaz)
    extract(
        db,
        _org_doc(
            "x2",
            "Diễn đàn Hợp tác kinh tế châu Á - Thái Bình Dương (APEC) họp.",
            "Diễn đàn Hợp tác kinh tế châu Á - Thái Bình Dương",
        ),
        gaz,
    )
    views = RegistryViews(db, gaz)
    system = Principal.local_system()
    assert views.find("APEC", system) == views.find(
        "Diễn đàn Hợp tác kinh tế châu Á - Thái Bình Dương", system
    )


def test_gazetteer_alias_and_spelling_variants_link(db: Database, tmp_path: Path) -> None:
    gaz = gazetteer(tmp_path)
    extract(db, _org_doc("y1", "Đại diện UN phát biểu.", "UN"), gaz)
    extract(db, _org_doc("y2", "Liên Hiệp Quốc kêu gọi.", "Liên Hiệp Quốc"), gaz)
    extract(db, _org_doc("y3", "Lien hop quoc", "Lien hop quoc"), gaz)
    views = RegistryViews(db, gaz)
    system = Principal.local_system()
    [un] = views.find("UN", system)
    assert views.find("Liên Hiệp Quốc", system) == [un]
    assert views.find("Lien hop quoc", system) == [un]
    assert views.show(un, system)["caption"] in {"UN", "Liên Hiệp Quốc", "Lien hop quoc"}


def test_renamed_ministry_shows_its_dated_successor(db: Database, tmp_path: Path) -> None:
    gaz = gazetteer(tmp_path)
    extract(db, _org_doc("z1", "Bộ Văn hóa - Thông tin chủ trì.", "Bộ Văn hóa - Thông tin"), gaz)
    view = RegistryViews(db, gaz).show("Bộ Văn hóa - Thông tin", Principal.local_system())
    assert view["successors"] == [{"name": "Bộ Văn hóa, Thể thao và Du lịch", "from": "2007-08-12"}]


def test_bracket_on_the_next_line_is_not_an_abbreviation() -> None:
    text = "Ảnh: Báo TG&VN\n(PLVN) - Trong khuôn khổ"
    assert find_abbreviations(text, [(5, 14)]) == []


def test_gazetteer_keeps_a_body_apart_from_its_parent_abbreviation(
    db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "orgs.tsv"
    path.write_text(
        "Liên hợp quốc\tLHQ\nĐại hội đồng Liên hợp quốc\tĐại hội đồng LHQ\n", encoding="utf-8"
    )
    gaz = OrgGazetteer.load(path)
    text = "Đại hội đồng Liên Hợp Quốc (LHQ) đã bỏ phiếu; LHQ hoan nghênh."
    extract(db, _org_doc("g1", text, "Đại hội đồng Liên Hợp Quốc", "LHQ"), gaz)
    views = RegistryViews(db, gaz)
    system = Principal.local_system()
    assert views.find("LHQ", system) != views.find("Đại hội đồng Liên Hợp Quốc", system)
