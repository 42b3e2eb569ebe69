"""Uploads from the browser or API: several files, each stored or refused on its own."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from daphuong.domain.access import Principal, Role
from daphuong.domain.document import Visibility
from daphuong.errors import DaphuongError, IngestError, InvalidInput, PermissionDenied
from daphuong.ingest.readers import read_bytes
from daphuong.services.ingestion import IngestionService
from daphuong.store.documents import DocumentRepository
from daphuong.store.engine import Database

MAX_FILES = 50
UPLOAD_ROLES = frozenset({Role.ADMIN, Role.COORDINATOR, Role.EDITOR})


@dataclass(frozen=True, slots=True)
class UploadedFile:
    """One file as received: its name, declared type and bytes."""

    filename: str
    content_type: str | None
    data: bytes


@dataclass(frozen=True, slots=True)
class UploadResult:
    """What happened to one uploaded file."""

    filename: str
    outcome: str  # ingested | new_version | unchanged | failed
    key: str | None = None
    document_id: int | None = None
    error: str | None = None

    def to_json(self) -> dict[str, object]:
        """The JSON form returned by the API."""
        return {
            "filename": self.filename,
            "outcome": self.outcome,
            "key": self.key,
            "document_id": self.document_id,
            "error": self.error,
        }


def _type_hint(upload: UploadedFile) -> str | None:
    """The declared type only when the name says nothing (browsers send octet-stream freely)."""
    if "." in upload.filename.rsplit("/", 1)[-1]:
        return None
    if upload.content_type in (None, "", "application/octet-stream"):
        return None
    return upload.content_type


def may_upload(who: Principal) -> bool:
    """Editors, coordinators, admins and the local operator may add documents."""
    return who.sees_everything or who.role in UPLOAD_ROLES


class UploadService:
    """Ingests uploaded files one by one; a bad file never stops the others."""

    def __init__(self, db: Database, ingestion: IngestionService) -> None:
        self.db = db
        self.ingestion = ingestion

    def upload(
        self,
        who: Principal,
        files: Sequence[UploadedFile],
        visibility: Visibility = Visibility.PUBLIC,
    ) -> list[UploadResult]:
        """Store every file it can and report each file's outcome."""
        if not may_upload(who):
            raise PermissionDenied("uploading documents needs an editor account")
        if not files:
            raise InvalidInput("no file was sent")
        if len(files) > MAX_FILES:
            raise InvalidInput(f"at most {MAX_FILES} files at once")
        return [self._one(who, f, visibility) for f in files]

    def _one(self, who: Principal, upload: UploadedFile, visibility: Visibility) -> UploadResult:
        name = upload.filename or "upload"
        try:
            raw = read_bytes(
                upload.data,
                name,
                _type_hint(upload),
                max_bytes=self.ingestion.max_file_bytes,
            )
            outcome, key = self.ingestion.store(raw, visibility=visibility, owner_org_id=who.org_id)
        except DaphuongError as exc:
            reason = exc.reason if isinstance(exc, IngestError) else exc.message
            return UploadResult(name, "failed", error=reason)
        with self.db.reader() as session:
            row = DocumentRepository(session).by_key(key)
            doc_id = row.id if row is not None else None
        return UploadResult(name, outcome.value, key=key, document_id=doc_id)
