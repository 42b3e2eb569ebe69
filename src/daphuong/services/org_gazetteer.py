"""Organization gazetteer for linking: names, aliases and dated successors (renamings, mergers)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from daphuong.store.registry.keys import clean_name, folded_name, name_key

_HEADER = "name"


@dataclass(frozen=True, slots=True)
class GazetteerOrg:
    """One organization row: its canonical name, other names and what succeeded it."""

    name: str
    aliases: tuple[str, ...] = ()
    kind: str = ""
    parent: str = ""
    successor: str = ""
    successor_from: dt.date | None = None

    @property
    def forms(self) -> tuple[str, ...]:
        """Every way the organization is written, canonical name first."""
        return (self.name, *self.aliases)


def _parse_note(note: str) -> tuple[str, dt.date | None]:
    """Read `successor=...;from=YYYY-MM-DD` from a note; anything else is ignored."""
    fields: dict[str, str] = {}
    for part in note.split(";"):
        key, sep, value = part.partition("=")
        if sep:
            fields[key.strip().lower()] = value.strip()
    start: dt.date | None = None
    try:
        start = dt.date.fromisoformat(fields.get("from", ""))
    except ValueError:
        start = None
    return fields.get("successor", ""), start


def parse_row(line: str) -> GazetteerOrg | None:
    """One TSV line as an organization, or None for headers, comments and blank lines."""
    if not line.strip() or line.lstrip().startswith("#"):
        return None
    cells = [c.strip() for c in line.rstrip("\n").split("\t")]
    cells += [""] * (5 - len(cells))
    name = clean_name(cells[0])
    if not name or name.lower() == _HEADER:
        return None
    aliases = tuple(a for a in (clean_name(x) for x in cells[1].split("|")) if a and a != name)
    successor, start = _parse_note(cells[4])
    return GazetteerOrg(name, aliases, cells[2], cells[3], clean_name(successor), start)


class OrgGazetteer:
    """Lookup of gazetteer organizations by any of their names (tone key, then folded)."""

    def __init__(self, orgs: list[GazetteerOrg]) -> None:
        self.orgs = orgs
        self._by_key: dict[str, GazetteerOrg] = {}
        self._by_fold: dict[str, GazetteerOrg] = {}
        for org in orgs:
            for form in org.forms:
                self._by_key.setdefault(name_key(form), org)
                self._by_fold.setdefault(folded_name(form), org)

    @classmethod
    def load(cls, path: Path) -> OrgGazetteer:
        """Read a gazetteer TSV tolerantly; a missing file gives an empty gazetteer."""
        if not path.is_file():
            return cls([])
        lines = path.read_text(encoding="utf-8-sig").splitlines()
        return cls([org for org in map(parse_row, lines) if org is not None])

    @classmethod
    def bundled(cls) -> OrgGazetteer:
        """The gazetteer shipped with the package (src/daphuong/data/gazetteer/orgs.tsv)."""
        return cls.load(Path(str(files("daphuong").joinpath("data/gazetteer/orgs.tsv"))))

    def lookup(self, text: str) -> GazetteerOrg | None:
        """The organization written as `text`, if the gazetteer knows it."""
        return self._by_key.get(name_key(text)) or self._by_fold.get(folded_name(text))

    def successors(self, org: GazetteerOrg) -> list[GazetteerOrg]:
        """The organization(s) that took over from `org`, following renamings."""
        out: list[GazetteerOrg] = []
        current = org
        while current.successor:
            nxt = self.lookup(current.successor)
            if nxt is None or nxt in out or nxt == org:
                break
            out.append(nxt)
            current = nxt
        return out

    def predecessors(self, org: GazetteerOrg) -> list[GazetteerOrg]:
        """Organizations whose successor is `org`."""
        return [o for o in self.orgs if o.successor and self.lookup(o.successor) == org]
