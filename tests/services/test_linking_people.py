"""People across documents: name plus context; conflicting posts keep namesakes apart."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from daphuong.domain.access import Principal
from daphuong.services.entity_views import RegistryViews
from daphuong.services.linking_people import Sighting, conflicts, distinctive
from daphuong.store.engine import Database
from tests.services.registry_support import ORG, Doc, P, extract, gazetteer, role

SYSTEM = Principal.local_system()
D = dt.date


def test_same_exclusive_title_at_two_organizations_at_once_conflicts() -> None:
    a = Sighting("chủ tịch", 1, D(2021, 3, 1))
    assert conflicts(a, Sighting("chủ tịch", 2, D(2021, 6, 1)))
    assert not conflicts(a, Sighting("chủ tịch", 1, D(2021, 6, 1)))
    assert not conflicts(a, Sighting("chủ tịch", 2, D(2025, 6, 1)))
    assert not conflicts(a, Sighting("phó chủ tịch", 2, D(2021, 6, 1)))
    assert not conflicts(Sighting("ủy viên", 1, None), Sighting("ủy viên", 2, None))
    assert not conflicts(a, Sighting("chủ tịch", 2, D(2021, 6, 1), former=True))


def test_full_names_are_distinctive_short_tags_are_not() -> None:
    assert distinctive("Nguyễn Văn Hùng")
    assert not distinctive("Hoài Nga")
    assert not distinctive("HỒ CHÍ MINH")


def _chair(key: str, province: str, day: D) -> Doc:
    text = f"Ông Nguyễn Văn Hùng, Chủ tịch UBND tỉnh {province}, tiếp đoàn."
    org = f"UBND tỉnh {province}"
    return Doc(
        key,
        text,
        day,
        entities=[(P, "Nguyễn Văn Hùng"), (ORG, org)],
        roles=[role("Nguyễn Văn Hùng", "Chủ tịch", org)],
    )


def test_namesakes_with_conflicting_posts_stay_apart(db: Database, tmp_path: Path) -> None:
    gaz = gazetteer(tmp_path)
    extract(db, _chair("h1", "Nghệ An", D(2021, 3, 1)), gaz)
    extract(db, _chair("h2", "Cà Mau", D(2021, 5, 1)), gaz)
    assert len(RegistryViews(db, gaz).find("Nguyễn Văn Hùng", SYSTEM)) == 2


def test_shared_organization_links_even_a_short_name(db: Database, tmp_path: Path) -> None:
    gaz = gazetteer(tmp_path)
    for key, day in (("t1", D(2021, 1, 1)), ("t2", D(2021, 9, 1))):
        text = "Bà Hoài Nga, Phó Vụ trưởng Vụ Thông tin Báo chí, phát biểu."
        extract(
            db,
            Doc(
                key,
                text,
                day,
                entities=[(P, "Hoài Nga"), (ORG, "Vụ Thông tin Báo chí")],
                roles=[role("Hoài Nga", "Phó Vụ trưởng", "Vụ Thông tin Báo chí")],
            ),
            gaz,
        )
    views = RegistryViews(db, gaz)
    [nga] = views.find("Hoài Nga", SYSTEM)
    [tenure] = views.show(nga, SYSTEM)["roles"]
    assert (tenure["first_seen"], tenure["last_seen"]) == ("2021-01-01", "2021-09-01")
