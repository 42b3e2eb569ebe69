"""The organization a title names: inside it, right after it, by a minister's title, or built."""

from __future__ import annotations

from collections.abc import Sequence

from daphuong.domain.extraction import EntityType, Mention
from daphuong.pipeline.extract import gazetteer
from daphuong.pipeline.extract.coref import PersonIndex
from daphuong.pipeline.extract.titles import TitleHit, TitleLexicon
from daphuong.pipeline.extract.tokens import Token
from daphuong.text.keys import tone_key

_MAX_RUN = 8


class TitleOrgs:
    """ORG mentions of one document by first token, and the org each title hit names."""

    def __init__(
        self,
        text: str,
        tokens: list[Token],
        mentions: Sequence[Mention],
        people: PersonIndex,
        lex: TitleLexicon,
    ) -> None:
        """Index the ORG mentions (longest per first token) and the tokens inside names."""
        self.text, self.tokens, self.people, self.lex = text, tokens, people, lex
        self.org_heads = gazetteer.load().org_heads
        start_tok = {t.start: i for i, t in enumerate(tokens)}
        end_tok = {t.end: i + 1 for i, t in enumerate(tokens)}
        self.orgs: dict[int, tuple[int, str]] = {}
        self.inside_name: set[int] = set()
        self.legal_ends: set[int] = set()  # token after each legal document
        self.in_name: set[int] = set()
        for m in mentions:
            first, stop = start_tok.get(m.start), end_tok.get(m.end)
            if first is None or stop is None:
                continue
            if m.type is EntityType.LEGAL_DOC:
                self.legal_ends.add(stop)
            if m.type in (EntityType.LOCATION, EntityType.ORG):
                self.in_name.update(range(first, stop))
                # a title word inside a name opens no title ('Trung Quốc Vương Nghị')
                self.inside_name.update(range(first + 1, stop))
            if m.type is not EntityType.ORG:
                continue
            if stop > self.orgs.get(first, (0, ""))[0]:
                self.orgs[first] = (stop, m.text)

    def resolve(self, hit: TitleHit) -> tuple[str, int]:
        """(org, token after the title and its org) for one title hit; ('', hit.stop) if none."""
        toks = self.tokens
        entry = hit.entry
        if entry.embedded_head:
            head = hit.stop - entry.embedded_head
            if head in self.orgs:
                stop, name = self.orgs[head]
                return name[:1].upper() + name[1:], stop
        p = hit.stop + 1 if hit.stop < len(toks) and toks[hit.stop].key == "của" else hit.stop
        if p in self.orgs and not toks[p].newline_before:
            stop, name = self.orgs[p]
            if not entry.member or tone_key(name).startswith("đảng"):
                return name, stop
        if entry.minister:
            stop, ministry = self.lex.ministry_at(toks, hit.stop)
            if stop > hit.stop:
                return ministry, stop
        if entry.embedded_head:
            return self._built_org(hit)
        if not entry.member:
            return self._headed_org(hit.stop, p)
        return "", hit.stop

    def _headed_org(self, hit_stop: int, p: int) -> tuple[str, int]:
        """A short body the recognizer missed ('Phó Chủ nhiệm Ủy ban,', '… Thành ủy,')."""
        toks = self.tokens
        head_end, _ = self.org_heads.match(toks, p) if p < len(toks) else (p, "")
        if head_end <= p:
            return "", hit_stop
        q = head_end
        while q < len(toks) and q - p < _MAX_RUN and toks[q].is_word and toks[q].is_cap:
            if toks[q].newline_before or self.people.starting_at(toks, q, aliases=False):
                break
            q += 1
        ends_cleanly = (
            q >= len(toks)
            or not toks[q].is_word
            or toks[q].newline_before
            or self.people.starting_at(toks, q, aliases=False) is not None
        )
        if ends_cleanly:
            return self.text[toks[p].start : toks[q - 1].end], q
        return "", hit_stop

    def _built_org(self, hit: TitleHit) -> tuple[str, int]:
        """'Trưởng ban Đối ngoại Trung ương' with no ORG mention: org 'Ban Đối ngoại Trung ương'."""
        toks = self.tokens
        q = hit.stop
        while q < len(toks) and q - hit.stop < _MAX_RUN and toks[q].is_word:
            if q > hit.stop and toks[q].newline_before:
                break
            if self.people.starting_at(toks, q, aliases=False) or self.lex.hit_at(toks, q):
                break
            q += 1
        if q == hit.stop or not toks[hit.stop].is_cap:
            return "", hit.stop
        head = toks[hit.stop - hit.entry.embedded_head]
        words = self.text[head.start : toks[q - 1].end]
        return words[:1].upper() + words[1:], q
