"""The main navigation: one entry per area; other areas append theirs here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from daphuong.domain.access import Principal


def everyone(_who: Principal) -> bool:
    """Areas open to every visitor."""
    return True


def signed_in(who: Principal) -> bool:
    """Areas for people with an account (the coordination workspace)."""
    return who.user_id is not None or who.system


def administrators(who: Principal) -> bool:
    """Areas for administrators only."""
    return who.sees_everything


@dataclass(frozen=True, slots=True)
class NavItem:
    """A link in the top navigation; `label` is a message id in the catalogues."""

    path: str
    label: str
    key: str
    shown_to: Callable[[Principal], bool] = everyone

    def visible_to(self, who: Principal) -> bool:
        """Whether the link is offered to this caller (the page checks rights itself)."""
        return self.shown_to(who)


NAVIGATION: list[NavItem] = [
    NavItem("/", "Dashboard", "dashboard"),
    NavItem("/search", "Search", "search"),
    NavItem("/documents", "Documents", "documents"),
    NavItem("/events", "Events", "events"),
    NavItem("/review", "Review", "review"),
    NavItem("/upload", "Upload", "upload"),
    NavItem("/activities", "Activities", "activities", signed_in),
    NavItem("/plans", "Plans", "plans", signed_in),
    NavItem("/seats", "Seats", "seats", signed_in),
    NavItem("/aid", "Aid", "aid", signed_in),
    NavItem("/reports/annual", "Annual report", "annual_report", signed_in),
    NavItem("/admin", "Administration", "admin", administrators),
]
