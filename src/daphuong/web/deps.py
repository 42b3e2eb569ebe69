"""Request dependencies: the services, the calling principal, the language and `_`."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import Request

from daphuong.domain.access import Principal
from daphuong.services.catalog import CatalogService
from daphuong.services.container import Services
from daphuong.web.i18n import DEFAULT_LANGUAGE, Translator, gettext_for

# Turns a request into the caller; the auth service replaces the anonymous default.
PrincipalResolver = Callable[[Request], Principal]


def anonymous_resolver(_request: Request) -> Principal:
    """Everyone is anonymous (public records only) until an auth resolver is installed."""
    return Principal.anonymous()


def get_services(request: Request) -> Services:
    """The Services the app was created with."""
    services: Services = request.app.state.services
    return services


def get_principal(request: Request) -> Principal:
    """Who is calling, resolved once per request by the installed resolver."""
    cached = getattr(request.state, "principal", None)
    if isinstance(cached, Principal):
        return cached
    resolver: PrincipalResolver = request.app.state.resolve_principal
    principal = resolver(request)
    request.state.principal = principal
    return principal


def get_language(request: Request) -> str:
    """The language chosen by the language middleware (Vietnamese by default)."""
    language = getattr(request.state, "language", DEFAULT_LANGUAGE)
    return str(language)


def get_translator(request: Request) -> Translator:
    """The `_` callable for the request's language."""
    return gettext_for(get_language(request))


def get_catalog(request: Request) -> CatalogService:
    """The document catalogue service."""
    factory: Callable[[Services], CatalogService] = request.app.state.catalog_factory
    return factory(get_services(request))
