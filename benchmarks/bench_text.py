"""Text input against PDF input: the same three real proposals, measured in one run.

    python benchmarks/bench_text.py [--rounds N]

Reads `tests/data/seed_three_proposals.txt` (the seed text: three proposals, Tabel 1
placed by the column solver) and the three sample PDFs of the same proposals, each
through `extract_file` with the checks, interleaved, best of N rounds. The text path
skips the PDF reader but runs the column solver, whose search is the one part that
can grow, so the ratio text/PDF is the figure to watch: the target is at most 0.5,
against the PDFs read with the pdfplumber reader (what the target was set against);
with the PDFium reader (the default, about 6× faster) the ratio is printed for
information.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from timing import seconds

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "data" / "seed_three_proposals.txt"
PDFS = [ROOT / "samples" / f"{stem}.pdf"
        for stem in ("forloebsprogram", "din_sociale_indgang", "plejefamilier")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    seconds([SEED, *PDFS], reader="pdfplumber")  # warm-up: imports, file cache
    seconds(PDFS, reader="pdfium")
    text_s = pdf_s = pdfium_s = float("inf")
    for _ in range(args.rounds):  # interleaved, so drift hits all alike
        text_s = min(text_s, seconds([SEED], reader="pdfplumber"))
        pdf_s = min(pdf_s, seconds(PDFS, reader="pdfplumber"))
        pdfium_s = min(pdfium_s, seconds(PDFS, reader="pdfium"))
    print(f"rounds: {args.rounds} (best of)")
    print(f"seed text, 3 proposals:             {text_s:.3f} s")
    print(f"sample PDFs, same three, pdfplumber: {pdf_s:.3f} s")
    print(f"sample PDFs, same three, PDFium:     {pdfium_s:.3f} s")
    print(f"ratio text/PDF (pdfplumber): {text_s / pdf_s:.2f}  (target: at most 0.50)")
    print(f"ratio text/PDF (PDFium):     {text_s / pdfium_s:.2f}  (for information)")


if __name__ == "__main__":
    main()
