"""Organization gazetteer: tolerant TSV reading, lookups by any form, dated successors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from daphuong.services.org_gazetteer import OrgGazetteer, parse_row
from tests.services.registry_support import gazetteer


def test_parse_row_is_tolerant() -> None:
    assert parse_row("name\taliases\tkind\tparent\tnote") is None
    assert parse_row("# comment") is None
    assert parse_row("   ") is None
    org = parse_row("Liên hợp quốc\tLHQ| UN |\n")
    assert org is not None
    assert (org.name, org.aliases, org.kind, org.successor) == (
        "Liên hợp quốc",
        ("LHQ", "UN"),
        "",
        "",
    )


def test_note_gives_a_dated_successor(tmp_path: Path) -> None:
    gaz = gazetteer(tmp_path)
    old = gaz.lookup("bộ văn hoá - thông tin")
    assert old is not None
    assert old.successor_from == dt.date(2007, 8, 12)
    [new] = gaz.successors(old)
    assert new.name == "Bộ Văn hóa, Thể thao và Du lịch"
    assert [p.name for p in gaz.predecessors(new)] == [old.name]


def test_lookup_by_alias_and_folded_form(tmp_path: Path) -> None:
    gaz = gazetteer(tmp_path)
    un = gaz.lookup("LHQ")
    assert un is not None and un.name == "Liên hợp quốc"
    assert gaz.lookup("lien hop quoc") == un
    assert gaz.lookup("Không có") is None


def test_missing_file_gives_an_empty_gazetteer(tmp_path: Path) -> None:
    assert OrgGazetteer.load(tmp_path / "absent.tsv").lookup("LHQ") is None
    assert isinstance(OrgGazetteer.bundled(), OrgGazetteer)
