"""Title vocabulary and title matches in text: 'Thứ trưởng', 'Phó Trưởng ban', 'nguyên Đại sứ'."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from daphuong.pipeline.extract.gazetteer import PhraseTable, read_tsv
from daphuong.pipeline.extract.tokens import Token
from daphuong.text.keys import tone_key

NOT_ROLES = frozenset({"academic", "occupation", "rank"})
# Words that open an organization named inside a title: 'Trưởng ban X' → org 'Ban X'.
_EMBEDDED_HEADS = frozenset(
    {"ban", "văn phòng", "phái đoàn", "phái bộ", "cơ quan đại diện", "phòng", "đoàn"}
)
# A title is a 'member' title when it names the body it belongs to (ANNOTATION.md point 4).
_MEMBER_BODIES = ("trung ương", "bộ chính trị", "ban bí thư")
_MINISTER = frozenset({"bộ trưởng", "thứ trưởng", "thứ trưởng thường trực"})
_PREFIX_FLAGS = {"nguyên": "former", "quyền": "acting", "tân": "new"}
_PLURAL = frozenset({"các", "những", "nhiều", "mấy", "vài", "hai", "ba", "bốn"})
# A title word followed by these is another noun: 'Đại sứ quán', 'Chủ tịch nước' is listed.
_BLOCKED_NEXT = {"đại sứ": frozenset({"quán"}), "lãnh sự": frozenset({"quán"})}


@dataclass(frozen=True, slots=True)
class TitleEntry:
    """One title of the vocabulary with what the roles extractor needs to know about it."""

    title: str
    kind: str
    member: bool  # Party membership title: its org is '' unless a party follows
    minister: bool  # a ministry may follow without 'Bộ': 'Thứ trưởng Ngoại giao'
    embedded_head: int  # trailing words of the title that open an org ('ban' in 'Trưởng ban')

    @property
    def is_role(self) -> bool:
        """Academic and military ranks and occupations are not roles."""
        return self.kind not in NOT_ROLES


@dataclass(frozen=True, slots=True)
class TitleHit:
    """A title found in text: token range, flags from its prefix word, the vocabulary entry."""

    first: int  # token index of the title's first word
    stop: int  # token index after the title's last word
    lead: int  # token index where the title's prefix ('nguyên', 'Quyền') starts
    entry: TitleEntry
    former: bool
    acting: bool
    generic: bool = False  # 'các Đại sứ', '35 Ủy viên': people in general, not one person


@dataclass(frozen=True, slots=True)
class TitleLexicon:
    """Titles, honorifics and ministries, matched case- and tone-placement-insensitively."""

    titles: PhraseTable
    entries: dict[str, TitleEntry]
    honorifics: PhraseTable
    ministries: PhraseTable  # label: the full ministry name

    def hit_at(self, tokens: list[Token], i: int) -> TitleHit | None:
        """The title starting at token i (with a prefix word before it), or None."""
        stop, label = self.titles.match(tokens, i, strict_case=False)
        if stop <= i:
            return None
        entry = self.entries[label]
        if stop < len(tokens) and tokens[stop].key in _BLOCKED_NEXT.get(label, frozenset()):
            return None
        lead, flag = i, ""
        prev = tokens[i - 1].key if i > 0 and not tokens[i].newline_before else ""
        if prev in _PREFIX_FLAGS:
            lead, flag = i - 1, _PREFIX_FLAGS[prev]
        generic = prev in _PLURAL or prev.isdigit()
        return TitleHit(i, stop, lead, entry, flag == "former", flag == "acting", generic)

    def honorific_end(self, tokens: list[Token], i: int) -> int:
        """Token index after an honorific or academic rank at i ('ông', 'Tiến sĩ'), else i."""
        stop, _ = self.honorifics.match(tokens, i, strict_case=False)
        if stop > i:
            return stop
        hit = self.hit_at(tokens, i)
        return hit.stop if hit is not None and not hit.entry.is_role else i

    def ministry_at(self, tokens: list[Token], i: int) -> tuple[int, str]:
        """A ministry's short name at token i: (end token, full name) or (i, '')."""
        return self.ministries.match(tokens, i, strict_case=False)


def _extends_known(key: str, entries: dict[str, TitleEntry]) -> bool:
    """'Bí thư Thành ủy' extends 'Bí thư': the rest is an org, which roles keep apart."""
    words = key.split()
    return any(" ".join(words[:n]) in entries for n in range(1, len(words)))


def _entry(title: str, kind: str, note: str) -> TitleEntry:
    key = tone_key(title)
    words = key.split()
    member = (
        note == "member"
        or note.startswith("membership")
        or (kind == "party" and any(b in key for b in _MEMBER_BODIES) and words[0] == "ủy")
    )
    embedded = 0
    if words[0] in ("trưởng", "chánh") or words[:2] == ["phó", "trưởng"] or words[0] == "phó":
        for head in _EMBEDDED_HEADS:
            n = len(head.split())
            if " ".join(words[-n:]) == head and len(words) > n and head != "đoàn":
                embedded = max(embedded, n)
    if note.startswith("military rank"):
        kind = "rank"  # 'Thiếu tướng', 'Đại tá': a rank like 'Tiến sĩ', not a role
    return TitleEntry(title, kind, member, key in _MINISTER, embedded)


@lru_cache(maxsize=1)
def lexicon() -> TitleLexicon:
    """Load the title vocabulary once (missing gazetteer files are simply empty)."""
    titles = PhraseTable()
    entries: dict[str, TitleEntry] = {}
    own = read_tsv("extra_roles_titles.tsv")
    shared = sorted(read_tsv("titles.tsv"), key=lambda r: len(r.get("title", "").split()))
    for n, row in enumerate([*own, *shared]):
        title = row.get("title", "").strip()
        key = tone_key(title)
        if not title or key in entries or (n >= len(own) and _extends_known(key, entries)):
            continue
        entries[key] = _entry(title, row.get("kind", "").strip(), row.get("note", "").strip())
        titles.add(title, key)
    honorifics = PhraseTable()
    for word in ("ông", "bà", "ngài", "đồng chí", "anh", "chị", "Bác", "quý bà", "phu nhân"):
        honorifics.add(word, "honorific")
    for row in read_tsv("honorifics.tsv"):
        for column in ("word", "honorific"):
            if row.get(column):
                honorifics.add(row[column], "honorific")
    ministries = PhraseTable()
    for name in ("extra_roles_ministries.tsv", "ministry_short.tsv"):
        for row in read_tsv(name):
            if row.get("short") and row.get("ministry"):
                ministries.add(row["short"], row["ministry"])
    return TitleLexicon(titles, entries, honorifics, ministries)
