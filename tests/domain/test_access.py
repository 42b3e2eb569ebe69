"""The visibility scope: principals with equal scopes see exactly the same records."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from daphuong.domain.access import Principal, Role
from daphuong.domain.document import Visibility

ORGS = st.one_of(st.none(), st.integers(1, 4))
principals = st.builds(
    Principal,
    user_id=st.one_of(st.none(), st.integers(1, 3)),
    org_id=ORGS,
    role=st.one_of(st.none(), st.sampled_from(Role)),
    partner_of=st.frozensets(st.integers(1, 4), max_size=3),
    system=st.booleans(),
)


def _sight(who: Principal) -> set[tuple[Visibility, int | None]]:
    return {(v, o) for v in Visibility for o in (None, 1, 2, 3, 4) if who.can_see(v, o)}


@given(principals, principals)
def test_equal_scopes_see_the_same_records(a: Principal, b: Principal) -> None:
    if a.visibility_scope == b.visibility_scope:
        assert _sight(a) == _sight(b)
