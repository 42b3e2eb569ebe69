"""Score recognize()+build_entities() against the gold entity lists in ../shared.

Usage: .venv/bin/python -m benchmarks.eval_entities [--details] [--shared PATH]
Scoring follows ANNOTATION.md: per document, sets of (type, normalised text); micro P/R/F1.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import time
from collections import Counter
from pathlib import Path

from daphuong.pipeline.extract import gazetteer
from daphuong.pipeline.extract.entities import build_entities
from daphuong.pipeline.extract.recognize import recognize
from daphuong.text.keys import tone_key

REPO = Path(__file__).resolve().parents[1]
_EDGES = "\"'“”‘’«»„()[]{}.,;:!?-–—…*|/ \t\n"


def norm(text: str) -> str:
    """ANNOTATION.md's normalisation: lower-case, one tone style, bare edges, single spaces."""
    return tone_key(re.sub(r"\s+", " ", text.strip(_EDGES)))


def published_dates(shared: Path) -> dict[str, dt.date]:
    """Visible dates of dev documents from SOURCES.tsv (full dates only)."""
    out: dict[str, dt.date] = {}
    path = shared / "corpus" / "dev" / "SOURCES.tsv"
    if path.is_file():
        with path.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                value = (row.get("date_if_visible") or "").strip()
                if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                    out[row["file"].removesuffix(".txt")] = dt.date.fromisoformat(value)
    return out


def main() -> None:
    """Print per-type P/R/F1 and, with --details, false positives/negatives per document."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--details", action="store_true")
    parser.add_argument("--repeat", type=int, default=1, help="time the best of N passes")
    args = parser.parse_args()
    golds = sorted((args.shared / "seeds").glob("*.gold.json")) + sorted(
        (args.shared / "corpus" / "dev").glob("*.gold.json")
    )
    published = published_dates(args.shared)
    gazetteer.load()  # timed separately: loading happens once per process
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    values_ok = values_all = 0
    chars = 0
    elapsed = 0.0
    for gold_path in golds:
        name = gold_path.name.removesuffix(".gold.json")
        text = gold_path.with_name(name + ".txt").read_text(encoding="utf-8")
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        best = float("inf")
        for _ in range(max(1, args.repeat)):
            t0 = time.perf_counter()
            entities = build_entities(recognize(text, published=published.get(name)))
            best = min(best, time.perf_counter() - t0)
        elapsed += best
        chars += len(text)
        got = {(e.type.value, norm(e.text)): e for e in entities}
        want = {(e["type"], norm(e["text"])): e for e in gold["entities"]}
        for key in got.keys() & want.keys():
            tp[key[0]] += 1
            if key[0] == "DATE":
                values_all += 1
                values_ok += got[key].value == want[key].get("value")
        for key in got.keys() - want.keys():
            fp[key[0]] += 1
        for key in want.keys() - got.keys():
            fn[key[0]] += 1
        if args.details:
            extra = sorted(f"{t}:{got[(t, k)].text}" for t, k in got.keys() - want.keys())
            missed = sorted(f"{t}:{want[(t, k)]['text']}" for t, k in want.keys() - got.keys())
            print(f"== {name}\n  FP {extra}\n  FN {missed}")
            for key in got.keys() & want.keys():
                if key[0] == "DATE" and got[key].value != want[key].get("value"):
                    print(f"  VALUE {got[key].text}: {got[key].value} != {want[key].get('value')}")
    _table(tp, fp, fn)
    print(f"DATE values right: {values_ok}/{values_all}")
    per_char = elapsed * 1e6 / chars
    print(
        f"{len(golds)} documents, {chars} chars, {elapsed * 1000:.1f} ms total, "
        f"{per_char:.1f} µs/char ({per_char * 1.5:.2f} ms per 1,500 chars)"
    )


def _prf(t: int, p: int, n: int) -> tuple[float, float, float]:
    prec = t / (t + p) if t + p else 0.0
    rec = t / (t + n) if t + n else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return prec, rec, f1


def _table(tp: Counter[str], fp: Counter[str], fn: Counter[str]) -> None:
    print(f"{'type':<10} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}")
    for etype in sorted(set(tp) | set(fp) | set(fn)):
        p, r, f = _prf(tp[etype], fp[etype], fn[etype])
        print(f"{etype:<10} {p:6.3f} {r:6.3f} {f:6.3f} {tp[etype]:5} {fp[etype]:5} {fn[etype]:5}")
    p, r, f = _prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    print(f"{'ALL':<10} {p:6.3f} {r:6.3f} {f:6.3f}")


if __name__ == "__main__":
    main()
