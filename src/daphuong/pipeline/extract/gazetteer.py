"""Vocabulary from the gazetteer TSV files (daphuong/data/gazetteer), loaded once per process."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from daphuong.pipeline.extract.tokens import Token, tokenize

DATA_DIR = Path(__file__).resolve().parents[2] / "data" / "gazetteer"

Key = tuple[str, ...]
_END = "\x00"  # trie slot holding a complete phrase (no token key is a NUL)


def read_tsv(name: str, directory: Path = DATA_DIR) -> list[dict[str, str]]:
    """Rows of a TSV file with a header line; '#' lines skipped; [] when the file is missing."""
    path = directory / name
    if not path.is_file():
        return []
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            header = cells
            continue
        rows.append(dict(zip(header, cells + [""] * (len(header) - len(cells)), strict=False)))
    return rows


def values(row: dict[str, str], *columns: str) -> Iterator[str]:
    """Every non-empty value in the given columns, splitting '|' lists."""
    for column in columns:
        for value in row.get(column, "").split("|"):
            if value.strip():
                yield value.strip()


# First words that may be written in lower case before a capitalised name ('tổ chức Pháp ngữ').
_GENERIC_FIRST = frozenset({"tổ", "thành", "ban", "tỉnh"})
_UPPER = 2  # case code of an all-capitals word of two letters or more


def phrase_key(phrase: str) -> tuple[Key, tuple[int, ...]]:
    """Token keys of a phrase and each token's case: 0 lower, 1 capitalised, 2 acronym."""
    toks = tokenize(phrase)
    caps = tuple(_UPPER if t.is_upper and len(t.text) > 1 else int(t.is_cap) for t in toks)
    return tuple(t.key for t in toks), caps


@dataclass(slots=True)
class PhraseTable:
    """Multi-token phrases in a trie of token keys, matched longest-first at a token position."""

    entries: dict[Key, tuple[str, list[tuple[int, ...]]]] = field(default_factory=dict)
    trie: dict[str, Any] = field(default_factory=dict)

    def add(self, phrase: str, label: str) -> None:
        """Register a phrase under a label; the first registration of a key wins."""
        if "(" in phrase:
            return  # 'Liên hợp quốc (LHQ)': the recognizer pairs names and abbreviations itself
        key, caps = phrase_key(phrase)
        if not key:
            return
        known = self.entries.get(key)
        if known is not None:
            if caps not in known[1]:
                known[1].append(caps)  # same words, other capitals: both spellings are names
            return
        self.entries[key] = (label, [caps])
        node = self.trie
        for part in key:
            node = node.setdefault(part, {})
        node[_END] = self.entries[key]

    def match(self, tokens: list[Token], i: int, *, strict_case: bool = True) -> tuple[int, str]:
        """Longest phrase starting at token i: (end token index, label), or (i, '')."""
        best = (i, "")
        node: dict[str, Any] | None = self.trie
        j = i
        while j < len(tokens):
            node = node.get(tokens[j].key) if node is not None else None
            if node is None:
                break
            j += 1
            entry = node.get(_END)
            if entry is not None and (
                not strict_case or any(_case_ok(tokens[i:j], caps) for caps in entry[1])
            ):
                best = (j, entry[0])
        return best


def _case_ok(toks: list[Token], caps: tuple[int, ...]) -> bool:
    """Capitalised words of the phrase must be capitalised in the text (the first may not be
    when later capitals carry the name, as in 'tổ chức Pháp ngữ')."""
    lower_first = any(caps[1:]) and toks[0].key in _GENERIC_FIRST
    for n, (tok, cap) in enumerate(zip(toks, caps, strict=True)):
        if cap and not tok.is_cap and not (n == 0 and lower_first):
            return False
        if cap == _UPPER and not tok.is_upper:
            return False  # 'NAM' (an acronym) is not 'Nam'
    return True


def _words(rows: Iterable[dict[str, str]], *columns: str) -> set[str]:
    from daphuong.text.keys import tone_key

    return {tone_key(v) for row in rows for v in values(row, *columns)}


@dataclass(slots=True)
class Gazetteer:
    """All vocabulary the recognizers use."""

    names: PhraseTable  # labels ORG, LOC, PERSON
    titles: PhraseTable  # label TITLE
    org_heads: PhraseTable  # label = head kind (org, mission, party, media, school…)
    event_heads: PhraseTable  # label = event kind
    legal_types: PhraseTable  # label LEGAL
    cues: PhraseTable  # label = cue kind (honorific, credit, source, money…)
    surnames: set[str]
    given: set[str]
    stops: PhraseTable  # lower-case words and phrases that end a name
    name_words: PhraseTable  # lower-case words allowed to open a meeting name
    continuations: PhraseTable  # lower-case phrases that continue a name ('các tổ chức')
    org_words: PhraseTable  # lower-case words that may follow a head noun ('Sở ngoại vụ')
    topics: PhraseTable  # lower-case subjects after 'về' in a body's name ('… về nhân quyền')
    short_places: set[str]  # 'Việt', 'Hàn', 'Á'… (halves of 'Việt - Hàn')
    international: set[Key] = field(default_factory=set)  # international bodies' name keys


