"""Hand-built Vietnamese documents and extractions for registry tests (no shared texts)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from daphuong.domain.document import RawDocument, Visibility
from daphuong.domain.extraction import (
    EntityType,
    ExtractedEntity,
    ExtractedEvent,
    ExtractedRole,
    ExtractionResult,
    Span,
)
from daphuong.pipeline.context import DocContext
from daphuong.services.hooks import EntityIndexHook
from daphuong.services.org_gazetteer import OrgGazetteer
from daphuong.services.registry import RegistryHook
from daphuong.store.documents import DocumentRepository, NewDocument
from daphuong.store.engine import Database

GAZETTEER_TSV = (
    "name\taliases\tkind\tparent\tnote\n"
    "# comment lines and short rows are tolerated\n"
    "Liên hợp quốc\tLHQ|UN|Liên Hiệp Quốc\tinternational\t\t\n"
    "Ban Đối ngoại Trung ương\tBan Đối ngoại Trung ương Đảng\tparty\n"
    "Bộ Văn hóa - Thông tin\t\tministry\t\t"
    "successor=Bộ Văn hóa, Thể thao và Du lịch;from=2007-08-12\n"
    "Bộ Văn hóa, Thể thao và Du lịch\tBộ VHTTDL\tministry\t\t\n"
)

TEXT_A = (
    "Ngày 4/11/2020, Bộ Ngoại giao tổ chức Tọa đàm “Đối ngoại đa phương Việt Nam 75 năm”. "
    "Thứ trưởng Bộ Ngoại giao Lê Hoài Trung chủ trì tọa đàm. Đại sứ Lê Lương Minh, nguyên "
    "Tổng Thư ký Hiệp hội các quốc gia Đông Nam Á (ASEAN), nói về Liên hợp quốc."
)
TEXT_B = (
    "Ngày 12/4/2022, Ban Đối ngoại Trung ương tổ chức Hội nghị triển khai nhiệm vụ đối ngoại "
    "nhân dân năm 2022. Ông Lê Hoài Trung, Trưởng ban Đối ngoại Trung ương điều hành hội nghị. "
    "Đại diện LHQ và ASEAN dự hội nghị."
)
TEXT_C = (
    "(Thời sự) - Chiều 4/11, Bộ Ngoại giao tổ chức tọa đàm Đối ngoại đa phương Việt Nam 75 năm "
    "do Thứ trưởng Lê Hoài Trung chủ trì, có Bộ Ngoại giao cùng các cơ quan tham dự."
)


def spans(text: str, form: str) -> list[Span]:
    """Every occurrence of `form` in `text` as spans."""
    out, start = [], text.find(form)
    while start >= 0:
        out.append(Span(start, start + len(form)))
        start = text.find(form, start + len(form))
    return out


@dataclass
class Doc:
    """A test document: key, text, date, and what the extractor says about it."""

    key: str
    text: str
    published: dt.date | None = None
    entities: list[tuple[EntityType, str]] = field(default_factory=list)
    roles: list[ExtractedRole] = field(default_factory=list)
    events: list[ExtractedEvent] = field(default_factory=list)
    visibility: Visibility = Visibility.PUBLIC
    owner_org_id: int | None = None

    def extraction(self) -> ExtractionResult:
        """The extraction with mention spans found in the text."""
        entities = [ExtractedEntity(t, s, mentions=spans(self.text, s)) for t, s in self.entities]
        for role in self.roles:
            role.mentions = role.mentions or spans(self.text, role.person)
        return ExtractionResult(self.key, entities, self.roles, self.events)


def role(
    person: str, title: str, org: str = "", *, former: bool = False, acting: bool = False
) -> ExtractedRole:
    """A role as the extractor gives it."""
    return ExtractedRole(person, title, org, former=former, acting=acting)


P, ORG, E = EntityType.PERSON, EntityType.ORG, EntityType.EVENT


def doc_a() -> Doc:
    """Seminar at the Foreign Ministry, 2020: a deputy minister chairs; ASEAN is defined."""
    name = "Đối ngoại đa phương Việt Nam 75 năm"
    return Doc(
        "doc-a",
        TEXT_A,
        dt.date(2020, 11, 4),
        entities=[
            (ORG, "Bộ Ngoại giao"),
            (P, "Lê Hoài Trung"),
            (P, "Lê Lương Minh"),
            (ORG, "Hiệp hội các quốc gia Đông Nam Á"),
            (ORG, "ASEAN"),
            (ORG, "Liên hợp quốc"),
            (E, name),
        ],
        roles=[
            role("Lê Hoài Trung", "Thứ trưởng", "Bộ Ngoại giao"),
            role("Lê Lương Minh", "Đại sứ"),
            role("Lê Lương Minh", "Tổng Thư ký", "Hiệp hội các quốc gia Đông Nam Á", former=True),
        ],
        events=[
            ExtractedEvent(
                "tọa đàm",
                name,
                "2020-11-04",
                ["Bộ Ngoại giao"],
                ["Lê Hoài Trung"],
                spans(TEXT_A, "Tọa đàm"),
            )
        ],
    )


def doc_b() -> Doc:
    """Party conference, 2022: the same person now heads the Party's external relations."""
    name = "Hội nghị triển khai nhiệm vụ đối ngoại nhân dân năm 2022"
    return Doc(
        "doc-b",
        TEXT_B,
        dt.date(2024, 4, 13),
        entities=[
            (ORG, "Ban Đối ngoại Trung ương"),
            (P, "Lê Hoài Trung"),
            (ORG, "LHQ"),
            (ORG, "ASEAN"),
            (E, name),
        ],
        roles=[role("Lê Hoài Trung", "Trưởng ban", "Ban Đối ngoại Trung ương")],
        events=[
            ExtractedEvent(
                "hội nghị",
                name,
                "2022-04-12",
                ["Ban Đối ngoại Trung ương"],
                ["Lê Hoài Trung"],
                spans(TEXT_B, "Hội nghị"),
            )
        ],
    )


