"""Tenures: first and last seen, former and newly-appointed cues, the title held on a date."""

from __future__ import annotations

import datetime as dt

from daphuong.services.tenures import Tenure, held_on

D = dt.date


def test_held_on_inside_sightings_is_seen_after_is_assumed_until_ended() -> None:
    tenure = Tenure(
        "Thứ trưởng",
        1,
        "Bộ Ngoại giao",
        first_seen=D(2020, 1, 1),
        last_seen=D(2021, 1, 1),
        ended_before=D(2023, 1, 1),
    )
    assert tenure.held_on(D(2020, 6, 1)) == "seen"
    assert tenure.held_on(D(2022, 6, 1)) == "assumed"
    assert tenure.held_on(D(2023, 6, 1)) is None
    assert tenure.held_on(D(2019, 6, 1)) is None


def test_held_from_the_appointment() -> None:
    tenure = Tenure(
        "Đại sứ",
        None,
        "",
        first_seen=D(2021, 5, 1),
        last_seen=D(2021, 5, 1),
        appointed_on=D(2021, 3, 1),
    )
    assert tenure.held_on(D(2021, 4, 1)) == "seen"
    assert tenure.held_on(D(2021, 2, 1)) is None


def test_several_titles_at_once() -> None:
    a = Tenure(
        "Ủy viên Trung ương Đảng", None, "", first_seen=D(2022, 4, 12), last_seen=D(2022, 4, 12)
    )
    b = Tenure(
        "Trưởng ban",
        2,
        "Ban Đối ngoại Trung ương",
        first_seen=D(2022, 4, 12),
        last_seen=D(2022, 4, 12),
    )
    assert [r["title"] for r in held_on([a, b], D(2022, 4, 12))] == [
        "Ủy viên Trung ương Đảng",
        "Trưởng ban",
    ]