_INTERNATIONAL = frozenset({"intl", "international", "mechanism", "forum", "foreign_gov"})


def _international(*files: str) -> set[Key]:
    """Keys of every name and alias of international bodies (their documents keep 'của X')."""
    rows = [row for name in files for row in read_tsv(name) if row.get("kind") in _INTERNATIONAL]
    return {phrase_key(v)[0] for row in rows for v in values(row, "name", "aliases")}


def _add_all(table: PhraseTable, rows: Iterable[dict[str, str]], label: str, *cols: str) -> None:
    for row in rows:
        for value in values(row, *cols):
            table.add(value, label)


def _add_places(table: PhraseTable, rows: Iterable[dict[str, str]]) -> None:
    """Places, and each hyphenated transcription also as the press writes it with spaces
    ('Cu-ba' → 'Cu Ba', 'Xinh-ga-po' → 'Xinh Ga Po')."""
    for row in rows:
        for value in values(row, "name", "aliases"):
            table.add(value, "LOC")
            spaced = spaced_spelling(value)
            if spaced != value:
                table.add(spaced, "LOC")


def spaced_spelling(name: str) -> str:
    """'Cu-ba' → 'Cu Ba': each syllable of a hyphenated word capitalised, hyphens as spaces."""
    words = []
    for word in name.split():
        parts = word.split("-")
        spelled = len(parts) > 1 and all(p.isalpha() for p in parts) and word[:1].isupper()
        words.append(" ".join(p[:1].upper() + p[1:] for p in parts) if spelled else word)
    return " ".join(words)


def _table(rows: Iterable[dict[str, str]], column: str) -> PhraseTable:
    table = PhraseTable()
    _add_all(table, rows, "WORD", column)
    return table


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """Read every gazetteer file once (missing files are simply empty)."""
    names = PhraseTable()
    _add_all(names, read_tsv("extra_orgs.tsv"), "ORG", "name", "aliases")
    _add_all(names, read_tsv("orgs.tsv"), "ORG", "name", "aliases")
    _add_places(names, read_tsv("extra_places.tsv"))
    _add_places(names, read_tsv("countries.tsv"))
    _add_places(names, read_tsv("places.tsv"))
    _add_all(names, read_tsv("extra_persons.tsv"), "PERSON", "name", "aliases")
    titles = PhraseTable()
    _add_all(titles, read_tsv("titles.tsv"), "TITLE", "title")
    _add_all(titles, read_tsv("extra_titles.tsv"), "TITLE", "title")
    org_heads = PhraseTable()
    for row in read_tsv("extra_org_heads.tsv"):
        org_heads.add(row["head"], row.get("kind") or "org")
    event_heads = PhraseTable()
    # Only capitalised meeting heads open a name; event_heads.tsv (all trigger words) is for events.
    for row in read_tsv("extra_event_heads.tsv"):
        event_heads.add(row["phrase"], row.get("kind") or "khác")
    legal = PhraseTable()
    _add_all(legal, read_tsv("extra_legal_types.tsv"), "LEGAL", "word")
    _add_all(legal, read_tsv("legal_doc_types.tsv"), "LEGAL", "word")
    cues = PhraseTable()
    for row in read_tsv("extra_cues.tsv"):
        cues.add(row["cue"], row["kind"])
    for row in read_tsv("honorifics.tsv"):
        cues.add(row["word"], "honorific")
    surnames = _words(read_tsv("surnames.tsv"), "surname") | _words(
        read_tsv("extra_surnames.tsv"), "surname"
    )
    # 'Ông' is a surname too, but before a name it is the honorific.
    surnames -= {
        k[0] for k, (kind, _) in cues.entries.items() if kind == "honorific" and len(k) == 1
    }
    return Gazetteer(
        names=names,
        titles=titles,
        org_heads=org_heads,
        event_heads=event_heads,
        legal_types=legal,
        cues=cues,
        surnames=surnames,
        given=_words(read_tsv("given_syllables.tsv"), "syllable"),
        stops=_table(read_tsv("extra_stops.tsv"), "word"),
        name_words=_table(read_tsv("extra_event_words.tsv"), "word"),
        continuations=_table(read_tsv("extra_name_continuations.tsv"), "word"),
        org_words=_table(read_tsv("extra_org_words.tsv"), "word"),
        topics=_table(read_tsv("extra_org_topics.tsv"), "word"),
        short_places=_words(read_tsv("extra_short_places.tsv"), "word"),
        international=_international("extra_orgs.tsv", "orgs.tsv"),
    )
