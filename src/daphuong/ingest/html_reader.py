"""Extract the main text and metadata of a news page with trafilatura."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

import trafilatura

from daphuong.domain.document import RawDocument
from daphuong.errors import IngestError
from daphuong.ingest.dateline import date_from_metadata

MEDIA_TYPE = "text/html"
# trafilatura logs every page it finds too short; the reader reports that itself.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


def read_html(html: str, source: str, encoding: str) -> RawDocument:
    """Main text (title first) plus title, date, outlet and URL; IngestError when none found."""
    doc = _extract(html, source)
    body = (getattr(doc, "text", None) or "").strip()
    if not body:
        body = _fallback_text(html, source)
    title = _clean(getattr(doc, "title", None))
    text = body if not title or body.startswith(title) else f"{title}\n\n{body}"
    return RawDocument(
        original_text=text,
        source=source,
        media_type=MEDIA_TYPE,
        encoding=encoding,
        title=title,
        outlet=_clean(getattr(doc, "sitename", None)),
        url=_clean(getattr(doc, "url", None)),
        published=date_from_metadata(_clean(getattr(doc, "date", None))),
    )


def _extract(html: str, source: str) -> Any:
    """Run trafilatura's extraction with metadata; its failures become IngestError."""
    try:
        return trafilatura.bare_extraction(
            html,
            include_comments=False,
            include_tables=True,
            with_metadata=True,
            favor_precision=True,
            date_extraction_params={
                "original_date": True,
                "extensive_search": True,
                "outputformat": "%Y-%m-%dT%H:%M:%S%z",
                "max_date": (dt.date.today() + dt.timedelta(days=1)).isoformat(),
            },
        )
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        raise IngestError(source, f"cannot parse HTML: {exc}") from exc


def _fallback_text(html: str, source: str) -> str:
    """Retry favouring recall, then plain text of the page; else there is no main text."""
    try:
        text = trafilatura.extract(html, include_comments=False, favor_recall=True)
        text = text or trafilatura.html2txt(html)
    except Exception as exc:  # same as above: wrap whatever the parser raises
        raise IngestError(source, f"cannot parse HTML: {exc}") from exc
    text = (text or "").strip()
    if not text:
        raise IngestError(source, "no main text found in HTML")
    return text


def _clean(value: object) -> str | None:
    """A stripped non-empty string, or None."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    return value or None
