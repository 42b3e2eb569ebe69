"""ASGI middleware: a strict Content-Security-Policy and the request's language."""

from __future__ import annotations

from http.cookies import CookieError, SimpleCookie
from urllib.parse import parse_qs

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from daphuong.web.i18n import pick_language

LANGUAGE_COOKIE = "lang"
# No inline scripts or styles anywhere: every script and stylesheet is a static file.
CSP = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
SECURITY_HEADERS = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
)


def _cookie_language(scope: Scope) -> str | None:
    for name, value in scope.get("headers", ()):
        if name == b"cookie":
            cookie: SimpleCookie = SimpleCookie()
            try:
                cookie.load(value.decode("latin-1"))
            except CookieError:  # a malformed cookie header must not fail the page
                return None
            morsel = cookie.get(LANGUAGE_COOKIE)
            return morsel.value if morsel else None
    return None


class WebMiddleware:
    """Sets request.state.language (?lang= wins, then the cookie) and security headers."""

    def __init__(self, app: ASGIApp, *, secure_cookies: bool = False) -> None:
        self.app = app
        self.secure_cookies = secure_cookies

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Handle one HTTP request; other scopes pass through."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        asked = query.get("lang", [None])[0]
        language = pick_language(asked or _cookie_language(scope))
        scope.setdefault("state", {})["language"] = language
        extra = list(SECURITY_HEADERS)
        if asked:
            extra.append((b"set-cookie", self._cookie(language)))

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)

    def _cookie(self, language: str) -> bytes:
        attrs = f"{LANGUAGE_COOKIE}={language}; Path=/; Max-Age=31536000; SameSite=Lax"
        if self.secure_cookies:
            attrs += "; Secure"
        return attrs.encode()
