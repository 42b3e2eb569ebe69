"""Reproducible speed and memory benchmarks; each writes its figures under benchmarks/results/."""
