"""text.keys.fold_key for whole documents through a list table: the same text, less CPU.

fold_key translates through a dict (a hash lookup per character); a page of 20 snippets spent
most of its time there. Indexing a list is cheaper; characters past its end stay as they are.
"""

from __future__ import annotations

from functools import lru_cache

from daphuong.text.keys import fold_key

# Every character that fold_key maps to another one once lower-cased lies below this
# (its table comes from the Latin blocks); tests/store/search/test_fold_table.py checks it.
TABLE_SIZE = 0x3000


@lru_cache(maxsize=1)
def _table() -> list[str]:
    """Each lower-cased character's fold, by code point (the character itself if none)."""
    table = [chr(cp) for cp in range(TABLE_SIZE)]
    for cp in range(TABLE_SIZE):
        folded = fold_key(table[cp])
        if len(folded) == 1:
            table[cp] = folded
    return table


def fold(text: str) -> str:
    """fold_key(text): lower-cased, then each character through the table."""
    low = text.lower()
    if len(low) != len(text):
        return fold_key(text)  # fold_key keeps such characters as they are
    return low.translate(_table())
