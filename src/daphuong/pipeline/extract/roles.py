"""Roles (person, title, org) from titles before names and appositions after them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from daphuong.domain.extraction import ExtractedRole, Mention, Span
from daphuong.pipeline.extract.coref import PersonIndex
from daphuong.pipeline.extract.role_orgs import TitleOrgs
from daphuong.pipeline.extract.role_repeats import dedupe
from daphuong.pipeline.extract.titles import TitleHit, TitleLexicon, lexicon
from daphuong.pipeline.extract.tokens import Token

_LINKS = frozenset({",", "-", "kiêm", "làm", "đồng", "thời", "là"})
_BACK_LINKS = frozenset({",", "-", "(", ":", "làm", "là", "kiêm"})
_ISSUER_GAP = 9  # tokens from a legal document to the 'của' of its issuer ('… ngày 28/11/2025 của')
_TAIL_STOPS = frozenset({"làm", "kiêm", "là", "và"})
_MAX_TAIL = 10
# Words a title's phrase may run through before the name: 'Đại sứ Hàn Quốc tại Việt Nam X'.
_PLACE_WORDS = frozenset(
    {"tại", "ở", "của", "bên", "cạnh", "tỉnh", "thành", "phố", "huyện", "quận", "bang", "vùng"}
    | {"nhiệm", "kỳ", "khóa", "khoá", "-"}  # '… nhiệm kỳ 2021 - 2026, Trưởng Ban …'
)
# Verbs between a person and a title: 'ông X hiện giữ chức Chủ tịch Hội Y'.
_HOLDING = (
    ("giữ", "chức"),
    ("giữ", "cương", "vị"),
    ("đảm", "nhiệm", "chức"),
    ("đảm", "nhiệm", "cương", "vị"),
    ("được", "bầu", "làm"),
    ("được", "bổ", "nhiệm", "làm"),
    ("được", "bầu", "giữ", "chức"),
    ("được", "bổ", "nhiệm", "giữ", "chức"),
    ("được", "bầu"),
    ("được", "bầu", "lại", "làm"),
    ("được", "bổ", "nhiệm"),
    ("đắc", "cử"),
    ("tái", "đắc", "cử"),
    ("trúng", "cử"),
)


@dataclass(slots=True)
class _Link:
    """A title hit with the organization the text gives it and where its phrase ends."""

    hit: TitleHit
    org: str = ""
    org_stop: int = 0  # token after the title and its org
    tail: int = 0  # token after the words that still belong to this title's phrase
    person_after: tuple[int, str] | None = None
    person: str = ""
    confidence: float = 0.0


class RoleFinder:
    """Finds roles in one document given its tokens and recognized mentions."""

    def __init__(self, text: str, tokens: list[Token], mentions: Sequence[Mention]) -> None:
        """Index the document's tokens, ORG mentions and people."""
        self.text = text
        self.tokens = tokens
        self.lex: TitleLexicon = lexicon()
        self.people = PersonIndex(tokens, mentions)
        self.named = TitleOrgs(text, tokens, mentions, self.people, self.lex)
        self.inside_name = self.named.inside_name
        self.in_name = self.named.in_name

    def find(self) -> list[ExtractedRole]:
        """Every role the text states, one per (person, title, org)."""
        links = [self._link(hit) for hit in self._hits()]
        previous: list[_Link] = []
        for chain in self._chains(links):
            self._assign(chain, previous)
            previous = chain
        return dedupe([self._role(link) for link in links if link.person])

    def _hits(self) -> list[TitleHit]:
        hits: list[TitleHit] = []
        i = 0
        while i < len(self.tokens):
            hit = self.lex.hit_at(self.tokens, i) if self.tokens[i].is_word else None
            if hit is None or i in self.inside_name:
                i += 1
                continue
            if hit.entry.is_role and not hit.generic:
                hits.append(hit)
            i = hit.stop
        return hits

    def _link(self, hit: TitleHit) -> _Link:
        link = _Link(hit, org_stop=hit.stop)
        link.org, link.org_stop = self.named.resolve(hit)
        link.tail = self._tail(link.org_stop)
        link.person_after = self._person_after(link.org_stop)
        if link.person_after is None and link.tail > link.org_stop and self._place_tail(link):
            link.person_after = self.people.starting_at(self.tokens, link.tail)
        return link

    def _place_tail(self, link: _Link) -> bool:
        """The words after the title are a place phrase ('Hàn Quốc tại Việt Nam')."""
        words = self.tokens[link.org_stop : link.tail]
        return all(
            t.is_cap
            or t.is_digit  # 'Ban Thư ký quốc gia ASEAN 2020'
            or t.key in _PLACE_WORDS
            or link.org_stop + n in self.in_name
            or (0 < n < len(words) - 1 and words[n - 1].is_cap and words[n + 1].is_cap)
            for n, t in enumerate(words)
        )

    def _tail(self, p: int) -> int:
        toks = self.tokens
        if p < len(toks) and toks[p].text == "(":
            for q in range(p + 1, min(len(toks), p + 16)):
                if toks[q].text == ")":
                    p = q + 1
                    break
        start = p
        while p < len(toks) and p - start < _MAX_TAIL and (toks[p].is_word or _term_dash(toks, p)):
            if toks[p].newline_before or toks[p].key in _TAIL_STOPS:
                break
            if self.people.starting_at(toks, p, min_words=2):
                break
            if p not in self.inside_name and self.lex.hit_at(toks, p):
                break
            if self.lex.honorific_end(toks, p) > p:
                break
            p += 1
        return p

    def _person_after(self, p: int) -> tuple[int, str] | None:
        """A person named right after the title and its org ('Thứ trưởng X', '… – bà X')."""
        toks = self.tokens
        if p + 2 < len(toks) and toks[p].text == "(" and toks[p + 2].text == ")":
            p += 3  # 'Tổng Giám đốc Tổ chức Y tế Thế giới (WHO) Tedros …'
        if p < len(toks) and toks[p].key in ("-", ":") and not toks[p].newline_before:
            p += 1
        while p < len(toks) and not toks[p].newline_before:
            nxt = self.lex.honorific_end(toks, p)
            if nxt == p:
                break
            p = nxt + 1 if nxt < len(toks) and toks[nxt].text == "," else nxt
        if p >= len(toks) or toks[p].newline_before:
            return None
        return self.people.starting_at(toks, p)

    def _chains(self, links: list[_Link]) -> list[list[_Link]]:
        """Titles joined by commas, dashes or 'kiêm' with no person between them."""
        chains: list[list[_Link]] = []
        current: list[_Link] = []
        for link in links:
            if current and not self._joined(current[-1], link):
                chains.append(current)
                current = []
            current.append(link)
            if link.person_after is not None:
                chains.append(current)
                current = []
        if current:
            chains.append(current)
        return chains

    def _joined(self, left: _Link, right: _Link) -> bool:
        if left.person_after is not None or self.tokens[right.hit.lead].newline_before:
            return False
        between = self.tokens[left.tail : right.hit.lead]
        if left.tail > left.org_stop and (not between or not self._place_tail(left)):
            return False  # 'Chủ tịch X tặng hoa Đại sứ Y', 'Tổng Thư ký X lần đầu thăm …, Y'
        if self._office(left, right):
            return False
        return len(between) <= 3 and all(t.key in _LINKS for t in between)

    def _office(self, left: _Link, right: _Link) -> bool:
        """'thừa ủy quyền của Chủ tịch nước, Phó Chủ tịch nước X': a deputy acts for the office
        named before; 'Quyết định … ngày 28/11 của Chủ tịch nước, Đại sứ X': the issuer."""
        toks = self.tokens
        left_words = [t.key for t in toks[left.hit.first : left.hit.stop]]
        right_words = [t.key for t in toks[right.hit.first : right.hit.stop]]
        if right_words == ["phó", *left_words] and left.org == right.org:
            return True  # of one body ('Chủ tịch X, Phó Chủ tịch Y' is a list of posts)
        lead = left.hit.lead
        issued = lead > 0 and toks[lead - 1].key == "của"
        return issued and any(k in self.named.legal_ends for k in range(lead - _ISSUER_GAP, lead))

    def _share_org(self, chain: list[_Link]) -> None:
        """'Phó Chủ tịch kiêm Tổng Thư ký X' (or '-'): X is the org of both titles."""
        for left, right in zip(reversed(chain[:-1]), reversed(chain[1:]), strict=True):
            between = [t.key for t in self.tokens[left.org_stop : right.hit.lead]]
            combined = between in (["kiêm"], ["-"]) and not left.org
            if combined and not left.hit.entry.member and not self._unit_head(left, right):
                left.org = right.org

    def _unit_head(self, left: _Link, right: _Link) -> bool:
        """'Trợ lý Bộ trưởng kiêm Vụ trưởng Vụ X': a title naming a minister, or a unit head
        whose org is its own unit, shares nothing."""
        words = [t.key for t in self.tokens[left.hit.first : left.hit.stop]]
        return "trưởng" in words or self.tokens[right.hit.stop - 1].key == "trưởng"

    def _assign(self, chain: list[_Link], previous: list[_Link]) -> None:
        self._share_org(chain)
        after = chain[-1].person_after
        if after is not None:
            for link in chain:
                link.person = after[1]
                link.confidence = 0.9 if link is chain[-1] else 0.8
            return
        before = self._person_before(chain[0].hit.lead) or self._apposed(chain, previous)
        for link in chain:
            link.person = before or ""
            link.confidence = 0.75

    def _apposed(self, chain: list[_Link], previous: list[_Link]) -> str | None:
        """'X, Giám đốc Sở Y, được bầu giữ chức Chủ tịch Z': the person of the apposition."""
        toks = self.tokens
        p = _holding_start(toks, chain[0].hit.lead)
        if p == chain[0].hit.lead or not previous or not previous[-1].person or p == 0:
            return None
        last = previous[-1]
        return last.person if toks[p - 1].text == "," and last.tail == p - 1 else None

    def _person_before(self, lead: int) -> str | None:
        toks = self.tokens
        if lead == 0 or toks[lead].newline_before:
            return None
        p = _holding_start(toks, lead)
        if p == lead and toks[p - 1].key in _BACK_LINKS:
            p -= 1
        elif p == lead:
            return None
        return self.people.ending_at(toks, p)

    def _role(self, link: _Link) -> ExtractedRole:
        hit, toks = link.hit, self.tokens
        # 'Quyền Vụ trưởng' is the title as written (the gold keeps it); 'nguyên' is a flag only.
        first = hit.lead if hit.acting else hit.first
        title = self.text[toks[first].start : toks[hit.stop - 1].end]
        span = Span(toks[hit.lead].start, toks[max(link.org_stop, hit.stop) - 1].end)
        return ExtractedRole(
            person=link.person,
            title=title,
            org=link.org,
            former=hit.former,
            acting=hit.acting,
            mentions=[span],
            confidence=link.confidence,
        )


def _term_dash(toks: list[Token], p: int) -> bool:
    """The dash of a term: 'nhiệm kỳ 2021 - 2026'."""
    return (
        0 < p < len(toks) - 1
        and toks[p].key == "-"
        and toks[p - 1].is_digit
        and toks[p + 1].is_digit
    )


def _holding_start(toks: list[Token], lead: int) -> int:
    """Start of 'hiện giữ chức', 'được bầu làm'… ending at lead (the person ends there)."""
    for phrase in sorted(_HOLDING, key=len, reverse=True):  # 'được bầu giữ chức' before 'giữ chức'
        n = len(phrase)
        if lead >= n and tuple(t.key for t in toks[lead - n : lead]) == phrase:
            p = lead - n
            while p > 0 and toks[p - 1].key in ("hiện", "đang", "đã", "vừa", "nay"):
                p -= 1
            return p
    return lead


def find_roles(text: str, tokens: list[Token], mentions: Sequence[Mention]) -> list[ExtractedRole]:
    """Roles stated in a document whose tokens and mentions are given."""
    return RoleFinder(text, tokens, mentions).find()
