"""The annual report: sections by area, figures from records, each traceable to its ids."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from decimal import Decimal
from pathlib import Path

from daphuong.domain.access import Principal
from daphuong.domain.aid import AidTotals
from daphuong.domain.coordination import Activity, Area, PlanItem, PlanStatus, Seat, SeatKind
from daphuong.errors import InvalidInput
from daphuong.reports.docx_writer import write_docx
from daphuong.reports.model import BarChart, Figure, Report, Section, Table
from daphuong.reports.pdf_writer import write_pdf
from daphuong.services.accounts import AccountService
from daphuong.services.activities import ActivityService
from daphuong.services.aid import AidService
from daphuong.services.plans import PlanService, own_progress
from daphuong.services.report_events import events_part, year_events
from daphuong.services.seats import SeatService
from daphuong.services.timeline import TimelineService
from daphuong.store.activities import ActivityFilter
from daphuong.store.engine import Database

FORMATS = ("docx", "pdf")
SEAT_KIND_VI = {
    SeatKind.MEMBERSHIP: "Thành viên",
    SeatKind.CHAIRMANSHIP: "Chủ tịch luân phiên",
    SeatKind.ELECTED_SEAT: "Ghế được bầu",
    SeatKind.CANDIDACY: "Ứng cử",
}
EMPTY = "Chưa có số liệu được ghi nhận cho lĩnh vực này trong năm."
AID_HISTORY_YEARS = 5


def _usd(value: Decimal) -> str:
    return f"{value:,.0f} USD".replace(",", ".")


def _ids(prefix: str, ids: list[int]) -> list[str]:
    return [f"{prefix}:{i}" for i in ids]


def activity_part(section: Section, activities: list[Activity]) -> None:
    """Count, chart by kind and list the area's activities."""
    if not activities:
        return
    section.figures.append(
        Figure("Số hoạt động", str(len(activities)), _ids("activity", [a.id for a in activities]))
    )
    kinds = Counter(a.kind for a in activities)
    section.charts.append(
        BarChart("Hoạt động theo loại", [(k, float(n)) for k, n in kinds.most_common()])
    )
    rows = [
        [
            a.start_date.strftime("%d/%m") if a.start_date else "",
            a.kind,
            a.title,
            a.place,
            str(a.id),
        ]
        for a in sorted(activities, key=lambda a: (a.start_date or dt.date.min, a.id))
    ]
    section.tables.append(Table(["Ngày", "Loại", "Hoạt động", "Địa điểm", "Mã"], rows))


def plan_part(section: Section, items: list[PlanItem], year_end: dt.date) -> None:
    """Done, open and overdue plan items of the area."""
    if not items:
        return
    done = [i for i in items if i.status is PlanStatus.DONE]
    late = [
        i
        for i in items
        if i.deadline
        and i.deadline <= year_end
        and i.status not in (PlanStatus.DONE, PlanStatus.CANCELLED)
    ]
    section.figures.append(
        Figure(
            "Nhiệm vụ kế hoạch hoàn thành",
            f"{len(done)}/{len(items)}",
            _ids("plan", [i.id for i in items]),
        )
    )
    if late:
        section.figures.append(
            Figure("Nhiệm vụ quá hạn cuối năm", str(len(late)), _ids("plan", [i.id for i in late]))
        )
    mean = sum(own_progress(i) for i in items) / len(items)
    section.figures.append(
        Figure("Tiến độ bình quân", f"{mean:.0f}%", _ids("plan", [i.id for i in items]))
    )


def seat_part(section: Section, seats: list[Seat]) -> None:
    """Seats held or sought in multilateral bodies during the year."""
    if not seats:
        return
    for kind, label in SEAT_KIND_VI.items():
        of_kind = [s for s in seats if s.kind is kind]
        if of_kind:
            section.figures.append(
                Figure(label, str(len(of_kind)), _ids("seat", [s.id for s in of_kind]))
            )
    rows = [
        [
            s.body,
            SEAT_KIND_VI[s.kind],
            s.position,
            f"{s.term_start.year if s.term_start else '?'}–{s.term_end.year if s.term_end else ''}",
            s.status.value,
            str(s.id),
        ]
        for s in seats
    ]
    section.tables.append(
        Table(["Cơ chế", "Hình thức", "Vị trí", "Nhiệm kỳ", "Trạng thái", "Mã"], rows)
    )


