"""Tests for TCVN3/VNI conversion, the Windows-1258 encoder and the Vietnamese score."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from daphuong.ingest.legacy import (
    bytes_as_cp1252,
    tcvn3_to_unicode,
    unicode_to_cp1258,
    unicode_to_tcvn3,
    unicode_to_vni,
    vietnamese_score,
    vni_to_unicode,
)
from daphuong.ingest.legacy_tables import VIETNAMESE_LETTERS

from .conftest import VIETNAMESE_PARAGRAPH, sample_paths

_ALPHABET = st.sampled_from(sorted(VIETNAMESE_LETTERS) + list("abcdeghiklmnopqrstuvxyAEIOU ,-"))


def test_vni_mojibake_reads_as_vietnamese() -> None:
    assert vni_to_unicode("Vieät Nam") == "Việt Nam"
    assert vni_to_unicode("Boä Ngoaïi giao") == "Bộ Ngoại giao"


def test_tcvn3_mojibake_reads_as_vietnamese() -> None:
    assert tcvn3_to_unicode("ViÖt Nam") == "Việt Nam"
    assert tcvn3_to_unicode("Bé Ngo¹i giao") == "Bộ Ngoại giao"


def test_tcvn3_restores_capitals_of_headings_and_sentence_starts() -> None:
    assert tcvn3_to_unicode("§èI NGO¹I") == "ĐỐI NGOẠI"
    assert tcvn3_to_unicode("xong. ñy ban") == "xong. Ủy ban"
    assert tcvn3_to_unicode("§µ N½ng") == "Đà Nẵng"


def test_vni_round_trip_of_a_long_paragraph() -> None:
    encoded = unicode_to_vni(VIETNAMESE_PARAGRAPH)
    assert vni_to_unicode(bytes_as_cp1252(encoded)) == VIETNAMESE_PARAGRAPH


def test_tcvn3_round_trip_of_a_long_paragraph() -> None:
    encoded = unicode_to_tcvn3(VIETNAMESE_PARAGRAPH)
    assert tcvn3_to_unicode(bytes_as_cp1252(encoded)) == VIETNAMESE_PARAGRAPH


def test_tcvn3_loses_only_the_case_of_capital_toned_letters_mid_sentence() -> None:
    text = "gặp Đại sứ Ấn Độ"
    decoded = tcvn3_to_unicode(bytes_as_cp1252(unicode_to_tcvn3(text)))
    assert decoded == "gặp Đại sứ ấn Độ"


@pytest.mark.parametrize("path", sample_paths(".txt"), ids=lambda p: p.name)
def test_samples_survive_legacy_round_trips(path: Path) -> None:
    text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
    assert vni_to_unicode(bytes_as_cp1252(unicode_to_vni(text))) == text
    tcvn3 = tcvn3_to_unicode(bytes_as_cp1252(unicode_to_tcvn3(text)))
    assert tcvn3.lower() == text.lower()
    cp1258 = unicode_to_cp1258(text).decode("cp1258")
    assert unicodedata.normalize("NFC", cp1258) == text


@given(st.text(_ALPHABET, max_size=200))
def test_vni_round_trip_any_vietnamese_text(text: str) -> None:
    assert vni_to_unicode(bytes_as_cp1252(unicode_to_vni(text))) == text


@given(st.text(_ALPHABET, max_size=200))
def test_tcvn3_round_trip_keeps_letters_up_to_case(text: str) -> None:
    decoded = tcvn3_to_unicode(bytes_as_cp1252(unicode_to_tcvn3(text)))
    assert decoded.lower() == text.lower()


def test_bytes_as_cp1252_decodes_every_byte() -> None:
    text = bytes_as_cp1252(bytes(range(256)))
    assert len(text) == 256
    assert text[0x93] == "“"
    assert text[0x81] == "\x81"


def test_score_prefers_real_vietnamese_over_mojibake() -> None:
    real = VIETNAMESE_PARAGRAPH
    vni = bytes_as_cp1252(unicode_to_vni(real))
    tcvn3 = bytes_as_cp1252(unicode_to_tcvn3(real))
    assert vietnamese_score(real) > 50
    assert vietnamese_score(vni) < 0
    assert vietnamese_score(tcvn3) < 0
    assert vietnamese_score("plain ascii text") == 0
