"""Whole pages for anonymous visitors, kept until the next committed write."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from starlette.responses import Response

from daphuong.domain.access import Principal
from daphuong.services.read_cache import ReadCache
from daphuong.web.csrf import csrf_seed, set_csrf_cookie
from daphuong.web.deps import get_language
from daphuong.web.rendering import render, render_text

ANONYMOUS = Principal.anonymous()
# Rendered pages are small (5-25 kB of HTML): keep more of them than of page data.
PAGES_PER_ENTRY = 4


def page_cache_for(data_cache: ReadCache) -> ReadCache:
    """A cache of rendered pages invalidated together with the page data."""
    return ReadCache(data_cache.version, data_cache.max_entries * PAGES_PER_ENTRY)


def cached_page(
    request: Request, who: Principal, name: str, context: Callable[[], dict[str, Any]]
) -> Response:
    """Render `name`; an anonymous visitor gets the page already rendered for the same URL.

    Every anonymous visitor is the same principal, and a page rendered for one carries nothing
    of the request beyond its URL and language (anonymous visitors get no forms that post, and
    the CSRF token is blanked), so the HTML is shared. Signed-in callers get their page
    rendered each time (navigation, name, review forms), from the page data cache.
    """
    if who != ANONYMOUS:
        return render(request, name, context())
    cache: ReadCache = request.app.state.page_cache
    key = ("page", name, request.url.path, request.url.query, get_language(request))
    # No token goes into a shared page: a form that posts would fail closed, not leak one.
    body = cache.get(key, who, lambda: render_text(request, name, {**context(), "csrf_token": ""}))
    response = HTMLResponse(body)
    csrf_seed(request)  # as render() does: a browser without the cookie gets its seed
    set_csrf_cookie(request, response)
    return response
