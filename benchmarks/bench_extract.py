"""Extraction speed per reader, against pdfplumber's own extract_words over the same pages.

    python benchmarks/bench_extract.py [--rounds N] [PDF ...]

All are timed in this one run, interleaved, best of N rounds each, so a shared and
noisy machine affects them alike; the figures that matter are the ratios, not the
seconds. The floor opens each file with pdfplumber and calls `extract_words()` on
every page; a full extraction additionally reads fonts and ruling lines, segments,
parses, checks and validates. With PDFium (the default reader) the full extraction
must take at most 0.2 of the floor: pdfplumber itself can never get below it.
"""

from __future__ import annotations

import argparse
import functools
import time
from collections.abc import Callable
from pathlib import Path

import pdfplumber

from extractor.api import extract_file
from extractor.read import READERS

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
TARGET = 0.2  # full extraction with PDFium / pdfplumber's extract_words


def floor(paths: list[Path]) -> int:
    pages = 0
    for path in paths:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_words()
                pages += 1
    return pages


def full(paths: list[Path], reader: str) -> int:
    return sum(extract_file(path, reader=reader).pages or 0 for path in paths)


def timed(fn: Callable[[list[Path]], int], paths: list[Path]) -> float:
    start = time.perf_counter()
    fn(paths)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="*", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    paths = args.pdfs or sorted(SAMPLES.glob("*.pdf"))
    runs: dict[str, Callable[[list[Path]], int]] = {"floor": floor}
    runs |= {reader: functools.partial(full, reader=reader) for reader in READERS}
    pages = floor(paths)  # warm-up: imports, file cache
    for reader in READERS:
        full(paths, reader)
    best = dict.fromkeys(runs, float("inf"))
    for _ in range(args.rounds):  # interleaved, so drift hits all alike
        for name, fn in runs.items():
            best[name] = min(best[name], timed(fn, paths))
    print(f"files: {len(paths)}  pages: {pages}  rounds: {args.rounds} (best of)")
    print(f"pdfplumber extract_words (floor): {best['floor']:7.3f} s "
          f"({pages / best['floor']:6.1f} pages/s)")
    for reader in READERS:
        print(f"full extraction, {reader + ' reader:':18s} {best[reader]:7.3f} s "
              f"({pages / best[reader]:6.1f} pages/s)  ratio to floor: "
              f"{best[reader] / best['floor']:.3f}")
    ratio = best[READERS[0]] / best["floor"]
    verdict = "met" if ratio <= TARGET else "NOT met"
    print(f"ratio full ({READERS[0]}) / floor: {ratio:.3f}  (target: at most {TARGET}; {verdict})")


if __name__ == "__main__":
    main()
