"""/api/v1/documents: list, read (with highlights and facts) and upload documents."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query, UploadFile
from starlette.concurrency import run_in_threadpool

from daphuong.domain.access import Principal
from daphuong.services.catalog import CatalogService, summarize
from daphuong.services.container import Services
from daphuong.services.uploads import UploadedFile, UploadService
from daphuong.web.api.schemas import PROBLEMS, DocumentDetailOut, DocumentOut, PageOut, UploadOut
from daphuong.web.deps import get_catalog, get_principal, get_services

router = APIRouter(prefix="/api/v1/documents", tags=["documents"], responses=PROBLEMS)


@router.get("", response_model=PageOut[DocumentOut])
def list_documents(
    limit: int = Query(20, ge=1, le=200),
    offset: int = Query(0, ge=0),
    who: Principal = Depends(get_principal),
    catalog: CatalogService = Depends(get_catalog),
) -> PageOut[DocumentOut]:
    """Current documents the caller may see, newest first."""
    page = catalog.list_documents(who, limit=limit, offset=offset)
    items = [DocumentOut.of(d) for d in page.items]
    return PageOut[DocumentOut](items=items, total=page.total, limit=limit, offset=offset)


@router.get("/{doc_id}", response_model=DocumentDetailOut)
def get_document(
    doc_id: int,
    who: Principal = Depends(get_principal),
    catalog: CatalogService = Depends(get_catalog),
) -> DocumentDetailOut:
    """One document with its original text, entity spans and extracted facts."""
    view = catalog.read(who, doc_id)
    return DocumentDetailOut.of_view(view, summarize(view.document))


@router.post("", response_model=UploadOut, status_code=200)
async def upload_documents(
    files: list[UploadFile],
    who: Principal = Depends(get_principal),
    services: Services = Depends(get_services),
) -> UploadOut:
    """Upload several files at once; each file reports its own outcome or error."""
    limit = services.settings.max_file_bytes + 1  # one byte more lets the reader say "too big"
    received = [
        UploadedFile(f.filename or "upload", f.content_type, await f.read(limit)) for f in files
    ]
    service = UploadService(services.db, services.ingestion)
    # Extraction is CPU-bound: keep it off the event loop.
    results = await run_in_threadpool(service.upload, who, received)
    return UploadOut.model_validate({"results": [r.to_json() for r in results]})