def doc_c() -> Doc:
    """Another outlet's report of doc A's seminar (year unknown, lower-case name)."""
    name = "Đối ngoại đa phương Việt Nam 75 năm"
    return Doc(
        "doc-c",
        TEXT_C,
        None,
        entities=[(ORG, "Bộ Ngoại giao"), (P, "Lê Hoài Trung")],
        roles=[role("Lê Hoài Trung", "Thứ trưởng")],
        events=[
            ExtractedEvent(
                "tọa đàm",
                name,
                "--11-04",
                ["Bộ Ngoại giao"],
                ["Lê Hoài Trung"],
                spans(TEXT_C, "tọa đàm"),
            )
        ],
    )


def gazetteer(tmp: Path) -> OrgGazetteer:
    """The test gazetteer written to a file and read back tolerantly."""
    path = tmp / "orgs.tsv"
    path.write_text(GAZETTEER_TSV, encoding="utf-8")
    return OrgGazetteer.load(path)


def store(db: Database, doc: Doc) -> int:
    """Store a document version (no pipeline) and return its id."""
    with db.transaction() as s:
        repo = DocumentRepository(s)
        previous = repo.by_key(doc.key)
        published = dt.datetime.combine(doc.published, dt.time(), dt.UTC) if doc.published else None
        row = repo.add(
            NewDocument(
                key=doc.key,
                source=f"{doc.key}.txt",
                content_hash=f"{doc.key}-{hash(doc.text)}",
                media_type="text/plain",
                encoding="utf-8",
                title=None,
                outlet=None,
                url=None,
                published=published,
                original_text=doc.text,
                normalized_text=doc.text,
                offsets_json="[[0, 0]]",
                clutter=[],
                visibility=doc.visibility,
                owner_org_id=doc.owner_org_id,
            ),
            supersedes=previous,
        )
        return row.id


def extract(
    db: Database,
    doc: Doc,
    gaz: OrgGazetteer,
    *,
    version: str = "1",
    index: list[EntityIndexHook] | None = None,
    doc_id: int | None = None,
) -> int:
    """Store (unless given) and run the registry hook as ingestion would; returns the doc id."""
    doc_id = doc_id if doc_id is not None else store(db, doc)
    hook = RegistryHook(gaz, index or [])
    with db.transaction() as s:
        row = DocumentRepository(s).get(doc_id)
        assert row is not None
        raw = RawDocument(doc.text, row.source, "text/plain")
        ctx = DocContext(key=doc.key, raw=raw, extraction=doc.extraction())
        ctx.stage_versions["extract"] = version
        hook.on_stored(s, row, ctx)
    return doc_id


class _DeadlockOrig(Exception):
    """What psycopg raises for a deadlock victim: an error carrying SQLSTATE 40P01."""

    sqlstate = "40P01"


class DeadlockOnce:
    """A quick-find hook whose first call aborts the transaction as PostgreSQL's deadlock victim."""

    def __init__(self) -> None:
        self.calls = 0

    def _call(self) -> None:
        self.calls += 1
        if self.calls == 1:
            raise DBAPIError("UPDATE registry_fact_counts", {}, _DeadlockOrig())

    def upsert_entity(
        self, session: Session, entity_id: int, entity_type: str, names: list[str]
    ) -> None:
        """Fail the first time, then accept."""
        self._call()

    def delete_entity(self, session: Session, entity_id: int) -> None:
        """Fail the first time, then accept."""
        self._call()
