"""`daphuong extract` and `daphuong eval` through the Typer runner."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from daphuong.cli.main import app

runner = CliRunner()
_TEXT = "Ngày 2/9, Sở Ngoại vụ tổ chức gặp mặt. Giám đốc Sở Ngoại vụ Lò Văn Pá phát biểu.\n"
_GOLD = {
    "doc": "b",
    "entities": [
        {"type": "DATE", "text": "2/9", "value": "--09-02"},
        {"type": "ORG", "text": "Sở Ngoại vụ"},
        {"type": "PERSON", "text": "Lò Văn Pá"},
    ],
    "roles": [{"person": "Lò Văn Pá", "title": "Giám đốc", "org": "Sở Ngoại vụ"}],
    "events": [
        {
            "kind": "cuộc gặp",
            "name": "",
            "date": "--09-02",
            "organizers": ["Sở Ngoại vụ"],
            "chairs": [],
        }
    ],
}


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "b.txt").write_text(_TEXT, encoding="utf-8")
    (folder / "b.gold.json").write_text(json.dumps(_GOLD, ensure_ascii=False), encoding="utf-8")
    return folder


def test_extract_writes_one_record_per_file(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    result = runner.invoke(app, ["extract", str(folder / "b.txt"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 0, result.output
    record = json.loads((tmp_path / "o" / "b.json").read_text(encoding="utf-8"))
    assert record["doc"] == "b"
    assert str(tmp_path / "o" / "b.json") in result.stdout


def test_eval_prints_a_table_and_json(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    table = runner.invoke(app, ["eval", str(folder), "--gold-mentions"])
    assert table.exit_code == 0, table.output
    assert "roles_without_org" in table.stdout and "F1" in table.stdout
    as_json = runner.invoke(app, ["eval", str(folder), "--gold-mentions", "--json"])
    data = json.loads(as_json.stdout)
    assert data["documents"] == ["b"]
    assert data["metrics"]["roles"]["f1"] == 1.0
    assert data["metrics"]["events"]["tp"] == 1


def test_eval_of_a_folder_without_gold_files_fails_plainly(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", str(tmp_path)])
    assert result.exit_code != 0
