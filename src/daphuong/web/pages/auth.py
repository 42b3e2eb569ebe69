"""Sign in and sign out: the session cookie, a generic error on bad credentials, CSRF on both."""

from __future__ import annotations

import logging
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel

from daphuong.errors import InvalidInput, PermissionDenied
from daphuong.services.auth import AuthService
from daphuong.web.auth import SESSION_COOKIE, auth_service
from daphuong.web.csrf import CSRF_COOKIE, verify_csrf
from daphuong.web.rendering import render

router = APIRouter(include_in_schema=False)
log = logging.getLogger(__name__)


def safe_path(target: str, default: str) -> str:
    """Only same-site paths may be redirected to (no open redirect)."""
    if target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return default


class LoginForm(BaseModel):
    """The fields of the sign-in form (the password is never logged or echoed)."""

    username: str = ""
    password: str = ""
    next: str = "/"
    csrf_token: str = ""


class LogoutForm(BaseModel):
    """The sign-out button's form."""

    csrf_token: str = ""


def _login_page(request: Request, target: str, *, failed: bool, username: str = "") -> Response:
    context = {"next": safe_path(target, "/"), "failed": failed, "username": username}
    return render(request, "auth/login.html", context, status_code=401 if failed else 200)


@router.get("/login")
def login_page(request: Request, next: str = Query("/")) -> Response:
    """The sign-in form; rendering it sets the pre-session CSRF cookie."""
    return _login_page(request, next, failed=False)


@router.post("/login")
def login(
    request: Request,
    form: Annotated[LoginForm, Form()],
    auth: AuthService = Depends(auth_service),
) -> Response:
    """Check the credentials; on success set the session cookie and go where the user was."""
    verify_csrf(request, form.csrf_token)
    try:
        token = auth.login(form.username.strip(), form.password)
    except (PermissionDenied, InvalidInput):
        # One answer for unknown user, wrong password or inactive account: nothing to probe.
        log.info("failed sign-in for %r", form.username[:64])
        return _login_page(request, form.next, failed=True, username=form.username)
    response = RedirectResponse(safe_path(form.next, "/"), status_code=303)
    secure: bool = request.app.state.services.settings.secure_cookies
    response.set_cookie(
        SESSION_COOKIE,
        token.token,
        max_age=int(auth.session_ttl.total_seconds()),
        path="/",
        httponly=True,
        samesite="lax",
        secure=secure,
    )
    # A new CSRF seed after sign-in: a token planted before login is worthless afterwards.
    response.delete_cookie(CSRF_COOKIE, path="/")
    return response


@router.post("/logout")
def logout(
    request: Request,
    form: Annotated[LogoutForm, Form()],
    auth: AuthService = Depends(auth_service),
) -> Response:
    """End the session on the server and forget the cookie."""
    verify_csrf(request, form.csrf_token)
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        auth.logout(token)
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    response.delete_cookie(CSRF_COOKIE, path="/")
    return response
