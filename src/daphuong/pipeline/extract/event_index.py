"""One document indexed by token for the event finder: sentences, clauses, mentions, clutter."""

from __future__ import annotations

import bisect
import re
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

# Words that open an adverbial phrase before the subject ('Sáng 8/9,', 'Tại hội nghị,').
_LEADING_WORDS = "tại trong ngày sáng chiều tối trưa hôm đêm vào theo nhân nhằm sau trước để qua \
từ đến dưới phát thay cũng ngoài nhận về với trên bên giới thiệu đồng thời tiếp ngay"
LEADING = frozenset(_LEADING_WORDS.split())
SEGMENT_BREAKS = frozenset({",", ";"})
_EXCLUDED_CLUTTER = frozenset({"related", "comments"})
_SUBJECT_WORDS = frozenset({"đoàn", "ông", "bà", "ngài"})
_SUBJECT_PAIRS = frozenset({("đại", "biểu"), ("hai", "bên"), ("các", "bên"), ("khách", "mời")})
_GROUPS = frozenset({"đoàn", "lượt", "chuyến", "cuộc", "buổi", "hoạt"})
_NESTING = (EntityType.ORG, EntityType.LEGAL_DOC, EntityType.EVENT)
_SUBJECT_TYPES = (EntityType.PERSON, EntityType.ORG, EntityType.LOCATION)
# Words before a bracketed day: 'Sáng nay (14/5)', 'Chiều qua (13/5)', 'hôm qua (ngày 13/5)'.
_RELATIVE_TIMES = frozenset({"nay", "qua", "mai"})
_NEAR = 60
# A sentence about what is still to come: its year is the plan's, not the story's.
_PLAN = re.compile(r"(?<!\w)(?:sẽ|dự kiến|phấn đấu)(?!\w)", re.IGNORECASE)
# 'Cùng ngày' and a bare time of day ('Buổi tối, …'): another moment of the day just told;
# 'Dịp này', 'cùng dịp': the occasion just told (an award handed over is part of it).
ANOTHER_TIME = frozenset(
    {("cùng", "ngày")} | {("buổi", part) for part in ("sáng", "trưa", "chiều", "tối")}
)
_SAME_DAY = ANOTHER_TIME | {("dịp", "này"), ("cùng", "dịp")}


class DocIndex:
    """Where things lie in one document: sentences, clauses, mentions by token, clutter."""

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
        """The text the document's own years are read from: clutter, legal documents ('Luật …
        năm 2024' dates the law) and plans ('… sẽ diễn ra vào tháng 11/2027') blanked."""
        chars = list(self.text)
        for seg in self.clutter:
            end = related_end(self.text, seg.end) if seg.kind == "related" else seg.end
            chars[seg.start : end] = " " * (end - seg.start)
        for _, _, m in self._by_type[EntityType.LEGAL_DOC]:
            chars[m.start : m.end] = " " * (m.end - m.start)
        for first, stop in self.sentences:
            if _PLAN.search(self.sentence_text(first, stop)):
                start, end = self.tokens[first].start, self.tokens[stop - 1].end
                chars[start:end] = " " * (end - start)
        return "".join(chars)

    def sentence_text(self, first: int, stop: int) -> str:
        """Original text of tokens[first:stop]."""
        return self.text[self.tokens[first].start : self.tokens[stop - 1].end]

    def dating_text(self, first: int, stop: int) -> str:
        """The sentence's text with legal documents blanked: the year of 'Luật Biển năm 1982'
        dates the law, not the meeting the sentence reports."""
        start = self.tokens[first].start
        chars = list(self.sentence_text(first, stop))
        for _, _, m in self._of_type(EntityType.LEGAL_DOC, first, stop):
            chars[m.start - start : m.end - start] = " " * (m.end - m.start)
        return "".join(chars)

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
        """DATE mentions in tokens[first:stop], outside brackets unless they give the day of a
        relative time ('Sáng nay (14/5)', 'hôm qua (ngày 13/5)')."""
        found = self._of_type(EntityType.DATE, first, stop)
        return [x for x in found if not self._depth[x[0]] or self.time_bracket(x[0]) < x[0]]

    def time_bracket(self, f: int) -> int:
        """Index of the '(' that opens the day of a relative time before token f, else f."""
        toks = self.tokens
        k = f - 1 if f > 0 and toks[f - 1].key == "ngày" else f
        if k < 2 or toks[k - 1].text != "(" or toks[k - 2].key not in _RELATIVE_TIMES:
            return f
        return k - 1

    def _same_day_at(self, i: int, pairs: frozenset[tuple[str, str]] = _SAME_DAY) -> bool:
        """'cùng ngày'; 'dịp này', 'cùng dịp': the occasion just told, so its day."""
        toks = self.tokens
        if i + 1 >= len(toks):
            return False
        pair = (toks[i].key, toks[i + 1].key)
        return pair in pairs

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
            while k < limit and self.tokens[k].text not in SEGMENT_BREAKS:
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
        toks = self.tokens
        if any(t.key in _SUBJECT_WORDS for t in toks[first:stop]):
            return True
        if any((toks[i].key, toks[i + 1].key) in _SUBJECT_PAIRS for i in range(first, stop - 1)):
            return True  # 'các đại biểu trồng cây …', 'hai bên ký …'

        titles = lexicon()
        if any(titles.hit_at(self.tokens, i) for i in range(first, min(stop, first + 3))):
            return True  # 'Chủ tịch nước đã hội đàm…': a title opens the subject
        lo = bisect.bisect_left(self._subject_firsts, first)
        return lo < len(self._subject_firsts) and self._subject_firsts[lo] < stop

    def document_date(self, f: int) -> bool:
        """The DATE at token f dates a document ('Nghị quyết số 22-NQ/TW ngày 10/4/2013')."""
        k = f - 1 if f > 0 and self.tokens[f - 1].key == "ngày" else f
        return any(s == k for _, s, _ in self._of_type(EntityType.LEGAL_DOC, max(0, k - 30), k))

    def quoted_after(self, i: int, stop: int) -> str:
        """Text inside the first quotes opening at or right after token i, else ''."""
        toks = self.tokens
        if i >= stop or toks[i].text not in OPEN_QUOTES:
            return ""
        for j in range(i + 1, min(stop, i + 80)):
            if toks[j].text in "”’\"'»“":
                return self.text[toks[i].end : toks[j].start].strip()
        return ""
