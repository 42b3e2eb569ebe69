"""The main navigation: one entry per area; other areas append theirs here."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class NavItem:
    """A link in the top navigation; `label` is a message id in the catalogues."""

    path: str
    label: str
    key: str


NAVIGATION: list[NavItem] = [
    NavItem("/", "Dashboard", "dashboard"),
    NavItem("/search", "Search", "search"),
    NavItem("/documents", "Documents", "documents"),
    NavItem("/events", "Events", "events"),
    NavItem("/review", "Review", "review"),
    NavItem("/upload", "Upload", "upload"),
]
