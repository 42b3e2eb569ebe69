"""The upload page: several files at once, progress, and each file's outcome or error."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request, UploadFile
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from daphuong.domain.access import Principal
from daphuong.services.container import Services
from daphuong.services.uploads import UploadedFile, UploadService, may_upload
from daphuong.web.csrf import CSRF_FIELD, verify_csrf
from daphuong.web.deps import get_principal, get_services
from daphuong.web.rendering import render

router = APIRouter(include_in_schema=False)


@router.get("/upload")
def upload_page(request: Request, who: Principal = Depends(get_principal)) -> Response:
    """The upload form."""
    return render(request, "upload.html", {"can_upload": may_upload(who)})


@router.post("/upload")
async def upload_submit(
    request: Request,
    files: list[UploadFile],
    csrf_token: str = Form("", alias=CSRF_FIELD),
    who: Principal = Depends(get_principal),
    services: Services = Depends(get_services),
) -> Response:
    """Ingest the files; htmx gets the results list, a plain form post the whole page."""
    verify_csrf(request, csrf_token)
    limit = services.settings.max_file_bytes + 1
    received = [
        UploadedFile(f.filename or "upload", f.content_type, await f.read(limit)) for f in files
    ]
    service = UploadService(services.db, services.ingestion)
    results = await run_in_threadpool(service.upload, who, received)
    context = {"results": results, "can_upload": True}
    template = "upload_results.html" if request.headers.get("hx-request") else "upload.html"
    return render(request, template, context)
