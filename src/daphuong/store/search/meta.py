"""Sort keys and the meta tokens (visibility, owner, facet values) both backends index."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence

from daphuong.domain.access import Principal, Role
from daphuong.domain.document import Visibility

_DOC_BITS = 32
_DOC_MASK = (1 << _DOC_BITS) - 1
_MINUTES_LIMIT = 2**30  # about ±2,000 years around 1970; keys stay inside a signed 64-bit int
NO_DATE_MINUTE = -_MINUTES_LIMIT  # undated documents sort after every dated one
ANY = "any"  # on every document: lets a filter-only search still be a text match

# Conjunctions of meta tokens, OR'ed: the visibility rule in a form a MATCH can carry.
Disjunction = list[tuple[str, ...]]


def _minute(moment: dt.datetime | None) -> int:
    if moment is None:
        return NO_DATE_MINUTE
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)  # stored naive on SQLite; always UTC
    minute = int(moment.timestamp() // 60)
    return max(NO_DATE_MINUTE + 1, min(_MINUTES_LIMIT - 1, minute))


def sort_key(published: dt.datetime | None, doc_id: int) -> int:
    """Newest-first ordering as one integer: published minute, then document id."""
    if not 0 < doc_id <= _DOC_MASK:
        raise ValueError(f"document id {doc_id} does not fit a search sort key")
    return (_minute(published) << _DOC_BITS) | doc_id


def doc_id_of(key: int) -> int:
    """The document id inside a sort key."""
    return key & _DOC_MASK


def day_key(day: dt.date) -> int:
    """The smallest sort key of documents published on or after the start of `day` (UTC)."""
    return _minute(dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)) << _DOC_BITS


def owner_token(org_id: int) -> str:
    """Meta token of the owning organisation."""
    return f"o{org_id}"


def facet_token(value_id: int) -> str:
    """Meta token of one facet value (filters match it)."""
    return f"f{value_id}"


def doc_tokens(visibility: str, owner_org_id: int | None, value_ids: Sequence[int]) -> list[str]:
    """The meta tokens of a document: visibility, owner, facet values."""
    tokens = [ANY, f"v{visibility}"]
    if owner_org_id is not None:
        tokens.append(owner_token(owner_org_id))
    tokens.extend(facet_token(v) for v in value_ids)
    return tokens


def visible_tokens(who: Principal) -> Disjunction | None:
    """Principal.can_see as meta tokens (None: sees everything); mirrors store.access."""
    if who.sees_everything:
        return None
    allowed: Disjunction = [(f"v{Visibility.PUBLIC.value}",)]
    if who.org_id is not None:
        allowed.append((owner_token(who.org_id),))
    shared = f"v{Visibility.SHARED.value}"
    if who.role is Role.COORDINATOR:
        allowed.append((shared,))
    else:
        allowed.extend((shared, owner_token(org)) for org in sorted(who.partner_of))
    return allowed


# (token, exceptions): a document with the token and none of the exceptions is hidden.
Hidden = list[tuple[str, tuple[str, ...]]]


def hidden_tokens(who: Principal) -> Hidden | None:
    """What Principal.can_see hides, as meta tokens (None: nothing); the complement of
    visible_tokens. Excluding the few hidden documents costs FTS5 less than intersecting
    with the public ones, which are nearly all."""
    if who.sees_everything:
        return None
    own = (owner_token(who.org_id),) if who.org_id is not None else ()
    hidden: Hidden = [(f"v{Visibility.INTERNAL.value}", own)]
    if who.role is not Role.COORDINATOR:
        partners = tuple(owner_token(org) for org in sorted(who.partner_of))
        hidden.append((f"v{Visibility.SHARED.value}", own + partners))
    return hidden


def level_groups(n_flags: int) -> list[tuple[bool, ...]]:
    """Every on/off combination of the ranking flags, best first (first flag weighs most)."""
    return list(itertools.product((True, False), repeat=n_flags))


def level_score(bits: Sequence[bool]) -> float:
    """The score shown for a level: the flags read as a binary number."""
    return float(sum(1 << i for i, on in enumerate(reversed(bits)) if on))
