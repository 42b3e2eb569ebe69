"""`daphuong search` through the Typer runner: JSON shape, seeds, filters, bad queries."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from daphuong.cli.main import app

runner = CliRunner()


@pytest.fixture
def seeded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shared_dir: Path) -> list[str]:
    monkeypatch.setenv("DAPHUONG_PIPELINE", '["normalize", "clean"]')
    args = ["--db", f"sqlite:///{tmp_path / 'cli.db'}"]
    result = runner.invoke(app, [*args, "ingest", str(shared_dir / "seeds")])
    assert result.exit_code == 0, result.output
    return args


def test_json_returns_all_five_seeds(seeded: list[str]) -> None:
    result = runner.invoke(app, [*seeded, "search", "doi ngoai da phuong", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["total"] == 5
    assert len({h["doc"] for h in data["hits"]}) == 5
    assert set(data["hits"][0]) >= {"doc", "title", "snippet", "score"}
    assert isinstance(data["facets"], dict)


def test_phrase_returns_only_the_seed_that_has_it(seeded: list[str], shared_dir: Path) -> None:
    result = runner.invoke(app, [*seeded, "search", '"ngoại giao cây tre"', "--json"])
    data = json.loads(result.stdout)
    assert data["total"] == 1
    doc = data["hits"][0]["doc"]
    assert "ngoại giao cây tre" in (shared_dir / "seeds" / f"{doc}.txt").read_text().lower()


def test_text_output_marks_matches(seeded: list[str]) -> None:
    result = runner.invoke(app, [*seeded, "search", '"ngoại giao cây tre"'])
    assert result.exit_code == 0
    assert "1 documents" in result.stdout
    assert "«Ngoại giao cây tre»" in result.stdout


def test_limit_and_filters(seeded: list[str]) -> None:
    result = runner.invoke(
        app, [*seeded, "search", "da phuong", "--limit", "2", "--filter", "year=1990", "--json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {
        "total": 0,
        "total_estimated": False,
        "facets_estimated": False,
        "hits": [],
        "facets": {},
    }
    two = runner.invoke(app, [*seeded, "search", "da phuong", "--limit", "2", "--json"])
    assert len(json.loads(two.stdout)["hits"]) == 2


@pytest.mark.parametrize(
    ("query", "extra", "message"),
    [
        ("", [], "empty query"),
        ("');--", [], "empty query"),
        ("a" * 10_000, [], "too long"),
        ("da", ["--filter", "colour=red"], "bad filter"),
        ("da", ["--limit", "1000"], "limit"),
    ],
)
def test_bad_input_prints_an_error_not_a_traceback(
    seeded: list[str], query: str, extra: list[str], message: str
) -> None:
    result = runner.invoke(app, [*seeded, "search", query, *extra])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ")
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_hostile_query_is_matched_literally(seeded: list[str]) -> None:
    result = runner.invoke(app, [*seeded, "search", 'NEAR AND " * viet', "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["total"] == 0


def test_entities_quick_find_json(seeded: list[str]) -> None:
    result = runner.invoke(app, [*seeded, "search", "--entities", "le hoai", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    # Entities arrive from the registry; without it quick-find answers, empty, in shape.
    assert set(data) == {"total", "hits"}
    assert data["total"] == len(data["hits"])
