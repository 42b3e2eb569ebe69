"""Every router the app includes; an area adds its JSON and page routers with one line each."""

from __future__ import annotations

from fastapi import APIRouter

from daphuong.web.api import coordination as api_coordination
from daphuong.web.api import documents as api_documents
from daphuong.web.api import entities as api_entities
from daphuong.web.api import events as api_events
from daphuong.web.api import search as api_search
from daphuong.web.api import statements as api_statements
from daphuong.web.pages import auth as page_auth
from daphuong.web.pages import coordination_activities as page_activities
from daphuong.web.pages import coordination_admin as page_admin
from daphuong.web.pages import coordination_aid as page_aid
from daphuong.web.pages import coordination_plans as page_plans
from daphuong.web.pages import coordination_seats as page_seats
from daphuong.web.pages import dashboard as page_dashboard
from daphuong.web.pages import documents as page_documents
from daphuong.web.pages import entities as page_entities
from daphuong.web.pages import events as page_events
from daphuong.web.pages import review as page_review
from daphuong.web.pages import search as page_search
from daphuong.web.pages import upload as page_upload

# JSON routers carry the /api/v1 prefix themselves; page routers are excluded from OpenAPI.
# To add an area: import its module and append `module.router` here (API before pages).
ROUTERS: list[APIRouter] = [
    api_documents.router,
    api_coordination.router,
    api_entities.router,
    api_events.router,
    api_search.router,
    api_statements.router,
    page_dashboard.router,
    page_documents.router,
    page_entities.router,
    page_events.router,
    page_review.router,
    page_search.router,
    page_upload.router,
    page_auth.router,
    page_activities.router,
    page_plans.router,
    page_seats.router,
    page_aid.router,
    page_admin.router,
]
