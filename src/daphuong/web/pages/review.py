"""The review queue: confirm, reject (or, for same_as proposals, merge) with the keyboard."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel

from daphuong.domain.access import Principal
from daphuong.services.review import ReviewService
from daphuong.web.csrf import verify_csrf
from daphuong.web.deps import get_principal, get_review
from daphuong.web.rendering import render
from daphuong.web.reviewing import may_review

router = APIRouter(include_in_schema=False)


class DecisionForm(BaseModel):
    """The fields of a confirm/reject form."""

    decision: Literal["confirm", "reject"]
    next: str = "/review"
    csrf_token: str = ""


def safe_next(target: str) -> str:
    """Only same-site paths may be redirected to (no open redirect)."""
    if target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/review"


@router.get("/review")
def review_page(
    request: Request,
    prop: str | None = Query(None),
    who: Principal = Depends(get_principal),
    review: ReviewService = Depends(get_review),
) -> Response:
    """Proposals awaiting a decision, least confident first."""
    items = review.pending(who, prop=prop or None, limit=100)
    context = {"items": items, "prop": prop, "can_review": may_review(who)}
    return render(request, "review.html", context)


@router.post("/review/{statement_id}")
def decide(
    request: Request,
    statement_id: int,
    form: Annotated[DecisionForm, Form()],
    who: Principal = Depends(get_principal),
    review: ReviewService = Depends(get_review),
) -> Response:
    """Record the decision, then go back where the form was."""
    verify_csrf(request, form.csrf_token)
    if form.decision == "confirm":
        review.confirm(statement_id, who)
    else:
        review.reject(statement_id, who)
    return RedirectResponse(safe_next(form.next), status_code=303)