def aid_part(section: Section, totals: AidTotals, history: list[AidTotals]) -> None:
    """Disbursed, committed and pledged aid, each apart, and the disbursement trend."""
    if totals.disbursement_ids:
        section.figures.append(
            Figure(
                "Giải ngân (sổ viện trợ)",
                _usd(totals.disbursed_usd),
                _ids("aid", totals.disbursement_ids),
            )
        )
    if totals.commitment_ids:
        section.figures.append(
            Figure(
                "Cam kết (sổ viện trợ)",
                _usd(totals.committed_usd),
                _ids("aid", totals.commitment_ids),
            )
        )
    if totals.pledge_ids:
        section.figures.append(
            Figure(
                "Cam kết tài trợ dự kiến (không cộng vào tổng)",
                _usd(totals.pledged_usd),
                _ids("aid", totals.pledge_ids),
            )
        )
    if totals.missing_usd_ids:
        section.paragraphs.append(
            f"{len(totals.missing_usd_ids)} giao dịch chưa quy đổi ra USD, không tính vào tổng."
        )
    if any(t.disbursed_usd for t in history):
        section.charts.append(
            BarChart(
                "Giải ngân theo năm",
                [(str(t.year), float(t.disbursed_usd)) for t in history],
                "USD",
            )
        )


class AnnualReportService:
    """Builds the annual report from the records the caller may see, and writes it."""

    def __init__(self, db: Database, accounts: AccountService) -> None:
        self.accounts = accounts
        self.activities = ActivityService(db)
        self.plans = PlanService(db)
        self.seats = SeatService(db)
        self.aid = AidService(db)
        self.timeline = TimelineService(db)

    def build(self, who: Principal, year: int, *, org_id: int | None = None) -> Report:
        """Assemble the report model for one year (optionally one organization)."""
        if not 1945 <= year <= 2100:
            raise InvalidInput(f"year out of range: {year}")
        org_name = self.accounts.org(org_id).name if org_id is not None else "Toàn hệ thống"
        activities = self.activities.list(
            who, ActivityFilter(year=year, org_id=org_id, limit=10_000)
        )
        items = [
            i
            for i in self.plans.items(who, org_id=org_id)
            if i.year == year or (i.deadline is not None and i.deadline.year == year)
        ]
        seats = [
            s
            for s in self.seats.list(who, year=year)
            if org_id is None or s.holder_org_id == org_id
        ]
        report = Report(
            title=f"Báo cáo tổng kết công tác đối ngoại năm {year}",
            subtitle=org_name,
            generated_at=dt.datetime.now(dt.UTC),
        )
        overview = self._overview(activities)
        org_filter = org_name if org_id is not None else None
        events_part(overview, year_events(self.timeline.events(who), year, activities, org_filter))
        report.sections.append(overview)
        for area in Area:
            section = Section(key=area.value, title=area.label_vi)
            activity_part(section, [a for a in activities if a.area is area])
            plan_part(section, [i for i in items if i.area is area], dt.date(year, 12, 31))
            if area is Area.MULTILATERAL:
                seat_part(section, seats)
            if area is Area.NGO_AID:
                self._aid(section, who, year, org_id)
            if not (section.figures or section.paragraphs or section.tables):
                section.paragraphs.append(EMPTY)
            report.sections.append(section)
        report.number_notes()
        return report

    @staticmethod
    def _overview(activities: list[Activity]) -> Section:
        section = Section(key="overview", title="Tổng quan")
        section.figures.append(
            Figure(
                "Tổng số hoạt động",
                str(len(activities)),
                _ids("activity", [a.id for a in activities]),
            )
        )
        per_area = Counter(a.area for a in activities if a.area is not None)
        if per_area:
            section.charts.append(
                BarChart(
                    "Hoạt động theo lĩnh vực",
                    [(a.label_vi, float(per_area[a])) for a in Area if per_area[a]],
                )
            )
        return section

    def _aid(self, section: Section, who: Principal, year: int, org_id: int | None) -> None:
        summaries = self.aid.year_summaries(who, year - AID_HISTORY_YEARS + 1, year, org_id=org_id)
        current = summaries[-1]
        aid_part(section, current.totals, [s.totals for s in summaries])
        if current.disbursed_change_pct is not None:
            section.figures.append(
                Figure(
                    "Giải ngân so với năm trước",
                    f"{current.disbursed_change_pct:+}%",
                    _ids("aid", current.totals.disbursement_ids),
                )
            )
        for pub in current.published:
            refs = [f"published:{pub.id}"] + (
                [f"document:{pub.source_document_id}"] if pub.source_document_id else []
            )
            change = f", {pub.change_pct:+}%" if pub.change_pct is not None else ""
            section.figures.append(
                Figure(f"{pub.label} (số công bố)", f"≈{_usd(pub.amount_usd)}{change}", refs)
            )
            if pub.quote:
                section.paragraphs.append(f"Theo văn bản nguồn: “{pub.quote}”.")

    def write(self, report: Report, fmt: str, out: Path) -> Path:
        """Write the report as DOCX or PDF."""
        if fmt not in FORMATS:
            raise InvalidInput(f"format must be one of {FORMATS}")
        return write_docx(report, out) if fmt == "docx" else write_pdf(report, out)
