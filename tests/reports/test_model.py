"""Report model: figures with sources are numbered in reading order and listed."""

from __future__ import annotations

import datetime as dt

from daphuong.reports.model import Figure, Report, Section, source_lines


def test_only_sourced_figures_get_notes_in_order() -> None:
    report = Report(
        "T",
        "S",
        dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
        [
            Section("a", "A", figures=[Figure("x", "1", ["activity:1"]), Figure("y", "—")]),
            Section("b", "B", figures=[Figure("z", "2", ["aid:3", "aid:4"])]),
        ],
    )
    assert source_lines(report) == ["[1] x: activity:1", "[2] z: aid:3, aid:4"]
    assert [f.note for s in report.sections for f in s.figures] == [1, 0, 2]
