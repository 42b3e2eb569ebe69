"""Errors as problem+json (RFC 9457) with the stable `code` of daphuong.errors, or as a page."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from daphuong.errors import DaphuongError, InvalidInput, NotFound, PermissionDenied

PROBLEM_TYPE = "application/problem+json"
log = logging.getLogger(__name__)

# Stable codes for HTTP errors that do not come from our own exceptions.
_HTTP_CODES = {
    400: InvalidInput.code,
    401: "unauthenticated",
    403: PermissionDenied.code,
    404: NotFound.code,
    405: "method_not_allowed",
    413: "too_large",
    415: "unsupported_media_type",
}


def problem(status: int, code: str, detail: str, request: Request, **extra: Any) -> dict[str, Any]:
    """The problem+json body for one error."""
    body: dict[str, Any] = {
        "type": f"/api/v1/problems/{code}",
        "title": code.replace("_", " "),
        "status": status,
        "detail": detail,
        "code": code,
        "instance": request.url.path,
    }
    body.update(extra)
    return body


def wants_html(request: Request) -> bool:
    """Pages get an HTML error; /api/ and clients not asking for HTML get problem+json."""
    if request.url.path.startswith("/api/"):
        return False
    return "text/html" in request.headers.get("accept", "")


def _respond(request: Request, status: int, code: str, detail: str, **extra: Any) -> Response:
    if wants_html(request):
        from daphuong.web.rendering import render

        context = {"status": status, "code": code, "detail": detail}
        return render(request, "error.html", context, status_code=status)
    return JSONResponse(
        problem(status, code, detail, request, **extra), status_code=status, media_type=PROBLEM_TYPE
    )


async def on_daphuong_error(request: Request, exc: Exception) -> Response:
    """Our own errors carry their status and code."""
    assert isinstance(exc, DaphuongError)
    return _respond(request, exc.http_status, exc.code, exc.message)


async def on_validation_error(request: Request, exc: Exception) -> Response:
    """Malformed parameters or bodies: 400 invalid_input with the field errors."""
    assert isinstance(exc, RequestValidationError)
    errors = [
        {"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg", ""))}
        for e in exc.errors()
    ]
    return _respond(request, 400, InvalidInput.code, "request is not valid", errors=errors)


async def on_http_error(request: Request, exc: Exception) -> Response:
    """Framework errors (unknown route, wrong method) with a stable code."""
    assert isinstance(exc, HTTPException)
    code = _HTTP_CODES.get(exc.status_code, "http_error")
    return _respond(request, exc.status_code, code, str(exc.detail))


async def on_unexpected(request: Request, exc: Exception) -> Response:
    """Anything else is a bug: log it, tell the client no more than that."""
    log.exception("unhandled error on %s", request.url.path, exc_info=exc)
    return _respond(request, 500, "internal_error", "internal error")


def install(app: FastAPI) -> None:
    """Register the handlers on the app."""
    app.add_exception_handler(DaphuongError, on_daphuong_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(HTTPException, on_http_error)
    app.add_exception_handler(Exception, on_unexpected)
