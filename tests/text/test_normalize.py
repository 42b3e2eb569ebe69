"""Normalization: idempotent, offsets map back to the original, nothing lost."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from daphuong.text.normalize import OffsetsMap, normalize

VIET = "aăâeêioôơuưyđAĂÂEÊIOÔƠUƯYĐ" + "àảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
texts = st.text(
    alphabet=st.sampled_from(
        [
            *(VIET + " \n\r\t.,–“”0123456789"),
            *["\u0300", "\u0301", "\u0303", "\u0309", "\u0323", "\u00a0", "\u200b", "\ufeff"],
        ]
    ),
    max_size=80,
)
any_text = st.text(max_size=60)


def _inside_cluster(text: str, i: int) -> bool:
    return i < len(text) and unicodedata.combining(text[i]) != 0


@given(texts)
def test_normalization_is_idempotent(text: str) -> None:
    once = normalize(text).text
    assert normalize(once).text == once


@given(any_text)
def test_normalization_is_idempotent_on_any_unicode(text: str) -> None:
    once = normalize(text).text
    assert normalize(once).text == once


@given(texts, st.data())
def test_any_span_maps_back_to_the_same_characters(text: str, data: st.DataObject) -> None:
    norm = normalize(text)
    # Spans start and end on character boundaries (never between a letter and its marks).
    bounds = [i for i in range(len(norm.text) + 1) if not _inside_cluster(norm.text, i)]
    start = data.draw(st.sampled_from(bounds))
    end = data.draw(st.sampled_from([b for b in bounds if b >= start]))
    o_start, o_end = norm.offsets.span_to_original(start, end)
    assert normalize(text[o_start:o_end]).text == norm.text[start:end]


@given(texts)
def test_no_character_is_lost(text: str) -> None:
    norm = normalize(text)
    # Everything but dropped invisibles survives: CR/CRLF as LF, NBSP as space, in NFC.
    visible = "".join(c for c in text if c not in "\u200b\ufeff")
    visible = visible.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    assert norm.text == unicodedata.normalize("NFC", visible)
    assert norm.offsets.to_original(len(norm.text)) == len(text)


def test_decomposed_vietnamese_becomes_nfc_with_offsets() -> None:
    original = unicodedata.normalize("NFD", "Đối ngoại đa phương")
    norm = normalize(original)
    assert norm.text == "Đối ngoại đa phương"
    start = norm.text.index("đa")
    o_start, o_end = norm.offsets.span_to_original(start, start + 2)
    assert unicodedata.normalize("NFC", original[o_start:o_end]) == "đa"


def test_eth_becomes_d_with_stroke_in_vietnamese_context() -> None:
    assert normalize("Ðà Nẵng, Ðồng Nai").text == "Đà Nẵng, Đồng Nai"
    assert normalize("Ðór is Icelandic").text == "Ðór is Icelandic"


def test_spaces_and_line_ends_are_plain() -> None:
    assert normalize("Hà\u00a0Nội\r\nHuế\rVinh").text == "Hà Nội\nHuế\nVinh"


def test_offsets_map_round_trips_through_json() -> None:
    norm = normalize("a\r\nb\u200bc")
    again = OffsetsMap.from_json(norm.offsets.to_json())
    assert again == norm.offsets
