"""/api/v1/statements: the review queue and decisions on proposed facts."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query

from daphuong.domain.access import Principal
from daphuong.services.review import ReviewService
from daphuong.web.api.schemas import PROBLEMS
from daphuong.web.deps import get_principal, get_review

router = APIRouter(
    prefix="/api/v1/statements",
    tags=["statements"],
    responses={**PROBLEMS, 409: {"description": "conflict: already decided"}},
)


@router.get("", summary="Proposed statements awaiting review")
def pending(
    prop: str | None = Query(None, examples=["role"], description="role, same_as, name, …"),
    limit: int = Query(50, ge=1, le=200),
    who: Principal = Depends(get_principal),
    review: ReviewService = Depends(get_review),
) -> list[dict[str, Any]]:
    """Least confident first, with their source document and spans."""
    return review.pending(who, prop=prop, limit=limit)


@router.post("/{statement_id}/confirm", summary="Confirm a statement")
def confirm(
    statement_id: int,
    who: Principal = Depends(get_principal),
    review: ReviewService = Depends(get_review),
) -> dict[str, Any]:
    """Confirm; a confirmed same_as proposal merges the two entities."""
    return review.confirm(statement_id, who)


@router.post("/{statement_id}/reject", summary="Reject a statement")
def reject(
    statement_id: int,
    who: Principal = Depends(get_principal),
    review: ReviewService = Depends(get_review),
) -> dict[str, Any]:
    """Reject; re-extraction will not bring it back."""
    return review.reject(statement_id, who)
