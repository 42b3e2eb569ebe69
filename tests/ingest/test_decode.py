"""Tests for decoding file bytes: BOMs, UTF-16, Windows-1258, legacy fonts and binary files."""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from daphuong.errors import IngestError
from daphuong.ingest.decode import decode_bytes, fix_legacy_text
from daphuong.ingest.legacy import unicode_to_cp1258, unicode_to_tcvn3, unicode_to_vni

from .conftest import VIETNAMESE_PARAGRAPH, sample_paths, shared_texts

TEXT = VIETNAMESE_PARAGRAPH

ENCODINGS = [
    ("utf-8", TEXT.encode("utf-8"), "utf-8"),
    ("utf-8-bom", codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8"),
    ("utf-16-le-bom", codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16"),
    ("utf-16-be-bom", codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
    ("utf-16-le-no-bom", TEXT.encode("utf-16-le"), "utf-16-le"),
    ("utf-32-bom", TEXT.encode("utf-32"), "utf-32"),
    ("cp1258", unicode_to_cp1258(TEXT), "cp1258"),
    ("tcvn3", unicode_to_tcvn3(TEXT), "tcvn3"),
    ("vni", unicode_to_vni(TEXT), "vni"),
]


@pytest.mark.parametrize(
    ("data", "expected"), [e[1:] for e in ENCODINGS], ids=[e[0] for e in ENCODINGS]
)
def test_every_encoding_gives_the_same_nfc_text(data: bytes, expected: str) -> None:
    text, encoding = decode_bytes(data, "doc.txt")
    assert unicodedata.normalize("NFC", text) == TEXT
    assert encoding == expected


def test_cp1258_result_is_composed() -> None:
    text, _ = decode_bytes(unicode_to_cp1258(TEXT), "doc.txt")
    assert text == unicodedata.normalize("NFC", text)


@pytest.mark.parametrize("path", sample_paths(".txt"), ids=lambda p: p.name)
@pytest.mark.parametrize("encoder", [unicode_to_vni, unicode_to_cp1258], ids=["vni", "cp1258"])
def test_samples_decode_from_legacy_bytes(path: Path, encoder: object) -> None:
    original = path.read_text(encoding="utf-8")
    assert callable(encoder)
    text, _ = decode_bytes(encoder(original), str(path))
    assert text == original


@pytest.mark.parametrize("path", sample_paths(".txt"), ids=lambda p: p.name)
def test_samples_decode_from_tcvn3_up_to_capital_toned_letters(path: Path) -> None:
    original = path.read_text(encoding="utf-8")
    text, encoding = decode_bytes(unicode_to_tcvn3(original), str(path))
    assert encoding == "tcvn3"
    assert text.lower() == original.lower()


@pytest.mark.parametrize("path", shared_texts(), ids=lambda p: p.name)
def test_shared_texts_stay_utf8(path: Path) -> None:
    data = path.read_bytes()
    assert decode_bytes(data, str(path)) == (data.decode("utf-8"), "utf-8")


def test_legacy_text_pasted_into_a_utf8_file_is_converted() -> None:
    mojibake = unicode_to_vni(TEXT).decode("cp1252")
    text, encoding = decode_bytes(mojibake.encode("utf-8"), "doc.txt")
    assert (text, encoding) == (TEXT, "utf-8+vni")


@pytest.mark.parametrize(
    "text",
    ["Plain ASCII report, 2024.", "Café au lait à Paris, été 2023.", "Größe und Übermaß"],
)
def test_western_text_is_not_mistaken_for_legacy_vietnamese(text: str) -> None:
    assert fix_legacy_text(text) == (text, None)
    decoded, encoding = decode_bytes(text.encode("cp1252"), "doc.txt")
    assert decoded == text
    assert encoding in ("utf-8", "cp1252")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"PK\x03\x04\x00\x00binary\x00\x00stuff" * 10, "NUL bytes"),
        (bytes(range(1, 32)) * 20, "control characters"),
        (codecs.BOM_UTF8 + b"\xff\xfe broken", "invalid utf-8"),
    ],
    ids=["empty", "nul", "controls", "bad-utf8-after-bom"],
)
def test_bad_bytes_raise_ingest_error_naming_the_source(data: bytes, reason: str) -> None:
    with pytest.raises(IngestError) as info:
        decode_bytes(data, "dir/bad.txt")
    assert str(info.value).startswith("dir/bad.txt: ")
    assert reason in str(info.value)


@given(st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1))
def test_any_utf8_text_without_controls_decodes_to_itself_or_a_legacy_fix(text: str) -> None:
    decoded, encoding = decode_bytes(text.encode("utf-8"), "doc.txt")
    # A leading U+FEFF is a byte-order mark by definition, not text.
    assert decoded == text.removeprefix("\ufeff") or encoding.startswith("utf-8+")
