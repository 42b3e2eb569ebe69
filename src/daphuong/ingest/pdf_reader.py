"""Read the text layer of PDF files with pypdf."""

from __future__ import annotations

import io
import logging

from pypdf import PdfReader
from pypdf.errors import DependencyError, PdfReadError

from daphuong.domain.document import RawDocument
from daphuong.errors import IngestError

MEDIA_TYPE = "application/pdf"
NO_TEXT = "PDF has no text layer (scanned?); OCR is not supported"
# pypdf warns about every recoverable defect; the reader reports what matters.
logging.getLogger("pypdf").setLevel(logging.ERROR)


def read_pdf(data: bytes, source: str) -> RawDocument:
    """Text of every page, pages separated by a blank line; IngestError when unreadable."""
    try:
        reader = PdfReader(io.BytesIO(data))
        _unlock(reader, source)
        pages = [page.extract_text() or "" for page in reader.pages]
        title = reader.metadata.title if reader.metadata else None
    except IngestError:
        raise
    except Exception as exc:  # pypdf raises PdfReadError, ValueError, KeyError on bad files
        raise IngestError(source, f"corrupt PDF: {type(exc).__name__}: {exc}") from exc
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    if not text:
        raise IngestError(source, NO_TEXT)
    return RawDocument(
        original_text=text,
        source=source,
        media_type=MEDIA_TYPE,
        encoding="utf-8",
        title=str(title).strip() or None if title else None,
    )


def _unlock(reader: PdfReader, source: str) -> None:
    """Open an encrypted PDF with the empty password, as viewers do; else refuse it."""
    if not reader.is_encrypted:
        return
    try:
        ok = reader.decrypt("")
    except DependencyError as exc:
        raise IngestError(source, f"encrypted PDF needs a missing library: {exc}") from exc
    except PdfReadError as exc:
        raise IngestError(source, f"password-protected PDF ({exc})") from exc
    if not ok:
        raise IngestError(source, "password-protected PDF")
