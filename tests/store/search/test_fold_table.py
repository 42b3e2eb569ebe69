"""The list-table fold is text.keys.fold_key, character by character and on whole texts."""

from __future__ import annotations

import pytest

from daphuong.store.search import fold_table
from daphuong.text.keys import fold_key


def test_every_character_of_the_basic_plane_folds_as_fold_key_does() -> None:
    text = "".join(chr(cp) for cp in range(0x10000) if not 0xD800 <= cp < 0xE000)
    assert all(fold_table.fold(ch) == fold_key(ch) for ch in text)
    moved = [ch for ch in text if ch.lower() == ch and fold_key(ch) != ch]
    assert moved and all(ord(ch) < fold_table.TABLE_SIZE for ch in moved)


@pytest.mark.parametrize(
    "text",
    [
        "Hội nghị Bộ Ngoại giao tại Hà Nội: ĐƯỜNG Đường dương, HỘI THẢO hợp tác-hợp tác",
        "ΑΣ σ ς ΟΔΟΣ ǅem",  # the final sigma depends on its neighbours
        "İstanbul ẞ ﬁ",  # lower-casing changes the length: fold_key's own path
        "",
    ],
)
def test_whole_texts_fold_as_fold_key_does(text: str) -> None:
    assert fold_table.fold(text) == fold_key(text)
