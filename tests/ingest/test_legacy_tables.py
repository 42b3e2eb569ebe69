"""Tests for the TCVN3 and VNI character tables."""

from __future__ import annotations

from daphuong.ingest.legacy_tables import (
    TCVN3_FROM_UNICODE,
    TCVN3_TO_UNICODE,
    VIETNAMESE_LETTERS,
    VNI_FROM_UNICODE,
    VNI_TO_UNICODE,
)


def test_there_are_134_vietnamese_letters() -> None:
    assert len(VIETNAMESE_LETTERS) == 134


def test_vni_covers_every_letter_without_collisions() -> None:
    assert set(VNI_FROM_UNICODE) == VIETNAMESE_LETTERS
    assert len(VNI_TO_UNICODE) == len(VNI_FROM_UNICODE)


def test_tcvn3_covers_lowercase_and_untoned_capitals_one_byte_each() -> None:
    lower = {c for c in VIETNAMESE_LETTERS if c.islower()}
    assert lower <= set(TCVN3_FROM_UNICODE)
    assert set("ĂÂÊÔƠƯĐ") <= set(TCVN3_FROM_UNICODE)
    assert len(TCVN3_TO_UNICODE) == len(TCVN3_FROM_UNICODE) == 74
    assert all(len(code) == 1 and 0xA1 <= ord(code) <= 0xFE for code in TCVN3_TO_UNICODE)


def test_well_known_codes() -> None:
    assert VNI_FROM_UNICODE["ệ"] == "eä"
    assert VNI_FROM_UNICODE["Đ"] == "Ñ"
    assert TCVN3_FROM_UNICODE["ệ"] == "Ö"
    assert TCVN3_FROM_UNICODE["đ"] == "®"
