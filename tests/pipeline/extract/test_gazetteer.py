"""Tests for the TSV reader and the phrase table."""

from __future__ import annotations

from pathlib import Path

from daphuong.pipeline.extract.gazetteer import PhraseTable, load, read_tsv, spaced_spelling, values
from daphuong.pipeline.extract.tokens import tokenize


def test_read_tsv_skips_comments_and_tolerates_missing_files(tmp_path: Path) -> None:
    (tmp_path / "x.tsv").write_text("# note\nname\taliases\nBộ Y tế\tBYT|Bộ Y\n\nLào\n", "utf-8")
    rows = read_tsv("x.tsv", tmp_path)
    assert rows == [{"name": "Bộ Y tế", "aliases": "BYT|Bộ Y"}, {"name": "Lào", "aliases": ""}]
    assert list(values(rows[0], "name", "aliases")) == ["Bộ Y tế", "BYT", "Bộ Y"]
    assert read_tsv("absent.tsv", tmp_path) == []


def test_phrase_table_matches_longest_with_case_and_tone_variants() -> None:
    table = PhraseTable()
    table.add("Ủy ban", "HEAD")
    table.add("Ủy ban Hòa bình Việt Nam", "ORG")
    table.add("NAM", "ORG")
    toks = tokenize("Uỷ ban Hoà bình Việt Nam họp")
    assert table.match(toks, 0) == (6, "ORG")
    assert table.match(toks, 5) == (5, "")  # 'Nam' is not the acronym 'NAM'
    lower = tokenize("uỷ ban hoà bình việt nam")
    assert table.match(lower, 0) == (0, "")
    assert table.match(lower, 0, strict_case=False) == (6, "ORG")


def test_both_spellings_of_one_name_are_kept() -> None:
    table = PhraseTable()
    table.add("Liên đoàn Thương mại và Công nghiệp Việt Nam", "ORG")
    table.add("Liên đoàn thương mại và công nghiệp Việt Nam", "ORG")
    assert table.match(tokenize("Liên đoàn thương mại và công nghiệp Việt Nam"), 0)[0] == 9


def test_shipped_gazetteer_loads_core_vocabulary() -> None:
    gaz = load()
    assert gaz.names.match(tokenize("Bộ Chính trị"), 0) == (3, "ORG")
    assert gaz.names.match(tokenize("Hà Nội"), 0) == (2, "LOC")
    assert "nguyễn" in gaz.surnames
    assert "ông" not in gaz.surnames  # the honorific wins over the rare surname


def test_a_hyphenated_transcription_is_also_known_with_spaces() -> None:
    assert spaced_spelling("Cu-ba") == "Cu Ba"
    assert spaced_spelling("Cộng hòa Cu-ba") == "Cộng hòa Cu Ba"
    assert spaced_spelling("Việt Nam") == "Việt Nam"
    names = load().names
    toks = tokenize("nhân dân Cu Ba anh em")
    assert names.match(toks, 2) == (4, "LOC")
