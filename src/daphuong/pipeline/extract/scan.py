"""A tokenized document with the gazetteer lookups every recognizer shares."""

from __future__ import annotations

from dataclasses import dataclass, field

from daphuong.domain.extraction import EntityType
from daphuong.pipeline.extract.gazetteer import Gazetteer, PhraseTable
from daphuong.pipeline.extract.titles import lexicon
from daphuong.pipeline.extract.tokens import DASHES, Token, is_vietnamese_syllable, tokenize

MAX_NAME_TOKENS = 18
_LIST_ITEM = 4  # words of one list item before 'và'


@dataclass(slots=True)
class Candidate:
    """A possible mention before overlaps are resolved (character offsets)."""

    type: EntityType
    start: int
    end: int
    source: str
    confidence: float = 0.8
    value: str | None = None
    generic: bool = False  # a head noun with only lower-case words ('Tổ chức quốc tế')
    parent: bool = True  # names inside it are listed too (not for 'Báo X', 'Trung ương X')
    edition: bool = False  # an edition of a body ('ASEM 12'): the body, at its start, is listed
    spreads: bool = False  # a meeting spreading a document ('Hội nghị quán triệt Chỉ thị …')


@dataclass(slots=True)
class Doc:
    """The text, its tokens and cached gazetteer lookups."""

    text: str
    gaz: Gazetteer
    tokens: list[Token] = field(default_factory=list)
    _names: dict[int, tuple[int, str]] = field(default_factory=dict)
    _cache: dict[tuple[str, int], tuple[int, str]] = field(default_factory=dict)

    shouted: set[int] = field(default_factory=set)  # words of all-capitals lines (banners)

    @classmethod
    def build(cls, text: str, gaz: Gazetteer) -> Doc:
        """Tokenize the text and mark the words of all-capitals lines."""
        doc = cls(text=text, gaz=gaz, tokens=tokenize(text))
        doc.shouted = _shouted(doc.tokens)
        return doc

    def lower_like(self, i: int) -> bool:
        """Token i behaves as a lower-case word: lower-case, or a word of a banner line."""
        tok = self.tokens[i]
        return tok.is_word and (not tok.is_cap or i in self.shouted)

    def __len__(self) -> int:
        return len(self.tokens)

    def chars(self, i: int, j: int) -> tuple[int, int]:
        """Character span of tokens[i:j]."""
        return self.tokens[i].start, self.tokens[j - 1].end

    def cand(self, etype: EntityType, i: int, j: int, source: str, conf: float = 0.8) -> Candidate:
        """A candidate over tokens[i:j]."""
        start, end = self.chars(i, j)
        return Candidate(etype, start, end, source, conf)

    def list_comma(self, j: int) -> bool:
        """The comma at j joins items of a list closed by 'và' ('an toàn, trật tự và hợp
        pháp'): a few lower-case words, then 'và'."""
        toks = self.tokens
        for k in range(j + 1, min(len(toks), j + 1 + _LIST_ITEM)):
            if toks[k].newline_before or not self.lower_like(k):
                return False
            if toks[k].key == "và":
                return k > j + 1
        return False

    def name_at(self, i: int) -> tuple[int, str]:
        """Longest gazetteer name (ORG/LOC/PERSON) at token i: (end, label) or (i, '')."""
        hit = self._names.get(i)
        if hit is None:
            hit = self.gaz.names.match(self.tokens, i)
            self._names[i] = hit
        return hit

    def _lookup(self, table: str, i: int, *, capital: bool) -> tuple[int, str]:
        hit = self._cache.get((table, i))
        if hit is None:
            if capital and not self.tokens[i].is_cap:
                hit = (i, "")
            else:
                phrases: PhraseTable = getattr(self.gaz, table)
                hit = phrases.match(self.tokens, i, strict_case=False)
            self._cache[(table, i)] = hit
        return hit

    def title_at(self, i: int) -> int:
        """End of a title starting at token i (case-insensitive), else i."""
        return self._lookup("titles", i, capital=False)[0]

    def head_at(self, i: int) -> tuple[int, str]:
        """Organisation head noun at token i (capitalised): (end, kind) or (i, '')."""
        return self._lookup("org_heads", i, capital=True)

    def event_head_at(self, i: int) -> tuple[int, str]:
        """Meeting head word at token i (capitalised): (end, kind) or (i, '')."""
        return self._lookup("event_heads", i, capital=True)

    def stop_at(self, i: int) -> bool:
        """A lower-case stop word or phrase starts at token i."""
        if self.tokens[i].is_cap and i not in self.shouted:
            return False
        return self._lookup("stops", i, capital=False)[0] > i

    def stop_upper(self, i: int) -> bool:
        """An all-capitals word that is a stop word in lower case ('VỀ' in a banner)."""
        return self.gaz.stops.match(self.tokens, i, strict_case=False)[0] > i

    def continuation_at(self, i: int) -> int:
        """End of a lower-case phrase that continues a name ('các tổ chức'), else i."""
        return self.gaz.continuations.match(self.tokens, i, strict_case=False)[0]

    def cue_at(self, i: int) -> tuple[int, str]:
        """A cue word (honorific, credit, source) at token i: (end, kind) or (i, '')."""
        return self._lookup("cues", i, capital=False)

    def in_title(self, i: int) -> bool:
        """Token i lies inside a title that starts before it ('Thứ trưởng Thường trực')."""
        return any(self.title_at(k) > i for k in range(max(0, i - 4), i))

    def joined(self, i: int) -> bool:
        """Token i touches token i-1 (no space between)."""
        return i > 0 and not self.tokens[i].space_before

    def is_dash(self, i: int) -> bool:
        """Token i is a dash of any kind."""
        return i < len(self.tokens) and self.tokens[i].text in DASHES

    def person_at(self, i: int) -> int:
        """End of a Vietnamese full name (surname + 1-3 capitalised syllables) at i, else i."""
        toks = self.tokens
        if not toks[i].is_cap or toks[i].key not in self.gaz.surnames or self._inside_run(i):
            return i
        j = i + 1
        while j < len(toks) and j - i < 4 and self._given_ok(j):
            j += 1
        if j - i < 2 or self._inside_org(i):
            return i
        if self._name_word_goes_on(j - 1):
            return i  # 'Viện … Nông Lâm nghiệp Tây Nguyên': a body's name word, not a given name
        end, label = self.name_at(i)
        if label in ("LOC", "ORG") and end >= j:
            return i
        if label == "LOC" and end - i >= 2:
            return i  # 'Ngoại trưởng Hàn Quốc Cho Tae-yul': a country, then the name
        return j

    def _name_word_goes_on(self, k: int) -> bool:
        """Token k opens a lower-case name word ('Lâm nghiệp') that a capitalised word follows."""
        end = self.gaz.org_words.match(self.tokens, k)[0]
        return k + 1 < end < len(self.tokens) and self.tokens[end].is_cap

    def _given_ok(self, j: int) -> bool:
        tok = self.tokens[j]
        if not tok.is_cap or tok.newline_before or not tok.space_before:
            return False
        if j in self.shouted and self.stop_upper(j):
            return False  # a banner stop word such as VỀ ends the name
        if not is_vietnamese_syllable(tok.text):
            return False
        if self.head_at(j)[0] > j or self.title_at(j) > j or self.event_head_at(j)[0] > j:
            return False
        end, label = self.name_at(j)
        return not (label == "ORG" and end > j)

    def _inside_org(self, i: int) -> bool:
        """'Bí thư Trung ương Đoàn Nguyễn Văn A': the surname-like word ends a known body."""
        return any(
            self.name_at(k)[1] == "ORG" and self.name_at(k)[0] > i for k in range(max(0, i - 3), i)
        )

    def _inside_run(self, i: int) -> bool:
        """'Nam Từ Liêm', 'số 8 Tôn Thất Thuyết': a surname inside a longer run is no name start."""
        if i == 0 or self.tokens[i].newline_before or not self.tokens[i].space_before:
            return False
        prev = self.tokens[i - 1]
        if prev.is_digit:
            return True
        if not prev.is_word or not prev.is_cap or prev.is_upper:
            return False
        if any(self.name_at(k)[0] == i for k in range(max(0, i - 5), i)):
            return False
        return not self._ministry_ends(i)

    def _ministry_ends(self, i: int) -> bool:
        """'Bộ trưởng Công Thương Nguyễn Hồng Diên': a minister's title and ministry end at i."""
        for k in range(max(0, i - 4), i):
            title_end = self.title_at(k)
            if title_end > k and lexicon().ministry_at(self.tokens, title_end)[0] == i:
                return True
        return False


_SHOUT_MIN_WORDS = 4


def _shouted(tokens: list[Token]) -> set[int]:
    """Indices of words in runs of four or more all-capitals words (banners, headlines)."""
    out: set[int] = set()
    run: list[int] = []
    for i, tok in enumerate(tokens):
        if not tok.is_word or tok.is_digit:
            continue  # punctuation and numbers neither break nor extend a run
        if tok.is_upper:
            run.append(i)
            continue
        if len(run) >= _SHOUT_MIN_WORDS:
            out.update(run)
        run = []
    if len(run) >= _SHOUT_MIN_WORDS:
        out.update(run)
    return out
