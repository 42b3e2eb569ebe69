"""Events found in documents, for the annual report: those not yet recorded as activities."""

from __future__ import annotations

from collections import Counter

from daphuong.domain.coordination import Activity
from daphuong.reports.model import BarChart, Figure, Section, Table
from daphuong.services.timeline import EventFacts
from daphuong.text.keys import fold_key

# Tables list at most this many events; the figure still counts (and cites) all of them.
TABLE_LIMIT = 40


def _recorded(event: EventFacts, activities: list[Activity]) -> bool:
    """True when an activity was made from this event (same source, kind and day)."""
    documents = {doc for doc, _ in event.sources}
    return any(
        a.source_document_id in documents
        and a.start_date is not None
        and a.start_date.isoformat() == event.date
        and a.kind in event.kinds
        for a in activities
    )


def _names_org(event: EventFacts, org_name: str) -> bool:
    """True when the organization organised or chaired the event (names compared by key)."""
    key = fold_key(org_name)
    return any(fold_key(name) == key for _, name in (*event.organizers, *event.chairs))


def year_events(
    events: list[EventFacts],
    year: int,
    activities: list[Activity],
    org_name: str | None = None,
) -> list[EventFacts]:
    """Events dated in the year, minus those already counted as activities, oldest first."""
    found = [
        e
        for e in events
        if e.year == str(year)
        and not _recorded(e, activities)
        and (org_name is None or _names_org(e, org_name))
    ]
    return sorted(found, key=lambda e: (e.date, e.id))


def _refs(events: list[EventFacts]) -> list[str]:
    """The events and, once each, the documents that report them."""
    documents = sorted({doc for e in events for doc, _ in e.sources})
    return [f"event:{e.id}" for e in events] + [f"document:{d}" for d in documents]


def events_part(section: Section, events: list[EventFacts]) -> None:
    """Count, chart by kind and list the events the documents report for the year."""
    if not events:
        return
    section.figures.append(
        Figure(
            "Sự kiện ghi nhận trong tài liệu (chưa lập hoạt động)", str(len(events)), _refs(events)
        )
    )
    kinds = Counter(e.kinds[0] if e.kinds else "khác" for e in events)
    section.charts.append(
        BarChart(
            "Sự kiện trong tài liệu theo loại", [(k, float(n)) for k, n in kinds.most_common()]
        )
    )
    rows = [
        [
            f"{e.date[8:10]}/{e.date[5:7]}" if len(e.date) == 10 else e.date,
            ", ".join(e.kinds) or "khác",
            e.name,
            ", ".join(name for _, name in e.organizers),
            str(e.id),
        ]
        for e in events[:TABLE_LIMIT]
    ]
    section.tables.append(Table(["Ngày", "Loại", "Sự kiện", "Đơn vị tổ chức", "Mã"], rows))
    if len(events) > TABLE_LIMIT:
        section.paragraphs.append(
            f"Bảng liệt kê {TABLE_LIMIT}/{len(events)} sự kiện; danh sách đầy đủ ở trang Sự kiện."
        )
