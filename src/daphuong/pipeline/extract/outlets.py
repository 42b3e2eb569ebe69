"""Bodies named by a text's clutter: outlet tags ('(PLVN) -', 'QĐND Online -'), web domains
('vufo.org.vn') and country-tagged names ('GPI/Hàn Quốc')."""

from __future__ import annotations

import re

from daphuong.domain.extraction import EntityType
from daphuong.pipeline.extract.scan import Candidate, Doc

ORG = EntityType.ORG
_DOMAIN = re.compile(
    r"(?<![@\w.])(?:www\.)?([A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*"
    r"\.(?:vn|com|org|net|gov|int|info|VN|COM|ORG|NET))(?![\w@])"
)


def find(doc: Doc) -> list[Candidate]:
    """Every outlet, domain and country-tagged body candidate."""
    return _slash_orgs(doc) + _outlets(doc) + _domains(doc)


def _slash_orgs(doc: Doc) -> list[Candidate]:
    """'GPI/Hàn Quốc', 'COPION/Hàn Quốc': an organisation tagged with its country."""
    out: list[Candidate] = []
    toks = doc.tokens
    for i in range(len(toks) - 2):
        tok = toks[i]
        tagged = tok.is_word and tok.is_cap and toks[i + 1].text == "/" and doc.joined(i + 1)
        if tagged and doc.name_at(i + 2)[1] == "LOC" and doc.name_at(i)[1] != "LOC":
            out.append(doc.cand(ORG, i, i + 1, "pattern", 0.8))
    return out


_EDITIONS = frozenset({"Online", "online", "Plus", "News", "Digital"})


def _outlets(doc: Doc) -> list[Candidate]:
    """Outlet tags opening a line: '(PLVN) -', '(Vietpeace) Sáng', 'TGVN. Ngày', 'VOV.VN -'."""
    out: list[Candidate] = []
    toks = doc.tokens
    for i, tok in enumerate(toks):
        if not tok.newline_before:
            continue
        if tok.text == "(":
            j = _glued_run(doc, i + 1)
            if j > i + 1 and j < len(toks) and toks[j].text == ")":
                out.append(doc.cand(ORG, i + 1, j, "outlet", 0.85))
        elif tok.is_word and tok.is_upper and len(tok.text) >= 3:
            j = _glued_run(doc, i)
            if j < len(toks) and toks[j].text in _EDITIONS and doc.is_dash(j + 1):
                j += 1  # 'QĐND Online -', 'VTV News -': the outlet's online edition
            if j < len(toks) and (toks[j].text == "." or doc.is_dash(j)):
                out.append(doc.cand(ORG, i, j, "outlet", 0.8))
    return out


def _glued_run(doc: Doc, i: int) -> int:
    """Tokens glued without spaces from i: 'VOV5', 'Thanhuytphcm.vn', 'VOV.VN'."""
    toks = doc.tokens
    if i >= len(toks) or not toks[i].is_word:
        return i
    j = i + 1
    while j + 1 < len(toks) and toks[j].text == "." and doc.joined(j) and doc.joined(j + 1):
        j += 2
    return j


def _domains(doc: Doc) -> list[Candidate]:
    """Web domains name their site's owner: 'vufo.org.vn', 'Baoquocte.vn'."""
    return [Candidate(ORG, m.start(1), m.end(1), "domain", 0.8) for m in _DOMAIN.finditer(doc.text)]
