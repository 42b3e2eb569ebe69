"""Resolve the caller from an API token (Authorization: Bearer) or a session cookie."""

from __future__ import annotations

from fastapi import Request

from daphuong.domain.access import Principal
from daphuong.services.auth import AuthService
from daphuong.web.csrf import verify_csrf

SESSION_COOKIE = "session"


def auth_service(request: Request) -> AuthService:
    """One AuthService per app, keyed by the services' secret."""
    cache: dict[str, object] = request.app.state.service_cache
    service = cache.get("auth")
    if not isinstance(service, AuthService):
        services = request.app.state.services
        service = AuthService(services.db, services.settings.secret_key)
        cache["auth"] = service
    return service


SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def session_resolver(request: Request) -> Principal:
    """A bearer token must be valid (403 otherwise); a missing or stale session is anonymous."""
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return auth_service(request).principal_for_api_token(token.strip())
    principal = auth_service(request).principal_for_session(request.cookies.get(SESSION_COOKIE))
    # A browser sends the cookie on its own; a state-changing API call riding on it must
    # also carry the X-CSRF-Token header (HTML forms check their own token field).
    if (
        principal.user_id is not None
        and request.method not in SAFE_METHODS
        and request.url.path.startswith("/api/")
    ):
        verify_csrf(request, None)
    return principal
