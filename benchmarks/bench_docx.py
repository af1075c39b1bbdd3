"""Word input against PDF input: every sample's .docx and the PDF made from it, one run.

    python benchmarks/bench_docx.py [--rounds N]

Each sample is read through `extract_file` with the checks, as a .docx and as its
PDF (default reader), interleaved, best of N rounds. Both end in the same parsers
and checks; the .docx swaps the PDF reader for python-docx and the layout of
`read/docx_pages.py`, which must not make Word input markedly slower: the target is
a ratio .docx/PDF of at most 1.5.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from timing import seconds

ROOT = Path(__file__).resolve().parent.parent
WORD = sorted((ROOT / "samples").glob("*.docx"))
PDFS = [path.with_suffix(".pdf") for path in WORD]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    seconds([*WORD, *PDFS])  # warm-up: imports, file cache
    word_s = pdf_s = float("inf")
    for _ in range(args.rounds):  # interleaved, so drift hits both
        word_s = min(word_s, seconds(WORD))
        pdf_s = min(pdf_s, seconds(PDFS))
    print(f"rounds: {args.rounds} (best of)")
    print(f"{len(WORD)} samples as .docx: {word_s:.3f} s")
    print(f"the same as PDF:      {pdf_s:.3f} s")
    print(f"ratio .docx/PDF: {word_s / pdf_s:.2f}  (target: at most 1.50)")


if __name__ == "__main__":
    main()
