"""Tests for the event draft that gathers repeated reports."""

from __future__ import annotations

from daphuong.pipeline.extract.event_record import EventDraft, same_name


def test_ordinal_and_plain_numbering_are_one_name() -> None:
    assert same_name("Diễn đàn Hợp tác 5", "Diễn đàn Hợp tác lần thứ 5")
    assert not same_name("Diễn đàn Hợp tác 5", "Diễn đàn Hợp tác 6")


def test_a_repeat_fills_the_date_and_joins_hosts_once() -> None:
    first = EventDraft("hội thảo", "noun", organizers=["Sở Ngoại vụ"])
    first.absorb(
        EventDraft("hội thảo", "noun", date="2025-05-02", organizers=["Sở Ngoại vụ", "Hội"])
    )
    assert (first.date, first.organizers) == ("2025-05-02", ["Sở Ngoại vụ", "Hội"])
