"""Create the FastAPI app: middleware, error handlers, static files and every router."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from daphuong.services.catalog import CatalogService
from daphuong.services.catalog_facts import registry_highlights
from daphuong.services.container import Services
from daphuong.services.read_cache import ReadCache
from daphuong.web import errors
from daphuong.web.auth import session_resolver
from daphuong.web.deps import PrincipalResolver
from daphuong.web.middleware import WebMiddleware
from daphuong.web.page_cache import page_cache_for
from daphuong.web.routes import ROUTERS

STATIC_DIR = Path(__file__).with_name("static")
API_DESCRIPTION = (
    "JSON API of daphuong. Every error is `application/problem+json` with a stable `code` "
    "(invalid_input, not_found, permission_denied, conflict, ingest_failed, internal_error). "
    "Lists take `limit` (1-200) and `offset` and return `total`."
)


def default_catalog(services: Services, cache: ReadCache) -> CatalogService:
    """The document catalogue, marking entities from the registry's statements."""
    return CatalogService(services.db, registry_highlights, cache)


def create_app(
    services: Services,
    *,
    resolve_principal: PrincipalResolver = session_resolver,
    catalog_factory: Callable[[Services, ReadCache], CatalogService] = default_catalog,
) -> FastAPI:
    """The web app and JSON API over one set of services."""
    app = FastAPI(
        title="daphuong",
        version="1",
        description=API_DESCRIPTION,
        openapi_url="/api/openapi.json",
        # Swagger UI and ReDoc load inline scripts from CDNs, which the CSP forbids.
        docs_url=None,
        redoc_url=None,
    )
    app.state.services = services
    app.state.resolve_principal = resolve_principal
    app.state.catalog_factory = catalog_factory
    app.state.service_cache = {}
    # Page data kept per process until the next committed write (see services.read_cache).
    app.state.read_cache = ReadCache.for_database(services.db, services.settings.read_cache_entries)
    app.state.page_cache = page_cache_for(app.state.read_cache)  # anonymous visitors' pages
    app.add_middleware(WebMiddleware, secure_cookies=services.settings.secure_cookies)
    errors.install(app)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    for router in ROUTERS:
        app.include_router(router)
    return app
