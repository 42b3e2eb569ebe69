"""Validate the gazetteer data files: shape, NFC, kinds, references and minimum sizes."""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

GAZ = Path(__file__).resolve().parents[2] / "src" / "daphuong" / "data" / "gazetteer"

HEADERS: dict[str, list[str]] = {
    "orgs.tsv": ["name", "aliases", "kind", "parent", "note"],
    "countries.tsv": ["name", "aliases", "iso2", "region"],
    "places.tsv": ["name", "aliases", "kind", "note"],
    "titles.tsv": ["title", "kind", "rank", "note"],
    "honorifics.tsv": ["word", "note"],
    "ministry_short.tsv": ["short", "ministry"],
    "legal_doc_types.tsv": ["word", "codes", "note"],
    "legal_issuers.tsv": ["code", "issuer"],
    "surnames.tsv": ["surname", "note"],
    "given_syllables.tsv": ["syllable"],
    "event_heads.tsv": ["phrase", "kind"],
}

ORG_KINDS = {
    "party",
    "state",
    "ministry",
    "agency",
    "department",
    "parliament",
    "court",
    "mass",
    "friendship",
    "research",
    "media",
    "intl",
    "mechanism",
    "forum",
    "ngo",
    "foreign_gov",
    "foreign_party",
    "company",
    "local",
    "other",
}
PLACE_KINDS = {"province", "city", "region", "world_city", "continent", "sea", "river"}
TITLE_KINDS = {
    "state",
    "party",
    "government",
    "ministry",
    "department",
    "parliament",
    "diplomatic",
    "organization",
    "local",
    "military",
    "academic",
    "occupation",
}
EVENT_KINDS = {
    "hội nghị",
    "hội thảo",
    "tọa đàm",
    "phiên họp",
    "diễn đàn",
    "đại hội",
    "chuyến thăm",
    "cuộc gặp",
    "lễ",
    "tập huấn",
    "khác",
}
KIND_SETS: dict[tuple[str, str], set[str]] = {
    ("orgs.tsv", "kind"): ORG_KINDS,
    ("places.tsv", "kind"): PLACE_KINDS,
    ("titles.tsv", "kind"): TITLE_KINDS,
    ("event_heads.tsv", "kind"): EVENT_KINDS,
}
ALIAS_FILES = ("orgs.tsv", "countries.tsv", "places.tsv")

Row = dict[str, str]


def _data_lines(path: Path) -> Iterator[str]:
    with path.open(encoding="utf-8", newline="") as fh:
        for line in fh:
            if not line.startswith("#"):
                yield line


def load(name: str) -> tuple[list[str], list[Row]]:
    reader = csv.reader(_data_lines(GAZ / name), delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader)
    rows: list[Row] = []
    for lineno, cells in enumerate(reader, start=2):
        assert len(cells) == len(header), f"{name}:{lineno}: {len(cells)} cells, want {len(header)}"
        rows.append(dict(zip(header, cells, strict=True)))
    return header, rows


def split_values(cell: str) -> list[str]:
    return [v for v in cell.split("|") if v] if cell else []


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_header_and_shape(name: str) -> None:
    header, rows = load(name)
    assert header == HEADERS[name]
    assert rows, f"{name} is empty"


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_cells_are_clean_nfc(name: str) -> None:
    _, rows = load(name)
    for row in rows:
        for col, cell in row.items():
            for value in [cell, *split_values(cell)]:
                assert unicodedata.is_normalized("NFC", value), f"{name}: not NFC: {value!r}"
                assert value == value.strip(), f"{name}.{col}: stray whitespace: {value!r}"
                assert "  " not in value, f"{name}.{col}: double space: {value!r}"
                assert "\t" not in value and "\n" not in value
        first = row[HEADERS[name][0]]
        assert first, f"{name}: empty key cell"


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_no_duplicate_keys(name: str) -> None:
    _, rows = load(name)
    keys = [row[HEADERS[name][0]] for row in rows]
    dupes = sorted({k for k in keys if keys.count(k) > 1})
    assert not dupes, f"{name}: duplicate keys {dupes}"


@pytest.mark.parametrize(("name", "col"), sorted(KIND_SETS))
def test_kinds_are_allowed(name: str, col: str) -> None:
    _, rows = load(name)
    bad = sorted({row[col] for row in rows} - KIND_SETS[(name, col)])
    assert not bad, f"{name}: unknown kinds {bad}"


def test_org_parents_exist() -> None:
    _, rows = load("orgs.tsv")
    names = {row["name"] for row in rows}
    parents = {row["parent"] for row in rows if row["parent"]}
    missing = sorted(parents - names)
    assert not missing, f"unknown parents {missing}"


def test_ministry_shorts_point_to_orgs() -> None:
    _, orgs = load("orgs.tsv")
    names = {row["name"] for row in orgs}
    _, rows = load("ministry_short.tsv")
    missing = sorted({row["ministry"] for row in rows} - names)
    assert not missing, f"ministries not in orgs.tsv: {missing}"


def test_aliases_do_not_name_two_entities() -> None:
    owner: dict[str, tuple[str, str]] = {}
    clashes: list[str] = []
    for name in ALIAS_FILES:
        _, rows = load(name)
        for row in rows:
            canon = (name, row["name"])
            for surface in [row["name"], *split_values(row["aliases"])]:
                key = surface.casefold()
                if key in owner and owner[key] != canon:
                    clashes.append(f"{surface}: {owner[key]} vs {canon}")
                owner.setdefault(key, canon)
    assert not clashes, clashes[:20]


def test_countries() -> None:
    _, rows = load("countries.tsv")
    assert len(rows) >= 190
    codes = [row["iso2"] for row in rows]
    assert all(re.fullmatch(r"[A-Z]{2}", c) for c in codes)
    assert len(set(codes)) == len(codes)
    names = {row["name"] for row in rows}
    assert {"Việt Nam", "Lào", "Campuchia", "Trung Quốc", "Hoa Kỳ"} <= names


def _status(note: str) -> str:
    match = re.search(r"status=(\w+)", note)
    return match.group(1) if match else ""


def test_provinces_before_and_after_2025() -> None:
    _, rows = load("places.tsv")
    units = [row for row in rows if _status(row["note"])]
    assert all(row["kind"] in {"province", "city"} for row in units)
    pre = [row for row in units if _status(row["note"]) in {"pre2025", "both"}]
    post = [row for row in units if _status(row["note"]) in {"post2025", "both"}]
    assert len(pre) == 63
    assert len(post) == 34
    post_names = {row["name"] for row in post}
    for row in units:
        merged = re.search(r"merged_into=([^;]+)", row["note"])
        if merged:
            assert merged.group(1) in post_names, row


def test_minimum_sizes() -> None:
    minimums = {
        "orgs.tsv": 700,
        "places.tsv": 250,
        "titles.tsv": 150,
        "honorifics.tsv": 30,
        "ministry_short.tsv": 25,
        "legal_doc_types.tsv": 20,
        "legal_issuers.tsv": 25,
        "surnames.tsv": 150,
        "given_syllables.tsv": 400,
        "event_heads.tsv": 80,
    }
    for name, minimum in minimums.items():
        _, rows = load(name)
        assert len(rows) >= minimum, f"{name}: {len(rows)} < {minimum}"
    _, places = load("places.tsv")
    assert sum(row["kind"] == "world_city" for row in places) >= 150


def test_titles_rank_is_integer() -> None:
    _, rows = load("titles.tsv")
    assert all(row["rank"].isdigit() for row in rows)
