"""Coordination records: activities, plan hierarchies with indicators, multilateral seats."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from daphuong.domain.document import Visibility


class Area(StrEnum):
    """Areas of external work, the sections of the annual report."""

    BILATERAL = "bilateral"
    MULTILATERAL = "multilateral"
    INTEGRATION = "integration"
    NGO_AID = "ngo_aid"
    ADVOCACY = "advocacy"
    EXTERNAL_INFO = "external_info"
    OVERSEAS_VIETNAMESE = "overseas_vietnamese"

    @property
    def label_vi(self) -> str:
        """The Vietnamese heading used in reports and the UI."""
        return AREA_LABELS_VI[self]


AREA_LABELS_VI = {
    Area.BILATERAL: "Đối ngoại song phương",
    Area.MULTILATERAL: "Đối ngoại đa phương",
    Area.INTEGRATION: "Hội nhập quốc tế",
    Area.NGO_AID: "Viện trợ phi chính phủ nước ngoài",
    Area.ADVOCACY: "Công tác vận động",
    Area.EXTERNAL_INFO: "Thông tin đối ngoại",
    Area.OVERSEAS_VIETNAMESE: "Công tác người Việt Nam ở nước ngoài",
}


@dataclass(slots=True)
class Participant:
    """A person taking part in an activity, in a role (chủ trì, phát biểu, tham dự…)."""

    name: str
    role: str = "tham dự"
    org_name: str = ""


@dataclass(slots=True)
class Activity:
    """A structured record of a meeting, visit or other activity (CiviCRM-style event)."""

    id: int
    kind: str  # one of domain.extraction.EVENT_KINDS
    title: str
    start_date: dt.date | None
    end_date: dt.date | None = None
    place: str = ""
    area: Area | None = None
    organizer_org_id: int | None = None
    partner_org_ids: list[int] = field(default_factory=list)
    organizer_names: list[str] = field(default_factory=list)  # named in text, not registered
    mechanism: str = ""  # e.g. ASEAN, APPF, Diễn đàn nhân dân ASEAN
    topics: list[str] = field(default_factory=list)
    participants: list[Participant] = field(default_factory=list)
    outcome: str = ""
    document_ids: list[int] = field(default_factory=list)
    source_document_id: int | None = None  # set when created from an extracted event
    visibility: Visibility = Visibility.INTERNAL
    owner_org_id: int | None = None


class PlanLevel(StrEnum):
    """Levels of the plan hierarchy, from the directive down to tasks."""

    LEGAL_DOCUMENT = "legal_document"  # Chỉ thị số 25-CT/TW
    SCHEME = "scheme"  # Đề án
    PROGRAMME = "programme"  # Chương trình hành động
    ANNUAL_PLAN = "annual_plan"  # Kế hoạch năm
    TASK = "task"  # Nhiệm vụ


PLAN_LEVEL_ORDER = list(PlanLevel)


class PlanStatus(StrEnum):
    """Where a plan item stands."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"


@dataclass(slots=True)
class IndicatorValue:
    """The actual value of an indicator for one period (e.g. '2021', '2021-Q3')."""

    period: str
    actual: float
    note: str = ""


@dataclass(slots=True)
class Indicator:
    """A measurable target of a plan item (UN INFO / IATI result style)."""

    id: int
    plan_item_id: int
    name: str
    unit: str = ""
    baseline: float | None = None
    target: float | None = None
    values: list[IndicatorValue] = field(default_factory=list)


@dataclass(slots=True)
class PlanItem:
    """One node of a plan hierarchy."""

    id: int
    level: PlanLevel
    title: str
    parent_id: int | None = None
    reference: str = ""  # e.g. 25-CT/TW
    area: Area | None = None
    year: int | None = None
    lead_org_id: int | None = None  # chủ trì
    supporting_org_ids: list[int] = field(default_factory=list)  # phối hợp
    deadline: dt.date | None = None
    status: PlanStatus = PlanStatus.NOT_STARTED
    progress: float = 0.0  # 0–100, own progress; parents get a roll-up
    weight: float = 1.0
    visibility: Visibility = Visibility.INTERNAL
    owner_org_id: int | None = None


@dataclass(slots=True)
class PlanNode:
    """A plan item with its visible children and the rolled-up progress."""

    item: PlanItem
    rolled_progress: float
    children: list[PlanNode] = field(default_factory=list)


class SeatKind(StrEnum):
    """How a country or organization sits in a multilateral body."""

    MEMBERSHIP = "membership"
    CHAIRMANSHIP = "chairmanship"
    ELECTED_SEAT = "elected_seat"
    CANDIDACY = "candidacy"


class SeatStatus(StrEnum):
    """Lifecycle: intended → announced → elected → serving → ended (or withdrawn/not elected)."""

    INTENDED = "intended"
    ANNOUNCED = "announced"
    ELECTED = "elected"
    SERVING = "serving"
    ENDED = "ended"
    WITHDRAWN = "withdrawn"
    NOT_ELECTED = "not_elected"


SEAT_TRANSITIONS: dict[SeatStatus, frozenset[SeatStatus]] = {
    SeatStatus.INTENDED: frozenset({SeatStatus.ANNOUNCED, SeatStatus.WITHDRAWN}),
    SeatStatus.ANNOUNCED: frozenset(
        {SeatStatus.ELECTED, SeatStatus.WITHDRAWN, SeatStatus.NOT_ELECTED}
    ),
    SeatStatus.ELECTED: frozenset({SeatStatus.SERVING}),
    SeatStatus.SERVING: frozenset({SeatStatus.ENDED}),
    SeatStatus.ENDED: frozenset(),
    SeatStatus.WITHDRAWN: frozenset(),
    SeatStatus.NOT_ELECTED: frozenset(),
}


def seat_transition_allowed(current: SeatStatus, new: SeatStatus) -> bool:
    """Whether a seat may move from `current` to `new`."""
    return new in SEAT_TRANSITIONS[current]


@dataclass(slots=True)
class Seat:
    """A membership, chairmanship, elected seat or candidacy in a multilateral body."""

    id: int
    body: str  # Hội đồng Bảo an Liên hợp quốc, ASEAN, Hội đồng Nhân quyền…
    kind: SeatKind
    status: SeatStatus
    position: str = ""  # Ủy viên không thường trực, Chủ tịch…
    term_start: dt.date | None = None
    term_end: dt.date | None = None
    holder_org_id: int | None = None
    obligations: str = ""
    document_ids: list[int] = field(default_factory=list)
    visibility: Visibility = Visibility.PUBLIC
    owner_org_id: int | None = None
