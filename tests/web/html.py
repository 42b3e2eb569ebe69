"""Parse HTML responses with lxml for assertions on structure, not on strings."""

from __future__ import annotations

import re

import lxml.html
from httpx import Response
from lxml.html import HtmlElement

CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')


def parse(response: Response) -> HtmlElement:
    """The response body as an lxml document (asserting it is HTML)."""
    assert response.headers["content-type"].startswith("text/html"), response.text[:200]
    return lxml.html.fromstring(response.text)


def texts(doc: HtmlElement, xpath: str) -> list[str]:
    """Whitespace-normalized text of every element matching `xpath`."""
    return [" ".join(e.text_content().split()) for e in doc.xpath(xpath)]


def csrf_from(response: Response) -> str:
    """The CSRF token embedded in a rendered form."""
    match = CSRF_RE.search(response.text)
    assert match is not None, "no CSRF field in the page"
    return match.group(1)
