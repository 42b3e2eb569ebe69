"""Jinja2 templates rendered with the request's language, navigation, principal and CSRF token."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import jinja2
from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal
from fastapi import Request
from fastapi.templating import Jinja2Templates
from starlette.responses import Response

from daphuong.web.csrf import CSRF_FIELD, csrf_token, set_csrf_cookie
from daphuong.web.deps import get_language, get_principal, get_translator
from daphuong.web.navigation import NAVIGATION

TEMPLATE_DIR = Path(__file__).with_name("templates")
# What a plain dict answers to getattr (its methods); anything else can only be a key.
_DICT_ATTRIBUTES = frozenset(dir(dict))


class PageEnvironment(jinja2.Environment):
    """Jinja2 with `x.key` looked up as a key first on plain dicts (page data is dicts)."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        """Jinja2's lookup, without its failed getattr on a dict: the same answer, cheaper.

        Jinja2 tries getattr first and catches AttributeError before trying the key; a person
        page looks up about 600 keys, and raising and catching each cost about a millisecond
        a page. A plain dict's attributes are exactly dir(dict), so for any other name the
        key lookup is what Jinja2 would have returned.
        """
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


templates = Jinja2Templates(
    env=PageEnvironment(
        loader=jinja2.FileSystemLoader(str(TEMPLATE_DIR)),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
)


def _date(value: dt.date | dt.datetime | None, language: str = "vi") -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return format_datetime(value, "short", locale=language)
    return format_date(value, "medium", locale=language)


def _number(value: float | int, language: str = "vi") -> str:
    return format_decimal(value, locale=language)


templates.env.filters["date"] = _date
templates.env.filters["number"] = _number


def _full_context(request: Request, context: dict[str, Any]) -> dict[str, Any]:
    language = get_language(request)
    full = {
        "_": get_translator(request),
        "lang": language,
        "nav": NAVIGATION,
        "principal": get_principal(request),
        "csrf_field": CSRF_FIELD,
        "path": request.url.path,
        **context,
    }
    if "csrf_token" not in full:  # a shared page brings its blank one: no signing for nothing
        full["csrf_token"] = csrf_token(request)
    return full


def render(
    request: Request, name: str, context: dict[str, Any], *, status_code: int = 200
) -> Response:
    """Render a page template with everything the base layout needs."""
    full = _full_context(request, context)
    response = templates.TemplateResponse(request, name, full, status_code=status_code)
    set_csrf_cookie(request, response)
    return response


def render_text(request: Request, name: str, context: dict[str, Any]) -> str:
    """The HTML render() would send, as text (the caller builds the response)."""
    return templates.get_template(name).render(_full_context(request, context))
