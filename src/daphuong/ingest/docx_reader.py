"""Read Word .docx files: paragraphs and table cells in document order."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

import docx
from docx.document import Document as DocxDocument
from docx.table import Table
from docx.text.paragraph import Paragraph

from daphuong.domain.document import RawDocument
from daphuong.errors import IngestError

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def read_docx(data: bytes, source: str) -> RawDocument:
    """Text of a .docx (one line per paragraph or table row); IngestError when unreadable."""
    if data.startswith(OLE_MAGIC):
        raise IngestError(
            source, "password-protected .docx or old binary .doc (OLE file); save it as .docx"
        )
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise IngestError(source, "corrupt .docx (not a zip archive)")
    try:
        document = docx.Document(io.BytesIO(data))
        lines = list(_lines(document))
        title = document.core_properties.title or None
    except Exception as exc:  # python-docx raises KeyError, ValueError, lxml errors...
        raise IngestError(source, f"corrupt .docx: {type(exc).__name__}: {exc}") from exc
    text = "\n".join(lines).strip()
    if not text:
        raise IngestError(source, "no text in .docx")
    return RawDocument(
        original_text=text, source=source, media_type=MEDIA_TYPE, encoding="utf-8", title=title
    )


def _lines(document: DocxDocument) -> Iterator[str]:
    """Paragraph texts and table rows (cells joined by tabs) in body order."""
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            yield block.text
        elif isinstance(block, Table):
            yield from _table_lines(block)


def _table_lines(table: Table) -> Iterator[str]:
    """One line per row; merged cells repeated by python-docx are kept once."""
    for row in table.rows:
        seen: list[Any] = []
        cells = []
        for cell in row.cells:
            if any(cell._tc is s for s in seen):
                continue
            seen.append(cell._tc)
            cells.append(cell.text.strip())
        yield "\t".join(cells)
