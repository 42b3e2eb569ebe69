"""Tokenizer: offsets into the text, folded and tone keys per token."""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from daphuong.text.analyze import (
    MAX_TOKEN_CHARS,
    Streams,
    fold_stream,
    folded_text,
    marked_keys,
    name_key,
    token_keys,
    token_streams,
    tokenize,
    tone_stream,
)
from daphuong.text.keys import _TONE_ROWS, fold_key, tone_key
from daphuong.text.normalize import normalize


def test_tokens_carry_offsets_and_both_keys() -> None:
    text = "Đối ngoại, Hoà Bình!"
    tokens = tokenize(text)
    assert [text[t.start : t.end] for t in tokens] == ["Đối", "ngoại", "Hoà", "Bình"]
    assert [t.fold for t in tokens] == ["doi", "ngoai", "hoa", "binh"]
    assert [t.tone for t in tokens] == ["đối", "ngoại", "hòa", "bình"]


def test_punctuation_underscore_and_control_characters_separate() -> None:
    assert [t.fold for t in tokenize("COVID-19 thuỷ_lợi\x00a")] == [
        "covid",
        "19",
        "thuy",
        "loi",
        "a",
    ]


def test_streams_join_keys_with_spaces() -> None:
    keys = token_keys("Đường  dương")
    assert keys == [(t.fold, t.tone) for t in tokenize("Đường  dương")]
    assert fold_stream(keys) == "duong duong"
    assert tone_stream(keys) == "đường dương"


def test_name_key_ignores_case_marks_and_spacing() -> None:
    assert name_key("  Lê   HOÀI Trung ") == name_key("le hoai trung") == "le hoai trung"


def test_overlong_tokens_have_bounded_keys() -> None:
    (token,) = tokenize("a" * 500)
    assert (token.start, token.end) == (0, 500)
    assert len(token.fold) == MAX_TOKEN_CHARS


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_keys_agree_with_whole_text_keys(raw: str) -> None:
    text = normalize(raw).text
    folded, toned = fold_key(text), tone_key(text)
    for tok in tokenize(text):
        assert tok.start < tok.end
        assert tok.fold == folded[tok.start : tok.end][:MAX_TOKEN_CHARS]
        assert tok.tone == toned[tok.start : tok.end][:MAX_TOKEN_CHARS]


@given(
    st.text(
        alphabet=st.sampled_from("aăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹỳỷỹýỵ ĐHÒÂ-19_xİ\u0301."), max_size=80
    )
)
def test_token_streams_equal_per_token_keys(text: str) -> None:
    norm = unicodedata.normalize("NFC", text)
    streams = token_streams(norm)
    assert streams.keys() == token_keys(norm)


def test_token_streams_cut_long_tokens_like_token_keys() -> None:
    text = "Thủy " + "a" * 100 + " hoà"
    assert token_streams(text).keys() == token_keys(text)
    assert name_key("  Lê   HOÀI-Trung ") == "le hoai trung"


def _old_exact_set(text: str) -> set[str]:
    """The marked words as first defined: every tone key less every folded key."""
    streams = token_streams(text)
    return set(streams.tone).difference(streams.fold)


def _agrees_with_streams(text: str) -> None:
    found, streams = folded_text(text), token_streams(text)
    assert found.folded == " ".join(streams.fold)
    marked = marked_keys(streams)
    assert [k for k in found.marked if k] == list(marked)  # the same order
    assert set(marked) == _old_exact_set(text)


def test_folded_text_agrees_with_the_streams_on_real_text(shared_dir: Path) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(shared_dir.glob("**/*.txt"))]
    assert len(texts) > 10
    for raw in texts:
        _agrees_with_streams(normalize(raw).text)


@given(
    st.text(
        alphabet=st.sampled_from("aăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹỳỷỹýỵ ĐHÒÂ-19_xİΣσς\u0301."),
        max_size=80,
    )
)
def test_folded_text_agrees_with_the_streams(text: str) -> None:
    _agrees_with_streams(unicodedata.normalize("NFC", text))


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_folded_text_agrees_with_the_streams_on_any_text(raw: str) -> None:
    _agrees_with_streams(normalize(raw).text)


def test_a_long_token_is_marked_by_its_cut_keys() -> None:
    text = "Thủy " + "ư" * 100 + " hoà thuy"
    _agrees_with_streams(text)
    assert list(folded_text(text).marked) == ["thủy", "ư" * MAX_TOKEN_CHARS, "hòa", ""]
    assert list(marked_keys(Streams(["a", "a"], ["á", "a"]))) == ["á"]


def test_folding_is_idempotent_on_every_character() -> None:
    # What folded_text rests on: a folded key folds to itself, so a tone key that is some
    # token's folded key is its own token's folded key.
    for cp in range(sys.maxunicode + 1):
        folded = fold_key(chr(cp))
        assert fold_key(folded) == folded, hex(cp)


def test_a_tone_key_folds_as_its_token() -> None:
    # tone_key only moves marks within a row of the same vowel, which folds to one letter.
    for row in _TONE_ROWS.values():
        assert len({fold_key(ch) for ch in row}) == 1, row
    for word in ["Hoà", "THUỶ", "quốc", "giữa", "ĐƯỜNG", "khuya", "İstanbul", "ΣΟΦΙΑΣ"]:
        assert fold_key(tone_key(word)) == fold_key(word)
