"""Tokenizer: offsets into the text, folded and tone keys per token."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from daphuong.text.analyze import (
    MAX_TOKEN_CHARS,
    fold_stream,
    name_key,
    token_keys,
    token_streams,
    tokenize,
    tone_stream,
)
from daphuong.text.keys import fold_key, tone_key
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
