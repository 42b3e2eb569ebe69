"""CSRF protection for forms: a random cookie plus an HMAC-signed copy in the form or header."""

from __future__ import annotations

import hmac
import secrets

from fastapi import Request, Response
from itsdangerous import BadSignature, URLSafeSerializer

from daphuong.errors import PermissionDenied

CSRF_COOKIE = "csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"


def _serializer(request: Request) -> URLSafeSerializer:
    secret: str = request.app.state.services.settings.secret_key
    return URLSafeSerializer(secret, salt="daphuong-csrf")


def csrf_seed(request: Request) -> str:
    """The per-browser random value, from the cookie or freshly made for this response."""
    seed = request.cookies.get(CSRF_COOKIE) or getattr(request.state, "csrf_seed", None)
    if not seed:
        seed = secrets.token_urlsafe(24)
        request.state.csrf_seed = seed
    return str(seed)


def csrf_token(request: Request) -> str:
    """The token to embed in forms rendered for this request."""
    return str(_serializer(request).dumps(csrf_seed(request)))


def set_csrf_cookie(request: Request, response: Response) -> None:
    """Persist a freshly made seed (only when the browser had none)."""
    seed = getattr(request.state, "csrf_seed", None)
    if seed and not request.cookies.get(CSRF_COOKIE):
        secure: bool = request.app.state.services.settings.secure_cookies
        response.set_cookie(CSRF_COOKIE, seed, httponly=True, samesite="strict", secure=secure)


def verify_csrf(request: Request, submitted: str | None) -> None:
    """Refuse a state-changing form whose token does not match the browser's cookie."""
    seed = request.cookies.get(CSRF_COOKIE)
    token = submitted or request.headers.get(CSRF_HEADER)
    if not seed or not token:
        raise PermissionDenied("missing CSRF token")
    try:
        expected = _serializer(request).loads(token)
    except BadSignature as exc:
        raise PermissionDenied("invalid CSRF token") from exc
    if not hmac.compare_digest(str(expected), seed):
        raise PermissionDenied("CSRF token does not match this browser")
