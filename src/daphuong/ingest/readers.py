"""Read a file or uploaded bytes into a RawDocument, choosing the reader by extension or content."""

from __future__ import annotations

import zipfile
from io import BytesIO
from pathlib import Path

from daphuong.domain.document import RawDocument
from daphuong.errors import IngestError
from daphuong.ingest.clean import guess_title
from daphuong.ingest.decode import decode_bytes
from daphuong.ingest.docx_reader import OLE_MAGIC, read_docx
from daphuong.ingest.html_reader import read_html
from daphuong.ingest.pdf_reader import read_pdf

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
_KIND_BY_SUFFIX = {
    ".txt": "text",
    ".md": "markdown",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".pdf": "pdf",
}
SUPPORTED_SUFFIXES = frozenset(_KIND_BY_SUFFIX)
_KIND_BY_MEDIA_TYPE = {
    "text/plain": "text",
    "text/markdown": "markdown",
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
}
_TEXT_MEDIA = {"text": "text/plain", "markdown": "text/markdown"}


def read_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> RawDocument:
    """Read one file of a supported type; every failure is an IngestError naming the path."""
    source = str(path)
    kind = _KIND_BY_SUFFIX.get(path.suffix.lower())
    if kind is None:
        supported = ", ".join(sorted(SUPPORTED_SUFFIXES))
        raise IngestError(source, f"unsupported file type {path.suffix!r} (supported: {supported})")
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise IngestError(source, "is a folder, not a file")
        _check_size(size, source, max_bytes)
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise IngestError(source, "file not found") from exc
    except PermissionError as exc:
        raise IngestError(source, "permission denied") from exc
    except OSError as exc:
        raise IngestError(source, f"cannot read file: {exc.strerror or exc}") from exc
    return _read(data, source, kind)


def read_bytes(
    data: bytes,
    source: str,
    media_type_hint: str | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> RawDocument:
    """Read uploaded or piped bytes; the type comes from the hint, the name, or the content."""
    _check_size(len(data), source, max_bytes)
    return _read(data, source, _kind_of(data, source, media_type_hint))


def _check_size(size: int, source: str, max_bytes: int) -> None:
    """Refuse empty files and files over the limit before reading them."""
    if size == 0:
        raise IngestError(source, "empty file")
    if size > max_bytes:
        raise IngestError(source, f"file is {size} bytes, over the limit of {max_bytes}")


def _kind_of(data: bytes, source: str, hint: str | None) -> str:
    """Reader kind from a media type or suffix hint, the source name, else sniffed content."""
    if hint:
        key = hint.split(";")[0].strip().lower()
        kind = _KIND_BY_MEDIA_TYPE.get(key) or _KIND_BY_SUFFIX.get(
            key if key.startswith(".") else f".{key}"
        )
        if kind is None:
            raise IngestError(source, f"unsupported media type {hint!r}")
        return kind
    suffix_kind = _KIND_BY_SUFFIX.get(Path(source).suffix.lower())
    return suffix_kind or _sniff(data)


def _sniff(data: bytes) -> str:
    """Guess the kind from magic bytes and markup at the start."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(OLE_MAGIC):
        return "docx"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(BytesIO(data)) as archive:
                if "word/document.xml" in archive.namelist():
                    return "docx"
        except zipfile.BadZipFile:
            pass
    head = data[:1024].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head:
        return "html"
    return "text"


def _read(data: bytes, source: str, kind: str) -> RawDocument:
    """Dispatch to the reader for the kind."""
    if not data:
        raise IngestError(source, "empty file")
    if kind == "pdf":
        return read_pdf(data, source)
    if kind == "docx":
        return read_docx(data, source)
    text, encoding = decode_bytes(data, source)
    if kind == "html":
        return read_html(text, source, encoding)
    if not text.strip():
        raise IngestError(source, "file has only whitespace")
    return RawDocument(
        original_text=text,
        source=source,
        media_type=_TEXT_MEDIA[kind],
        encoding=encoding,
        title=guess_title(text),
    )
