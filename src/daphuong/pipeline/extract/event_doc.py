"""One document as the event finder reads it: sentences, clauses, mentions and clutter."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from daphuong.domain.document import Segment
from daphuong.domain.extraction import EntityType, Mention
from daphuong.pipeline.extract.coref import PersonIndex
from daphuong.pipeline.extract.event_layout import (
    bracket_depths,
    clause_bounds,
    quoted_tokens,
    related_end,
    sentences,
)
from daphuong.pipeline.extract.event_words import Cue
from daphuong.pipeline.extract.titles import lexicon
from daphuong.pipeline.extract.tokens import OPEN_QUOTES, Token
from daphuong.text.keys import tone_key

# Words that open an adverbial phrase before the subject ('Sáng 8/9,', 'Tại hội nghị,').
_LEADING_WORDS = "tại trong ngày sáng chiều tối trưa hôm đêm vào theo nhân nhằm sau trước để qua \
từ đến dưới phát thay cũng ngoài nhận về với trên bên giới thiệu đồng thời"
LEADING = frozenset(_LEADING_WORDS.split())
_TIME_WORDS = frozenset({"sáng", "chiều", "tối", "trưa", "hôm", "đêm", "ngày", "vào", "rạng"})
_CLAUSE_BREAKS = frozenset({",", ";", ":", "(", ")"})
_SEGMENT_BREAKS = frozenset({",", ";"})
# Heads of a unit inside a ministry or body: its parent, named after a comma, is not a host too.
_UNIT_HEADS = ("vụ ", "cục ", "ban ", "văn phòng ", "viện ", "trung tâm ", "phòng ")
_PARENT_HEADS = ("bộ ", "ủy ban nhân dân", "ubnd", "liên hiệp ", "trung ương ", "học viện ")


def _unit(name: str, parent: str) -> bool:
    """'Vụ Hợp tác quốc tế, Bộ Y': a unit followed by the body it belongs to."""
    return tone_key(name).startswith(_UNIT_HEADS) and tone_key(parent).startswith(_PARENT_HEADS)


_ORG_CUTS = frozenset({"thuộc", "tại", "của", "cho", "ở"})
_EXCLUDED_CLUTTER = frozenset({"related", "comments"})
_SUBJECT_WORDS = frozenset({"đoàn", "ông", "bà", "ngài"})
_OWN_DATE_SPAN = 8
_OWN_DATE_WORDS = frozenset({"ngày", "từ", "vào"})
_SCHEDULE_WORDS = frozenset({"dự kiến", "sẽ diễn", "sẽ được", "sẽ khai", "diễn ra"})
_GROUPS = frozenset({"đoàn", "lượt", "chuyến", "cuộc", "buổi", "hoạt"})
_TAGS = frozenset({"outlet", "domain"})
_NESTING = (EntityType.ORG, EntityType.LEGAL_DOC, EntityType.EVENT)
_SUBJECT_TYPES = (EntityType.PERSON, EntityType.ORG, EntityType.LOCATION)
_NEAR = 60  # how far back an EVENT mention may start and still cover a word


class EventDoc:
    """Token-level views of one document that the event rules ask about."""

    def __init__(
        self,
        text: str,
        tokens: list[Token],
        mentions: Sequence[Mention],
        clutter: Sequence[Segment],
    ) -> None:
        """Index sentences, mentions by token range, clutter and the headline."""
        self.text, self.tokens, self.clutter = text, tokens, list(clutter)
        self.people = PersonIndex(tokens, mentions)
        start_tok = {t.start: i for i, t in enumerate(tokens)}
        end_tok = {t.end: i + 1 for i, t in enumerate(tokens)}
        spans: list[tuple[int, int, Mention]] = []
        for m in mentions:
            first, stop = start_tok.get(m.start), end_tok.get(m.end)
            if first is not None and stop is not None and stop > first:
                spans.append((first, stop, m))
        spans.sort(key=lambda x: (x[0], -x[1]))
        self._by_type = {t: [x for x in spans if x[2].type is t] for t in EntityType}
        self._firsts = {t: [x[0] for x in v] for t, v in self._by_type.items()}
        self._subject_firsts = sorted(x[0] for x in spans if x[2].type in _SUBJECT_TYPES)
        self._inside: set[int] = set()
        for first, stop, m in spans:
            if m.type in _NESTING:
                self._inside.update(range(first + 1, stop))
        self._org_starts = set(self._firsts[EntityType.ORG])
        self.sentences = sentences(tokens)
        self._token_ends = [t.end for t in tokens]
        self._stop_of = dict(self.sentences)
        self._depth = bracket_depths(tokens, self.sentences)
        self._quoted = quoted_tokens(tokens, self.sentences)
        self._clauses = clause_bounds(tokens, self.sentences)
        self._excluded = self._clutter_tokens(_EXCLUDED_CLUTTER)
        self._headline = self._headline_line()

    def _of_type(self, etype: EntityType, first: int, stop: int) -> list[tuple[int, int, Mention]]:
        """Mentions of a type starting in tokens[first:stop], in text order."""
        firsts = self._firsts[etype]
        lo, hi = bisect.bisect_left(firsts, first), bisect.bisect_left(firsts, stop)
        return self._by_type[etype][lo:hi]

    def _clutter_tokens(self, kinds: frozenset[str]) -> set[int]:
        starts = [t.start for t in self.tokens]
        out: set[int] = set()
        for seg in self.clutter:
            if seg.kind in kinds:
                out.update(
                    range(
                        bisect.bisect_left(starts, seg.start), bisect.bisect_left(starts, seg.end)
                    )
                )
        return out

    def _headline_line(self) -> tuple[int, int]:
        """The first line of text when it reads as a headline (no closing full stop)."""
        clutter = self._clutter_tokens(frozenset(s.kind for s in self.clutter))
        toks = self.tokens
        i = 0
        while i < len(toks) and (i in clutter or not toks[i].is_word):
            i += 1
        j = i + 1
        while j < len(toks) and not toks[j].newline_before:
            j += 1
        if i >= len(toks) or toks[j - 1].text in ".!?…":
            return 0, 0
        return i, j

    def plain_text(self) -> str:
        """The text with every clutter segment blanked (for the document's own years)."""
        chars = list(self.text)
        for seg in self.clutter:
            end = related_end(self.text, seg.end) if seg.kind == "related" else seg.end
            chars[seg.start : end] = " " * (end - seg.start)
        return "".join(chars)

    def sentence_text(self, first: int, stop: int) -> str:
        """Original text of tokens[first:stop]."""
        return self.text[self.tokens[first].start : self.tokens[stop - 1].end]

    def is_excluded(self, first: int, stop: int) -> bool:
        """The sentence lies in related-article or comment clutter."""
        return all(i in self._excluded for i in range(first, stop))

    def is_headline(self, first: int) -> bool:
        """The sentence belongs to the headline line."""
        return self._headline[0] <= first < self._headline[1]

    def in_name(self, i: int) -> bool:
        """Token i lies inside (not at the start of) an ORG, LEGAL_DOC or EVENT mention."""
        return i in self._inside

    def in_quotes(self, i: int) -> bool:
        """Token i lies inside quotation marks (a title or a quotation, not a report)."""
        return i in self._quoted

    def starts_org(self, i: int) -> bool:
        """An ORG mention starts at token i ('Diễn đàn nhân dân ASEAN')."""
        return i in self._org_starts

    def names_org_after(self, cue: Cue) -> bool:
        """'Tổ chức GPI', 'Tổ chức Lao động Quốc tế': the cue word is a noun naming (or opening
        the name of) an organization."""
        named = cue.stop in self._org_starts or cue.first in self._org_starts
        return named and self.tokens[cue.first].is_cap

    def event_mentions(self, first: int, stop: int) -> list[tuple[int, int]]:
        """Token ranges of EVENT mentions starting in the sentence."""
        return [(f, s) for f, s, _ in self._of_type(EntityType.EVENT, first, stop)]

    def event_mention_at(self, first: int, stop: int) -> Mention | None:
        """The longest EVENT mention overlapping tokens[first:stop] or opening right after it."""
        best: tuple[int, Mention] | None = None
        for f, s, m in self._of_type(EntityType.EVENT, first - _NEAR, stop + 2):
            opens_after = stop <= f <= stop + 1 and all(
                t.text in OPEN_QUOTES for t in self.tokens[stop:f]
            )
            overlaps = (f < stop and s > first) or opens_after
            if overlaps and (best is None or s - f > best[0]):
                best = (s - f, m)
        return best[1] if best else None

    def token_after(self, mention: Mention) -> int:
        """Token index right after a mention (its end), or the text's end."""
        return bisect.bisect_left(self._token_ends, mention.end) + 1

    def number_before(self, i: int) -> bool:
        """A count right before the word ('2 phiên thảo luận')."""
        return i > 0 and self.tokens[i - 1].is_digit and not self.tokens[i].newline_before

    def sentence_bounds(self, i: int, first: int) -> int:
        """End (exclusive) of the sentence that starts at `first`."""
        return self._stop_of.get(first, len(self.tokens))

    def clause_of(self, i: int, first: int) -> tuple[int, int]:
        """Token range of the clause holding token i (between commas, semicolons, brackets)."""
        return self._clauses[i] if i < len(self._clauses) else (first, first)

    def dates_in(self, first: int, stop: int) -> list[tuple[int, int, Mention]]:
        """DATE mentions in tokens[first:stop], outside brackets."""
        return [x for x in self._of_type(EntityType.DATE, first, stop) if not self._depth[x[0]]]

    def date_for(self, t_first: int, t_stop: int, first: int) -> Mention | None:
        """The date governing an event word: its schedule ('…, dự kiến diễn ra ngày X'), else the
        nearest date before it, else one later in its clause."""
        stop = self.sentence_bounds(t_first, first)
        clause_end = self.clause_of(max(t_first, t_stop - 1), first)[1]
        scheduled = self._scheduled_date(clause_end, stop)
        if scheduled is not None:
            return scheduled  # its own plan's date beats the day the plan was announced
        after = self.dates_in(t_stop, min(stop, clause_end))
        if after and self._own_date(t_stop, after[0][0]):
            return after[0][2]  # 'thăm Nhật Bản từ ngày 27 đến 30/11' after the day it is told
        before = self.dates_in(first, t_first)
        if before:
            return before[-1][2]
        if after:
            return after[0][2]
        later = self.dates_in(t_stop, stop)  # 'Hội nghị X diễn ra tại Y, Z từ ngày 5 đến 7/9'
        subject = self.main_clause_start(first, t_first) == t_first
        return later[0][2] if later and subject and self._opened(later[0][0]) else None

    def _opened(self, date_first: int) -> bool:
        """'từ ngày', 'vào ngày', 'ngày' right before a date: the date of what the clause tells."""
        toks = self.tokens[max(0, date_first - 3) : date_first]
        return any(t.key in _OWN_DATE_WORDS for t in toks)

    def own_range(self, t_first: int, t_stop: int, first: int) -> bool:
        """The event phrase is followed by its own span ('thăm Nhật Bản từ ngày 27 đến 30/11')."""
        stop = self.sentence_bounds(t_first, first)
        clause_end = self.clause_of(max(t_first, t_stop - 1), first)[1]
        after = self.dates_in(t_stop, min(stop, clause_end))
        if not after or not self._own_date(t_stop, after[0][0]):
            return False
        return any(t.key == "từ" for t in self.tokens[max(t_stop, after[0][0] - 3) : after[0][0]])

    def _own_date(self, t_stop: int, date_first: int) -> bool:
        """A date right after an event phrase, opened by 'từ ngày', 'vào ngày', 'ngày'."""
        toks = self.tokens
        if date_first - t_stop > _OWN_DATE_SPAN or date_first == 0:
            return False
        # 'từ ngày 27 đến 30/11': the range's opening words sit before its first day.
        return any(t.key in _OWN_DATE_WORDS for t in toks[max(t_stop, date_first - 3) : date_first])

    def _scheduled_date(self, i: int, stop: int) -> Mention | None:
        """'Hội nghị X, dự kiến diễn ra vào ngày 20/6': a plan's date in the clause after."""
        toks = self.tokens
        if i >= stop or toks[i].text != ",":
            return None
        j = self._skip_lead(i + 1, stop)
        words = " ".join(t.key for t in toks[j : j + 2])
        if words not in _SCHEDULE_WORDS:
            return None
        end = j
        while end < stop and toks[end].text not in _CLAUSE_BREAKS:
            end += 1
        dates = self.dates_in(j, end)
        return dates[0][2] if dates else None

    def same_day(self, first: int) -> bool:
        """'Cùng ngày, …', 'Trước đó, chiều cùng ngày, …': dated by the event told before it."""
        main = self.main_clause_start(first, self.sentence_bounds(first, first))
        return any(self._same_day_at(i) for i in range(first, main))

    def _same_day_at(self, i: int) -> bool:
        toks = self.tokens
        return i + 1 < len(toks) and toks[i].key == "cùng" and toks[i + 1].key == "ngày"

    def line_length(self, i: int) -> int:
        """How many tokens the line holding token i has."""
        toks = self.tokens
        start = i
        while start > 0 and not toks[start].newline_before:
            start -= 1
        end = i + 1
        while end < len(toks) and not toks[end].newline_before:
            end += 1
        return end - start

    def _skip_lead(self, i: int, stop: int) -> int:
        """Past brackets, dashes and quotes that open a sentence ('(VOV5)- ')."""
        toks = self.tokens
        while i < stop and not toks[i].is_word:
            if toks[i].text == "(":
                while i < stop and toks[i].text != ")":
                    i += 1
            i += 1
        return i

    def date_initial(self, first: int) -> bool:
        """The sentence opens with its date ('Sáng 8/9,', 'Ngày 23-11,', 'Hôm 11/10,')."""
        stop = self.sentence_bounds(first, first)
        i = self._skip_lead(first, stop)
        while i < stop and self.tokens[i].key in _TIME_WORDS:
            i += 1
        return bool(self.dates_in(i, i + 1))

    def main_clause_start(self, first: int, limit: int) -> int:
        """Token where the subject starts, past opening adverbial phrases."""
        i = first
        while i < limit:
            j = self._skip_lead(i, limit)
            opens_adverbial = j < limit and (
                self.tokens[j].key in LEADING
                or bool(self.dates_in(j, j + 1))
                or self._same_day_at(j)
            )
            if not opens_adverbial:
                return j
            k = j
            while k < limit and self.tokens[k].text not in _SEGMENT_BREAKS:
                k += 1
            if k >= limit:
                return j
            i = k + 1
        return min(i, limit)

    def counted_groups(self, first: int, stop: int, cues: Sequence[Cue]) -> bool:
        """A count or plural word before a group noun ('12 đoàn', 'các đoàn', 'nhiều lượt')."""
        plural_ends = {c.stop for c in cues if "plural" in c.kinds}
        toks = self.tokens
        for i in range(max(first, 1), stop):
            counted = toks[i - 1].is_digit or i in plural_ends
            if counted and toks[i].key in _GROUPS:
                return True
        return False

    def has_subject(self, first: int, stop: int) -> bool:
        """A person, organization, place or delegation is named in tokens[first:stop]."""
        if any(t.key in _SUBJECT_WORDS for t in self.tokens[first:stop]):
            return True
        titles = lexicon()
        if any(titles.hit_at(self.tokens, i) for i in range(first, min(stop, first + 3))):
            return True  # 'Chủ tịch nước đã hội đàm…': a title opens the subject
        lo = bisect.bisect_left(self._subject_firsts, first)
        return lo < len(self._subject_firsts) and self._subject_firsts[lo] < stop

    def orgs_in(self, first: int, stop: int, *, subject: bool) -> list[str]:
        """Outermost ORG mentions in tokens[first:stop] outside brackets; with `subject`, only
        those of comma-segments that open with a name (not 'tại trụ sở X', 'thuộc Y')."""
        out: list[str] = []
        seg = first
        while seg < stop:
            end = seg
            while end < stop and self.tokens[end].text not in _SEGMENT_BREAKS:
                end += 1
            before = len(out)
            self._segment_orgs(seg, end, out, subject=subject)
            if subject and before == 1 < len(out) and _unit(out[0], out[1]):
                del out[1]  # 'Vụ Hợp tác quốc tế, Bộ Y đã phối hợp …': the unit's ministry
            seg = end + 1
        return out

    def _segment_orgs(self, first: int, stop: int, out: list[str], *, subject: bool) -> None:
        j = self._skip_lead(first, stop)
        if subject and j < stop and self.tokens[j].key in LEADING:
            return
        covered, cut = 0, False
        for f, s, m in self._of_type(EntityType.ORG, j, stop):
            if f in self._inside or self._depth[f] or s <= covered or self._tag(f, s, m):
                continue
            # 'tại trụ sở X', 'thuộc Y': words between names, not inside them, end the subject.
            cut = cut or any(t.key in _ORG_CUTS for t in self.tokens[max(j, covered) : f])
            covered = max(covered, s)
            if subject and cut:
                continue
            if m.text not in out:
                out.append(m.text)

    def document_date(self, f: int) -> bool:
        """The DATE at token f dates a document ('Nghị quyết số 22-NQ/TW ngày 10/4/2013')."""
        k = f - 1 if f > 0 and self.tokens[f - 1].key == "ngày" else f
        return any(s == k for _, s, _ in self._of_type(EntityType.LEGAL_DOC, max(0, k - 30), k))

    def _tag(self, f: int, s: int, m: Mention) -> bool:
        """An outlet's tag opening the line ('NDO - Ngày …', 'TTXVN - …') hosts nothing."""
        toks = self.tokens
        opening = toks[f].newline_before and s < len(toks) and toks[s].text in "-–—."
        return m.source in _TAGS or opening

    def quoted_after(self, i: int, stop: int) -> str:
        """Text inside the first quotes opening at or right after token i, else ''."""
        toks = self.tokens
        if i >= stop or toks[i].text not in OPEN_QUOTES:
            return ""
        for j in range(i + 1, min(stop, i + 80)):
            if toks[j].text in "”’\"'»“":
                return self.text[toks[i].end : toks[j].start].strip()
        return ""
