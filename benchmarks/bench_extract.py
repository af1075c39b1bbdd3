"""Extraction speed against the floor: pdfplumber's own extract_words over the same pages.

    python benchmarks/bench_extract.py [--rounds N] [PDF ...]

Both are timed in this one run, interleaved, best of N rounds each, so a shared and
noisy machine affects them alike; the figure that matters is the ratio, not the seconds.
The floor opens each file and calls `extract_words()` on every page; the full
extraction additionally reads fonts, ruling lines, segments, parses and validates.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

import pdfplumber

from extractor.api import extract_file

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def floor(paths: list[Path]) -> int:
    pages = 0
    for path in paths:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_words()
                pages += 1
    return pages


def full(paths: list[Path]) -> int:
    return sum(extract_file(path).pages or 0 for path in paths)


def best_of(rounds: int, fn: Callable[[list[Path]], int], paths: list[Path]) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        fn(paths)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="*", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    paths = args.pdfs or sorted(SAMPLES.glob("*.pdf"))
    pages = floor(paths)  # warm-up: imports, file cache
    full(paths)
    floor_s = full_s = float("inf")
    for _ in range(args.rounds):  # interleaved, so drift hits both
        floor_s = min(floor_s, best_of(1, floor, paths))
        full_s = min(full_s, best_of(1, full, paths))
    print(f"files: {len(paths)}  pages: {pages}  rounds: {args.rounds} (best of)")
    print(f"pdfplumber extract_words floor: {floor_s:.3f} s  ({pages / floor_s:.1f} pages/s)")
    print(f"extractor full extraction:      {full_s:.3f} s  ({pages / full_s:.1f} pages/s)")
    print(f"ratio full/floor: {full_s / floor_s:.2f}  (target: at most 1.50)")


if __name__ == "__main__":
    main()
