"""Request dependencies: the services, the calling principal, the language and `_`."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from fastapi import Request

from daphuong.domain.access import Principal
from daphuong.services.cached_search import CachedSearchService
from daphuong.services.catalog import CatalogService
from daphuong.services.container import Services
from daphuong.services.graph import GraphService
from daphuong.services.hooks import EntityIndexHook
from daphuong.services.profiles import ProfileService
from daphuong.services.read_cache import ReadCache
from daphuong.services.review import ReviewService
from daphuong.services.search import SearchService
from daphuong.services.timeline import TimelineService
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


def get_read_cache(request: Request) -> ReadCache:
    """The app's cache of page data (emptied by any committed write)."""
    cache: ReadCache = request.app.state.read_cache
    return cache


async def get_catalog(request: Request) -> CatalogService:
    """The document catalogue service."""
    factory: Callable[[Services, ReadCache], CatalogService] = request.app.state.catalog_factory
    service = _cached(request, "catalog", lambda s: factory(s, get_read_cache(request)))
    assert isinstance(service, CatalogService)
    return service


# The getters of page services are async: FastAPI runs a sync dependency on a worker thread, a
# hop (and a GIL hand-over) per dependency per request for what is a dictionary lookup.


def _cached(request: Request, name: str, build: Callable[[Services], object]) -> object:
    """One instance per app of a service that is costly to build (gazetteers, indexes)."""
    cache: dict[str, object] = request.app.state.service_cache
    if name not in cache:
        cache[name] = build(get_services(request))
    return cache[name]


async def get_profiles(request: Request) -> ProfileService:
    """Entity pages."""
    service = _cached(
        request, "profiles", lambda s: ProfileService(s.db, cache=get_read_cache(request))
    )
    assert isinstance(service, ProfileService)
    return service


def get_timeline(request: Request) -> TimelineService:
    """The events timeline."""
    return TimelineService(get_services(request).db)


def get_graph(request: Request) -> GraphService:
    """The relationship graph."""
    return GraphService(get_services(request).db)


async def get_search(request: Request) -> SearchService:
    """Document search and entity quick-find."""
    service = _cached(
        request, "search", lambda s: CachedSearchService(s.db, get_read_cache(request))
    )
    assert isinstance(service, SearchService)
    return service


def get_review(request: Request) -> ReviewService:
    """Confirm and reject proposals; entity index hooks keep quick-find in step."""

    def build(services: Services) -> ReviewService:
        # The protocol is not runtime-checkable: pick hooks by the method it needs.
        index = [cast(EntityIndexHook, h) for h in services.hooks if hasattr(h, "upsert_entity")]
        return ReviewService(services.db, index_hooks=index)

    service = _cached(request, "review", build)
    assert isinstance(service, ReviewService)
    return service
