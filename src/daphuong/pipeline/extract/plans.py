"""Plans and programmes named by the document they carry out: 'Chương trình hành động của
Chính phủ thực hiện Nghị quyết số 59-NQ/TW', 'Kế hoạch triển khai Kết luận số 57-KL/TW'."""

from __future__ import annotations

from collections.abc import Callable

from daphuong.pipeline.extract.scan import Candidate, Doc

# Document types whose name may be 'thực hiện' + the document they carry out.
PLANS = frozenset(
    {"chương trình hành động", "kế hoạch hành động", "kế hoạch", "chương trình", "đề án"}
)
_CARRY_OUT = frozenset({"thực hiện", "triển khai", "tổ chức thực hiện", "triển khai thực hiện"})

Numbered = Callable[[Doc, int, int, str], Candidate | None]


def implementing(doc: Doc, i: int, end: int, kind: str, numbered: Numbered) -> Candidate | None:
    """A plan whose name ends with the numbered document it carries out (the plan's issuer
    'của Chính phủ' may stand between)."""
    toks = doc.tokens
    if kind not in PLANS:
        return None
    k = end
    if k + 1 < len(toks) and toks[k].key == "của" and doc.name_at(k + 1)[1] == "ORG":
        k = doc.name_at(k + 1)[0]
    verb = next((n for n in (3, 2) if _carry_out(doc, k, n)), 0)
    if not verb:
        return None
    k += verb
    if k >= len(toks) or not toks[k].is_cap:
        return None
    type_end = doc.gaz.legal_types.match(toks, k, strict_case=False)[0]
    if type_end <= k:
        return None
    inner = numbered(doc, k, type_end, " ".join(t.key for t in toks[k:type_end]))
    if inner is None:
        return None
    # The document carried out is listed too: either may be what a reader calls its name.
    return Candidate(inner.type, toks[i].start, inner.end, "pattern", 0.75, spreads=True)


def _carry_out(doc: Doc, k: int, n: int) -> bool:
    words = doc.tokens[k : k + n]
    return (
        len(words) == n
        and all(doc.lower_like(k + m) for m in range(n))
        and (" ".join(t.key for t in words) in _CARRY_OUT)
    )
