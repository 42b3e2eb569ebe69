"""The dashboard page."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from daphuong.domain.access import Principal
from daphuong.services.catalog import CatalogService
from daphuong.services.dashboard import DashboardService
from daphuong.web.deps import get_catalog, get_principal
from daphuong.web.rendering import render

router = APIRouter(include_in_schema=False)


@router.get("/")
def dashboard_page(
    request: Request,
    who: Principal = Depends(get_principal),
    catalog: CatalogService = Depends(get_catalog),
) -> Response:
    """Counts, latest events, most active organizations and recent documents."""
    board = DashboardService(catalog.db, catalog).build(who)
    return render(request, "dashboard.html", {"board": board})
