"""Review queue: pending proposals, confirm/reject with audit, same_as confirmation merges."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from daphuong.domain.access import Principal, Role
from daphuong.errors import Conflict, NotFound, PermissionDenied
from daphuong.services.entity_views import RegistryViews
from daphuong.services.org_gazetteer import OrgGazetteer
from daphuong.services.review import ReviewService
from daphuong.store.audit import AuditRepository
from daphuong.store.engine import Database
from tests.services.registry_support import (
    TEXT_A,
    DeadlockOnce,
    Doc,
    P,
    extract,
    gazetteer,
    role,
)

SYSTEM = Principal.local_system()


def _short_name_docs() -> tuple[Doc, Doc]:
    """Two reports naming 'Hoài Nga' with no shared context: an uncertain link."""
    text1 = "Bài: Hoài Nga. Bộ Ngoại giao họp báo."
    text2 = "Ảnh: Hoài Nga. Hội thảo kết thúc."
    return (
        Doc("n1", text1, dt.date(2021, 1, 1), entities=[(P, "Hoài Nga")]),
        Doc("n2", text2, dt.date(2021, 2, 1), entities=[(P, "Hoài Nga")]),
    )


def _ingest_short_names(db: Database, tmp_path: Path) -> tuple[OrgGazetteer, Doc]:
    """Store both 'Hoài Nga' reports; returns the gazetteer and the second report."""
    gaz = gazetteer(tmp_path)
    first, second = _short_name_docs()
    extract(db, first, gaz)
    extract(db, second, gaz)
    return gaz, second


def test_uncertain_person_link_is_a_same_as_proposal_and_confirming_merges(
    db: Database, tmp_path: Path
) -> None:
    gaz, second = _ingest_short_names(db, tmp_path)
    views = RegistryViews(db, gaz)
    assert len(views.find("Hoài Nga", SYSTEM)) == 2
    review = ReviewService(db, gazetteer=gaz)
    [proposal] = review.pending(SYSTEM, prop="same_as")
    result = review.confirm(proposal["id"], Principal.local_system("lan"))
    assert "merge_id" in result
    assert len(views.find("Hoài Nga", SYSTEM)) == 1
    # Re-extraction keeps the confirmed link instead of proposing it again.
    extract(db, second, gaz, version="2")
    assert len(views.find("Hoài Nga", SYSTEM)) == 1
    assert review.pending(SYSTEM, prop="same_as") == []


def test_a_deadlocked_decision_is_rerun_whole_and_recorded_once(
    db: Database, tmp_path: Path
) -> None:
    gaz, _ = _ingest_short_names(db, tmp_path)
    hook = DeadlockOnce()
    review = ReviewService(db, index_hooks=[hook], gazetteer=gaz)
    [proposal] = review.pending(SYSTEM, prop="same_as")
    result = review.confirm(proposal["id"], Principal.local_system("lan"))
    assert hook.calls > 1 and "merge_id" in result
    assert len(RegistryViews(db, gaz).find("Hoài Nga", SYSTEM)) == 1
    with db.reader() as s:
        log = AuditRepository(s).list(target_type="statement")
    assert [r.action for r in log] == ["statement.confirmed"]


def test_rejected_same_as_keeps_entities_apart_after_reextraction(
    db: Database, tmp_path: Path
) -> None:
    gaz, second = _ingest_short_names(db, tmp_path)
    review = ReviewService(db, gazetteer=gaz)
    [proposal] = review.pending(SYSTEM, prop="same_as")
    review.reject(proposal["id"], SYSTEM)
    extract(db, second, gaz, version="2")
    assert len(RegistryViews(db, gaz).find("Hoài Nga", SYSTEM)) == 2
    assert review.pending(SYSTEM, prop="same_as") == []


def test_decisions_are_audited_and_checked(db: Database, tmp_path: Path) -> None:
    gaz = gazetteer(tmp_path)
    extract(db, Doc("a", TEXT_A, roles=[role("Lê Hoài Trung", "Thứ trưởng", "Bộ Ngoại giao")]), gaz)
    review = ReviewService(db, gazetteer=gaz)
    [pending] = review.pending(SYSTEM, prop="role")
    assert pending["document_key"] == "a" and pending["spans"]
    review.reject(pending["id"], Principal.local_system("lan"))
    with pytest.raises(Conflict):
        review.reject(pending["id"], SYSTEM)
    with pytest.raises(NotFound):
        review.confirm(999_999, SYSTEM)
    with pytest.raises(PermissionDenied):
        review.confirm(pending["id"], Principal(user_id=2, username="v", role=Role.VIEWER))
    with db.reader() as s:
        [entry] = AuditRepository(s).list(target_type="statement")
    assert (entry.action, entry.actor) == ("statement.rejected", "lan")
    assert '"status": "proposed"' in (entry.before_json or "")


def test_open_proposal_is_proposed_again_after_reextraction(db: Database, tmp_path: Path) -> None:
    gaz, second = _ingest_short_names(db, tmp_path)
    review = ReviewService(db, gazetteer=gaz)
    [before] = review.pending(SYSTEM, prop="same_as")
    extract(db, second, gaz, version="2")
    [after] = review.pending(SYSTEM, prop="same_as")
    assert (after["entity_id"], after["object_entity_id"]) == (
        before["entity_id"],
        before["object_entity_id"],
    )
    assert after["extractor"] == "extract@2"
