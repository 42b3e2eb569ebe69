"""Every router the app includes; an area adds its JSON and page routers with one line each."""

from __future__ import annotations

from fastapi import APIRouter

from daphuong.web.api import documents as api_documents
from daphuong.web.pages import dashboard as page_dashboard
from daphuong.web.pages import documents as page_documents
from daphuong.web.pages import upload as page_upload

# JSON routers carry the /api/v1 prefix themselves; page routers are excluded from OpenAPI.
ROUTERS: list[APIRouter] = [
    api_documents.router,
    page_dashboard.router,
    page_documents.router,
    page_upload.router,
]
