"""Extraction throughput on one core, ours against underthesea's `ner`, on the same texts.

The gold texts (seeds and dev corpus) are repeated to about 1 MB. Our extractor runs per
document (recognition, entities, roles, events); underthesea's `ner` runs per sentence (its
unit; whole documents are far slower), sentences split with its own `sent_tokenize`.
Reports characters per second for both, their ratio (target ≥ 10), and our peak memory:
tracemalloc's peak over the run and the process's ru_maxrss before underthesea is loaded
(target ≤ 500 MB). Writes benchmarks/results/extract.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import sys
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = REPO.parent / "shared"
RESULT = REPO / "benchmarks" / "results" / "extract.md"
TARGET_RATIO = 10.0
TARGET_MB = 500.0


def _one_core() -> str:
    """Pin this process (and numeric libraries' threads) to a single CPU."""
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = "1"
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned (no sched_setaffinity)"


def load_texts(shared: Path, target_chars: int) -> tuple[list[str], int]:
    """The gold texts, cycled until they reach about target_chars; and how many distinct."""
    paths = sorted((shared / "seeds").glob("*.txt")) + sorted(
        (shared / "corpus" / "dev").glob("*.txt")
    )
    base = [p.read_text(encoding="utf-8") for p in paths]
    if not base:
        raise SystemExit(f"no texts under {shared}/seeds or {shared}/corpus/dev")
    texts: list[str] = []
    total = 0
    while total < target_chars:
        for text in base:
            texts.append(text)
            total += len(text)
            if total >= target_chars:
                break
    return texts, len(base)


def run_ours(texts: list[str]) -> float:
    """Seconds to extract every text."""
    from daphuong.pipeline.extract.extractor import extract

    extract(texts[0], "warm-up")  # vocabulary loading is a one-off, not throughput
    started = time.perf_counter()
    for n, text in enumerate(texts):
        extract(text, f"doc{n}")
    return time.perf_counter() - started


def peak_ours(texts: list[str]) -> float:
    """tracemalloc's peak (MB) while extracting every text."""
    from daphuong.pipeline.extract.extractor import extract

    tracemalloc.start()
    for n, text in enumerate(texts):
        extract(text, f"doc{n}")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def run_underthesea(texts: list[str]) -> tuple[float, int]:
    """Seconds for underthesea's ner over every sentence, and the characters it saw."""
    from underthesea import ner, sent_tokenize

    sentences = [
        s
        for text in texts
        for line in text.splitlines()
        if line.strip()
        for s in sent_tokenize(line)
    ]
    ner(sentences[0])
    started = time.perf_counter()
    for sentence in sentences:
        ner(sentence)
    return time.perf_counter() - started, sum(len(s) for s in sentences)


def _cpu_name() -> str:
    """The CPU model from /proc/cpuinfo where there is one."""
    info = Path("/proc/cpuinfo")
    if info.is_file():
        for line in info.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine()


def _maxrss_mb() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return usage / 2**20 if sys.platform == "darwin" else usage / 2**10


def _report(figures: dict[str, str], command: str) -> str:
    rows = "\n".join(f"| {k} | {v} |" for k, v in figures.items())
    return (
        "# Extraction benchmark\n\n"
        f"Command (from the repository root): `{command}`\n\n"
        "| measure | value |\n|---|---|\n"
        f"{rows}\n\n"
        "Ours: `daphuong.pipeline.extract.extractor.extract` per document (recognition, "
        "entities, roles, events). underthesea 6.8.4: `ner` per sentence from its own "
        "`sent_tokenize`, bundled CRF model, no download. Both on the same texts, one core, "
        "one process; vocabulary loading and model loading are excluded from both timings.\n"
    )


def main(argv: list[str]) -> int:
    """Run the benchmark and write benchmarks/results/extract.md."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks extract")
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the ../shared folder")
    parser.add_argument("--chars", type=int, default=1_000_000, help="size of the repeated corpus")
    parser.add_argument("--out", type=Path, default=RESULT, help="where to write the results")
    args = parser.parse_args(argv)
    pinned = _one_core()
    texts, distinct = load_texts(args.shared, args.chars)
    chars = sum(len(t) for t in texts)
    ours_s = run_ours(texts)
    peak_mb = peak_ours(texts)
    rss_mb = _maxrss_mb()  # before underthesea's model is loaded
    theirs_s, theirs_chars = run_underthesea(texts)
    ours_rate, theirs_rate = chars / ours_s, theirs_chars / theirs_s
    ratio = ours_rate / theirs_rate
    figures = {
        "corpus": f"{distinct} gold texts repeated to {len(texts)} documents, {chars:,} characters",
        "machine": f"{_cpu_name()}, Python {platform.python_version()}, {pinned}",
        "ours: time": f"{ours_s:.2f} s",
        "ours: throughput": f"{ours_rate:,.0f} characters/s",
        "underthesea ner: time": f"{theirs_s:.2f} s for {theirs_chars:,} characters",
        "underthesea ner: throughput": f"{theirs_rate:,.0f} characters/s",
        "ratio (ours / underthesea)": f"{ratio:.1f}× (target ≥ {TARGET_RATIO:.0f}×)",
        "ours: tracemalloc peak": f"{peak_mb:.1f} MB (target ≤ {TARGET_MB:.0f} MB)",
        "ours: ru_maxrss (process, before underthesea)": f"{rss_mb:.1f} MB",
    }
    command = "python -m benchmarks extract " + " ".join(argv)
    text = _report(figures, command.strip())
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(text)
    return 0 if ratio >= TARGET_RATIO and max(peak_mb, rss_mb) <= TARGET_MB else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
