"""Render many seeded variations of the sample sources and check every extraction.

    python tools/render_check.py --count 300            # seeds 0..299, every producer
    python tools/render_check.py --seeds 17 42          # replay failing seeds
    python tools/render_check.py --count 36 --keep tests/renderings   # the CI subset
    python tools/render_check.py --count 300 --only html --html-printer weasyprint

Each seed picks a producer (reportlab, HTML printed by Chromium, python-docx printed by
LibreOffice), a source or a bundle and a look (samples/generator/variation.py). The
extraction must equal the transcription (tests/test_against_source.py's comparison: every
Tabel 1 cell, every contract field) and carry the same findings (rule, row, year) as the
golden file of our own sample. Prints the count and every failing seed with its problems.
Needs reportlab and pyphen (`pip install -e '.[samples]'`), Chromium, LibreOffice, poppler;
`--html-printer weasyprint` prints the HTML seeds with WeasyPrint instead of Chromium (a
fourth layout engine and PDF writer; the seed's look stays the same).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "samples" / "generator"), str(ROOT / "tests")]

import pytest  # noqa: E402

pytest.register_assert_rewrite("test_against_source", "test_golden")  # readable differences

from produce import produce  # noqa: E402
from test_against_source import mismatches  # noqa: E402
from variation import load_source, variation  # noqa: E402

from extractor.api import extract_file  # noqa: E402
from extractor.read import READERS  # noqa: E402


def golden_findings(stem: str) -> list[dict]:
    golden = json.loads((ROOT / "samples" / f"{stem}.expected.json").read_text(encoding="utf-8"))
    return golden["proposals"][0]["findings"]


def check_pdf(pdf: Path, stems: list[str], reader: str = READERS[0]) -> list[str]:
    """Problems of one rendering of `stems` (empty: it extracts like our own sample)."""
    result = extract_file(pdf, reader=reader)
    if result.status != "ok":
        return [f"status {result.status}: {result.error}"]
    if len(result.proposals) != len(stems):
        return [f"{len(result.proposals)} proposals read, {len(stems)} rendered"]
    problems = []
    for proposal, stem in zip(result.proposals, stems, strict=True):
        problems += [f"{stem}: {p}" for p in
                     mismatches(proposal, load_source(stem), golden_findings(stem))]
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=300, help="seeds 0..COUNT-1")
    parser.add_argument("--start", type=int, default=0, help="first seed")
    parser.add_argument("--seeds", type=int, nargs="*", help="exactly these seeds")
    parser.add_argument("--reader", choices=READERS, default=READERS[0],
                        help="the PDF reader (default: the extractor's default)")
    parser.add_argument("--keep", type=Path, help="copy every rendering (and its stems) here")
    parser.add_argument("--only", choices=("docx", "html", "reportlab"),
                        help="only the seeds this producer renders")
    parser.add_argument("--html-printer", choices=("chromium", "weasyprint"), default="chromium",
                        help="what prints the HTML seeds (weasyprint: another layout engine "
                             "and PDF writer, `pip install weasyprint`)")
    args = parser.parse_args(argv)
    seeds = list(args.seeds if args.seeds else range(args.start, args.start + args.count))
    if args.only:
        seeds = [s for s in seeds if variation(s).producer == args.only]
    failed: dict[int, list[str]] = {}
    producers: Counter[str] = Counter()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="render-check-") as tmp:
        for seed in seeds:
            try:
                pdf, v = produce(seed, Path(tmp), args.html_printer)
            except Exception as error:  # a producer failing is a failing seed, not a crash
                failed[seed] = [f"rendering failed: {type(error).__name__}: {error}"]
                continue
            producers[v.producer] += 1
            problems = check_pdf(pdf, list(v.stems), args.reader)
            if problems:
                failed[seed] = problems
                print(f"FAIL seed {seed} ({v.name})", flush=True)
                for problem in problems:
                    print(f"    {problem}", flush=True)
            if args.keep:
                args.keep.mkdir(parents=True, exist_ok=True)
                shutil.copy(pdf, args.keep / pdf.name)
            pdf.unlink()
    total = len(seeds)
    by_producer = ", ".join(f"{n} {p}" for p, n in sorted(producers.items()))
    print(f"{total - len(failed)} of {total} renderings pass ({by_producer}); "
          f"{time.monotonic() - started:.0f} s")
    if failed:
        print("failing seeds: " + " ".join(map(str, sorted(failed))))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
