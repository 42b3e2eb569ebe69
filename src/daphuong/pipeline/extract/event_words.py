"""Event vocabulary: words that report an event (by kind) and the cue words around them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from daphuong.pipeline.extract.gazetteer import PhraseTable, read_tsv
from daphuong.pipeline.extract.tokens import Token
from daphuong.text.keys import tone_key

NOUN, VERB, GENERIC, CLASSIFIER = "noun", "verb", "generic", "classifier"
# A head followed by these words is another noun: 'Đại hội đồng', 'lễ tân', 'lễ hội'.
_BLOCKED_NEXT = {
    "đại hội": frozenset({"đồng"}),
    "lễ": frozenset({"tân", "hội", "phép", "nghi", "tết", "vật"}),
    "hội nghị": frozenset({"viên"}),
    "buổi": frozenset({"sáng", "trưa", "chiều", "tối"}),  # 'Buổi tối, …' is a time of day
}


@dataclass(frozen=True, slots=True)
class Trigger:
    """A word or phrase reporting an event, by token range."""

    first: int
    stop: int
    kind: str
    form: str  # noun | verb | generic | classifier


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue phrase (organize, chair, future…) by token range."""

    first: int
    stop: int
    kinds: frozenset[str]


_NOMINAL = frozenset({"việc", "kinh nghiệm", "địa điểm", "khả năng", "năng lực", "công tác"})
_HELPERS = frozenset({"chuẩn bị", "phối hợp"})


def nominal_cue(toks: list[Token], i: int) -> bool:
    """A noun before a cue makes it a topic ('việc tổ chức', 'kinh nghiệm tổ chức'), also past
    a helping verb ('việc chuẩn bị tổ chức Lễ …', 'công tác phối hợp tổ chức …')."""
    if i > 2 and f"{toks[i - 2].key} {toks[i - 1].key}" in _HELPERS:
        i -= 2
    one = toks[i - 1].key if i > 0 else ""
    two = f"{toks[i - 2].key} {one}" if i > 1 else ""
    return one in _NOMINAL or two in _NOMINAL


_PRAISE = frozenset({"đánh giá cao", "cảm ơn", "cám ơn", "chúc mừng", "hoan nghênh", "biểu dương"})


def praise_at(toks: list[Token], first: int, stop: int) -> int:
    """Where 'đánh giá cao', 'cảm ơn', 'chúc mừng' … first stand in tokens[first:stop], else
    stop: 'X đánh giá cao Quốc hội đã tổ chức thành công Hội nghị …' praises what happened
    before, named in passing, not reported."""
    for i in range(first, stop):
        if any(" ".join(t.key for t in toks[i : i + n]) in _PRAISE for n in (2, 3)):
            return i
    return stop


def reporting_cues(toks: list[Token], cues: list[Cue], first: int, stop: int) -> list[Cue]:
    """Cues that report: not a topic ('việc tổ chức thành công Hội nghị … là minh chứng',
    'kinh nghiệm đăng cai Tuần lễ …'), not a praised past deed after 'đánh giá cao'."""
    praise = praise_at(toks, first, stop)
    return [
        c
        for c in cues
        if not nominal_cue(toks, c.first)
        and not ("create" in c.kinds and "chair" not in c.kinds and c.first > praise)
    ]


def noun_use(cues: list[Cue], cue: Cue) -> bool:
    """'các tổ chức': a plural word before a cue makes it a noun."""
    return any("plural" in c.kinds and c.stop == cue.first for c in cues)


def in_span(cues: list[Cue], span: tuple[int, int]) -> list[Cue]:
    """Cues starting inside a token span."""
    return [c for c in cues if span[0] <= c.first < span[1]]


def cue_ends_at(cues: list[Cue], i: int, kind: str) -> bool:
    """A cue of a kind ends right at token i ('các' + 'hội nghị')."""
    return any(kind in c.kinds and c.stop == i for c in cues)


def cue_before(cues: list[Cue], i: int, first: int, kind: str) -> bool:
    """A cue of a kind starts in tokens[first:i]."""
    return any(kind in c.kinds and first <= c.first < i for c in cues)


def cue_within(cues: list[Cue], span: tuple[int, int], kind: str) -> bool:
    """A cue of a kind starts inside a token span."""
    return any(kind in c.kinds for c in in_span(cues, span))


@dataclass(frozen=True, slots=True)
class EventLexicon:
    """Event heads and cue phrases, matched case- and tone-placement-insensitively."""

    heads: PhraseTable  # label 'kind|form'
    cues: PhraseTable  # label 'kind,kind'
    not_visit: frozenset[str]
    not_visit_before: frozenset[str]

    def triggers(self, tokens: list[Token], first: int, stop: int) -> list[Trigger]:
        """Event words in tokens[first:stop], longest first, not overlapping."""
        out: list[Trigger] = []
        i = first
        while i < stop:
            end, label = (
                self.heads.match(tokens, i, strict_case=False) if tokens[i].is_word else (i, "")
            )
            if end <= i or end > stop:
                i += 1
                continue
            kind, form = label.split("|")
            if self._blocked(tokens, i, end, form):
                i += 1
                continue
            out.append(Trigger(i, end, kind, form))
            i = end
        return out

    def _blocked(self, tokens: list[Token], i: int, end: int, form: str) -> bool:
        nxt = tokens[end].key if end < len(tokens) else ""
        phrase = " ".join(t.key for t in tokens[i:end])
        if nxt in _BLOCKED_NEXT.get(phrase, frozenset()):
            return True
        if form != VERB:
            return False
        prev = tokens[i - 1].key if i > 0 else ""
        return nxt in self.not_visit or prev in self.not_visit_before

    def cues_in(self, tokens: list[Token], first: int, stop: int) -> list[Cue]:
        """Cue phrases in tokens[first:stop], longest first, not overlapping."""
        out: list[Cue] = []
        i = first
        while i < stop:
            end, label = (
                self.cues.match(tokens, i, strict_case=False) if tokens[i].is_word else (i, "")
            )
            if end <= i or end > stop:
                i += 1
                continue
            out.append(Cue(i, end, frozenset(label.split(","))))
            i = end
        return out


@lru_cache(maxsize=1)
def event_lexicon() -> EventLexicon:
    """Load the event vocabulary once."""
    heads = PhraseTable()
    for row in read_tsv("extra_roles_event_triggers.tsv"):
        heads.add(row["phrase"], f"{row['kind']}|{row.get('form') or NOUN}")
    kinds: dict[str, set[str]] = {}
    for row in read_tsv("extra_roles_event_cues.tsv"):
        kinds.setdefault(row["cue"], set()).add(row["kind"])
    cues = PhraseTable()
    for phrase, labels in kinds.items():
        if labels & {"not_visit", "not_visit_before"} != labels:
            cues.add(phrase, ",".join(sorted(labels - {"not_visit", "not_visit_before"})))
    return EventLexicon(
        heads,
        cues,
        frozenset(tone_key(p) for p, k in kinds.items() if "not_visit" in k),
        frozenset(tone_key(p) for p, k in kinds.items() if "not_visit_before" in k),
    )
