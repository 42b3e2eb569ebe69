"""Document pages: the listing and one document with highlighted entities and facts."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from daphuong.domain.access import Principal
from daphuong.services.catalog import CatalogService
from daphuong.web.deps import get_catalog, get_principal
from daphuong.web.page_cache import cached_page
from daphuong.web.pages.coordination_forms import may_write
from daphuong.web.rendering import render
from daphuong.web.reviewing import may_review

router = APIRouter(include_in_schema=False)


@router.get("/documents")
def documents_page(
    request: Request,
    limit: int = Query(20, ge=1, le=200),
    offset: int = Query(0, ge=0),
    who: Principal = Depends(get_principal),
    catalog: CatalogService = Depends(get_catalog),
) -> Response:
    """The documents the caller may see, newest first."""
    page = catalog.list_documents(who, limit=limit, offset=offset)
    return render(request, "documents/list.html", {"page": page})


@router.get("/documents/{doc_id}")
def document_page(
    request: Request,
    doc_id: int,
    who: Principal = Depends(get_principal),
    catalog: CatalogService = Depends(get_catalog),
) -> Response:
    """The original text with entities marked by type, and the facts drawn from it."""

    def context() -> dict[str, object]:
        view = catalog.read(who, doc_id)
        return {
            "doc": view.document,
            "pieces": view.pieces,
            "facts": view.facts,
            "types": sorted({h.type for h in view.highlights}),
            "can_review": may_review(who),
            "can_create_activity": may_write(who),
        }

    return cached_page(request, who, "documents/show.html", context)
