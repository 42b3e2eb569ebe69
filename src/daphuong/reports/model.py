"""Report model shared by the writers: sections with figures, charts and tables, and sources."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(slots=True)
class Figure:
    """A number stated in the report with the records it was computed from."""

    label: str
    value: str
    refs: list[str] = field(default_factory=list)  # e.g. "activity:12", "aid:7"
    note: int = 0  # footnote number, set by Report.number_notes()


@dataclass(slots=True)
class BarChart:
    """A horizontal bar chart: one labelled bar per category."""

    title: str
    bars: list[tuple[str, float]]
    unit: str = ""


@dataclass(slots=True)
class Table:
    """A plain table with a header row."""

    headers: list[str]
    rows: list[list[str]]


@dataclass(slots=True)
class Section:
    """One area of the report."""

    key: str
    title: str
    paragraphs: list[str] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    charts: list[BarChart] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)


@dataclass(slots=True)
class Report:
    """A whole report; figures are numbered and their sources listed in the appendix."""

    title: str
    subtitle: str
    generated_at: dt.datetime
    sections: list[Section] = field(default_factory=list)

    def number_notes(self) -> list[Figure]:
        """Number every figure that has sources, in reading order; return them."""
        noted: list[Figure] = []
        for section in self.sections:
            for fig in section.figures:
                if fig.refs:
                    noted.append(fig)
                    fig.note = len(noted)
        return noted


APPENDIX_TITLE = "Phụ lục: Nguồn số liệu"


def source_lines(report: Report) -> list[str]:
    """One appendix line per numbered figure: its label and every record it counts."""
    return [f"[{f.note}] {f.label}: {', '.join(f.refs)}" for f in report.number_notes() if f.refs]
