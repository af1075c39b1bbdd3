"""One seed -> one PDF: the variation's producer renders each of its sources, a bundle is joined.

    python samples/generator/produce.py SEED [SEED ...] -o DIR

Each proposal of a bundle is rendered on its own (its page numbers restart, as in the
real bundles) and the parts are joined with pdfunite.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from variation import Variation, load_source, variation


def _render_one(source: dict, v: Variation, path: Path, work: Path,
                html_printer: str) -> None:
    if v.producer == "reportlab":
        from render_reportlab import render_reportlab
        render_reportlab(source, v, path)
    elif v.producer == "html":
        from render_html import render_html
        render_html(source, v, path, work, html_printer)
    elif v.producer == "docx":
        from render_docx_variant import render_docx_variant
        render_docx_variant(source, v, path, work)
    else:
        raise ValueError(f"unknown producer {v.producer!r}")


def produce(seed: int, out_dir: Path, html_printer: str = "chromium") -> tuple[Path, Variation]:
    """Render `seed` into out_dir/<name>.pdf; returns the path and its variation. The HTML
    of an "html" seed is printed by `html_printer` (chromium or weasyprint: then the file
    is named "weasyprint" where it says "html"; the seed's look stays the same)."""
    v = variation(seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    name = v.name
    if v.producer == "html" and html_printer != "chromium":
        name = name.replace("_html_", f"_{html_printer}_", 1)
    target = out_dir / f"{name}.pdf"
    with tempfile.TemporaryDirectory(prefix="produce-") as tmp_name:
        tmp = Path(tmp_name)
        parts = []
        for i, stem in enumerate(v.stems):
            part = tmp / f"part{i}.pdf"
            _render_one(load_source(stem), v, part, tmp, html_printer)
            parts.append(part)
        if len(parts) == 1:
            target.write_bytes(parts[0].read_bytes())
        else:
            subprocess.run(["pdfunite", *map(str, parts), str(target)], check=True,
                           capture_output=True)
    return target, v


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seeds", nargs="+", type=int)
    parser.add_argument("-o", "--out", type=Path, required=True)
    parser.add_argument("--describe", action="store_true", help="print each variation as JSON")
    args = parser.parse_args(argv)
    for seed in args.seeds:
        path, v = produce(seed, args.out)
        print(path)
        if args.describe:
            print(json.dumps(v.to_json(), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
