"""Ingestion without extraction: N generated ~3,000-character documents into SQLite.

Reports documents/s and peak memory, and the ratio to a same-run reference: inserting the
same texts with plain sqlite3 executemany (the floor any ingest path pays).
"""

from __future__ import annotations

import argparse
import random
import resource
import sqlite3
import tempfile
import time
from pathlib import Path

from daphuong.pipeline.runner import build_pipeline
from daphuong.services.ingestion import IngestionService
from daphuong.store.engine import Database
from daphuong.store.migrate import upgrade

SYLLABLES = [
    "đối",
    "ngoại",
    "đa",
    "phương",
    "nhân",
    "dân",
    "hội",
    "nghị",
    "hợp",
    "tác",
    "quốc",
    "tế",
    "phát",
    "triển",
    "bền",
    "vững",
    "hòa",
    "bình",
    "hữu",
    "nghị",
    "ngoại",
    "giao",
    "kinh",
    "tế",
    "văn",
    "hóa",
    "xã",
    "hội",
    "chính",
    "trị",
    "an",
    "ninh",
    "khu",
    "vực",
    "toàn",
    "cầu",
    "thúc",
    "đẩy",
    "tăng",
    "cường",
    "quan",
    "hệ",
    "đoàn",
    "kết",
    "đại",
    "biểu",
    "tham",
    "dự",
    "phát",
    "biểu",
    "khẳng",
    "định",
    "vai",
    "trò",
    "vị",
    "thế",
    "uy",
    "tín",
    "Việt",
    "Nam",
    "Lào",
    "Campuchia",
    "ASEAN",
    "Liên",
    "hợp",
    "quốc",
    "Bộ",
    "Ngoại",
    "giao",
    "Ban",
    "Đối",
    "ngoại",
    "Trung",
    "ương",
]
DATELINE = "Thứ Hai, {d:02d}/{m:02d}/2024 08:{mi:02d}"


def make_text(rng: random.Random, size: int = 3000) -> str:
    """One document: title, date line, paragraphs of Vietnamese syllables."""
    parts = [" ".join(rng.choices(SYLLABLES, k=10)).capitalize()]
    parts.append(DATELINE.format(d=rng.randint(1, 28), m=rng.randint(1, 12), mi=rng.randint(0, 59)))
    while sum(len(p) for p in parts) < size:
        parts.append(" ".join(rng.choices(SYLLABLES, k=40)).capitalize() + ".")
    return "\n\n".join(parts) + "\n"


def generate(folder: Path, count: int, seed: int = 7) -> list[str]:
    """Write `count` documents into folder; returns their texts."""
    rng = random.Random(seed)
    texts = []
    for i in range(count):
        text = make_text(rng) + f"Mã {i}.\n"
        (folder / f"doc{i:06d}.txt").write_text(text, encoding="utf-8")
        texts.append(text)
    return texts


def reference(texts: list[str], path: Path) -> float:
    """Seconds for plain sqlite3 inserts of the same texts (one transaction per text)."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)")
    start = time.perf_counter()
    for text in texts:
        with conn:
            conn.execute("INSERT INTO t (body) VALUES (?)", (text,))
    conn.close()
    return time.perf_counter() - start


def main(argv: list[str]) -> int:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks ingest")
    parser.add_argument("--docs", type=int, default=10_000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        texts = generate(folder, args.docs)
        db = Database(f"sqlite:///{Path(tmp) / 'bench.db'}")
        upgrade(db.engine)
        service = IngestionService(db, build_pipeline(["normalize", "clean"]))
        start = time.perf_counter()
        summary = service.ingest([str(folder)])
        elapsed = time.perf_counter() - start
        ref = reference(texts, Path(tmp) / "ref.db")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rate = summary.ingested / elapsed
    print(f"documents: {summary.ingested} ingested, {len(summary.failed)} failed")
    print(f"daphuong ingest: {elapsed:.1f} s, {rate:.0f} docs/s (target >= 300)")
    print(f"reference sqlite3 inserts: {ref:.1f} s, {len(texts) / ref:.0f} docs/s")
    print(f"ratio daphuong/reference time: {elapsed / ref:.1f}x")
    print(f"peak memory (ru_maxrss): {peak_mb:.0f} MB (target <= 300)")
    return 0 if summary.ingested == args.docs else 1
