"""PostgreSQL index writes: tsvector literals built in C-speed joins, rows sent by COPY."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import chain
from typing import Any

from sqlalchemy.orm import Session

from daphuong.text.analyze import Keys

MAX_POSITION = 16383  # PostgreSQL's limit; later positions collapse onto it
MAX_POSITIONS_PER_LEXEME = 256  # PostgreSQL keeps at most this many (the lowest)
GAP = 2  # positions left empty between title and body (and between names) so phrases stop
META = "~"

# "':12A '" for every position and weight, made once: each token then costs one join slot.
_AFTER = {w: [f"':{p}{w} '" for p in range(MAX_POSITION + 1)] for w in ("", "A", "B", "C", "D")}


def lexeme(word: str) -> str:
    """A quoted tsvector/tsquery lexeme, escaping quotes and backslashes."""
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def _entries(words: Sequence[str], weight: str, start: int) -> str:
    """ "'w1':start 'w2':start+1 ..." (positions past the limit collapse onto it)."""
    after = _AFTER[weight][start : start + len(words)]
    if len(after) < len(words):
        after += [_AFTER[weight][MAX_POSITION]] * (len(words) - len(after))
    joined = " ".join(words)  # one C pass to rule out characters that need escaping
    if "'" not in joined and "\\" not in joined:
        return "'" + "".join(chain.from_iterable(zip(words, after, strict=True)))[:-1]
    return " ".join(lexeme(w) + a[1:-2] for w, a in zip(words, after, strict=True)) + " "


def tsvector_literal(
    streams: Sequence[tuple[Sequence[str], Sequence[str], str]], meta: Sequence[str] = ()
) -> str:
    """A tsvector literal: each token's folded and exact key at its position, meta lexemes last.

    streams are (folded keys, tone keys, weight). Every token is written once per key, even
    where the two are equal or a lexeme recurs: PostgreSQL's input function sorts, merges
    and de-duplicates positions and keeps the lowest 256 of each lexeme, in C, which costs
    far less than grouping them in Python. Meta tokens (visibility, owner, facet values)
    have no position and a '~' prefix, which no query word can contain (words are letters
    and digits only).
    """
    parts: list[str] = []
    pos = 1
    for folds, tones, weight in streams:
        if folds:
            parts.append(_entries(folds, weight, pos))
            parts.append(_entries(tones, weight, pos))
        pos += len(folds) + GAP
    parts.extend(lexeme(META + m) for m in meta)
    return " ".join(p.rstrip() for p in parts)


def name_streams(names: Sequence[list[Keys]]) -> list[tuple[list[str], list[str], str]]:
    """Entity names as unweighted streams of folded and tone keys."""
    return [([f for f, _ in n], [t for _, t in n], "") for n in names]


def copy_rows(
    session: Session, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]
) -> None:
    """Insert rows with COPY in the session's transaction (one stream, no per-row statement).

    executemany sent a multi-row INSERT per batch whose parameters psycopg had to dump
    one by one; COPY's text rows are cheaper on both ends.
    """
    session.flush()  # ORM rows the copied ones refer to must be in the database first
    raw = session.connection().connection.driver_connection
    assert raw is not None  # an open connection of the session
    statement = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
    with raw.cursor() as cursor, cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row(row)
