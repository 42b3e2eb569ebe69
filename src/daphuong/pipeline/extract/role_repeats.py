"""One role per (person, title, org); shorter repeats of a fuller statement folded into it."""

from __future__ import annotations

from daphuong.domain.extraction import ExtractedRole
from daphuong.text.keys import tone_key

# Qualifiers that make a fuller form of the same title ('Đại sứ' → 'Đại sứ Đặc mệnh toàn quyền').
_QUALIFIERS = frozenset({"đặc mệnh toàn quyền", "thường trực"})


def _key(role: ExtractedRole) -> tuple[str, str, str]:
    return tone_key(role.person), tone_key(role.title), tone_key(role.org)


def dedupe(roles: list[ExtractedRole]) -> list[ExtractedRole]:
    """One role per (person, title, org); drop bare repeats of a fuller statement."""
    merged: dict[tuple[str, str, str], ExtractedRole] = {}
    for role in roles:
        key = _key(role)
        if key in merged:
            kept = merged[key]
            kept.mentions.extend(role.mentions)
            kept.former = kept.former or role.former
            kept.confidence = max(kept.confidence, role.confidence)
        else:
            merged[key] = role
    out = []
    for key, role in merged.items():
        fuller = _fuller_key(key, merged)
        if fuller is None:
            out.append(role)
        else:
            merged[fuller].mentions.extend(role.mentions)  # a repeat: keep its place as evidence
    return out


def _fuller_key(
    key: tuple[str, str, str], merged: dict[tuple[str, str, str], ExtractedRole]
) -> tuple[str, str, str] | None:
    """The role this one repeats in a shorter form, if any."""
    person, title, org = key
    for other in merged:
        if other[0] != person or other == key:
            continue
        if not org and other[1] == title and other[2]:
            return other  # 'Thứ trưởng X' repeats 'Thứ trưởng Bộ Y X'
        if other[1] == f"quyền {title}" and org in ("", other[2]):
            return other  # 'Vụ trưởng X' repeats 'Quyền Vụ trưởng Vụ Y X'
        qualified = other[1].startswith(title + " ") and other[1][len(title) + 1 :] in _QUALIFIERS
        if other[2] == org and qualified:
            return other  # 'Đại sứ X' repeats 'Đại sứ Đặc mệnh toàn quyền X'
    return None
