"""The committed seeded renderings (tests/renderings/) extract to their transcriptions.

Each PDF there was made by `python tools/render_check.py --seeds … --keep
tests/renderings` from samples/source/ by another producer (reportlab, HTML printed
by Chromium, python-docx printed by LibreOffice; `weasyprint`: the HTML of an html seed
printed by WeasyPrint, `--html-printer weasyprint`) in another look; its name is
`s<seed>_<producer>_<stem>[+<stem>…].pdf`. Next to them, our own samples passed through
two other PDF writers, `x0001_cairo_*` (`pdftocairo -pdf`: Cairo leaves out the space
wherever it starts a new glyph run) and `x0002_gs_*` (Ghostscript's pdfwrite: fonts
re-encoded). Committed as data so CI needs neither Chromium, WeasyPrint, LibreOffice nor poppler.
Every one must read like our own sample: every Tabel 1 cell, every contract field
(test_against_source's comparison) and the same findings.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_against_source import SOURCES, mismatches

from extractor.api import extract_file

ROOT = Path(__file__).resolve().parent.parent
READERS = ("pdfplumber", "pdfium")  # every rendering through both readers
RENDERINGS = sorted((ROOT / "tests" / "renderings").glob("*.pdf"))


def _stems(pdf: Path) -> list[str]:
    return pdf.stem.split("_", 2)[2].split("+")


def _golden_findings(stem: str) -> list[dict]:
    golden = json.loads((ROOT / "samples" / f"{stem}.expected.json").read_text(encoding="utf-8"))
    return golden["proposals"][0]["findings"]


def test_the_subset_covers_every_producer() -> None:
    producers = {p.stem.split("_")[1] for p in RENDERINGS}
    assert len(RENDERINGS) >= 30
    assert producers == {"reportlab", "html", "docx", "cairo", "gs", "weasyprint"}


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("pdf", RENDERINGS, ids=lambda p: p.stem)
def test_rendering_extracts_to_its_transcription(pdf: Path, reader: str) -> None:
    stems = _stems(pdf)
    result = extract_file(pdf, reader=reader)
    assert result.status == "ok", result.error
    assert len(result.proposals) == len(stems)
    problems = []
    for proposal, stem in zip(result.proposals, stems, strict=True):
        source = json.loads((SOURCES / f"{stem}.json").read_text(encoding="utf-8"))
        problems += [f"{stem}: {p}" for p in mismatches(proposal, source, _golden_findings(stem))]
    assert problems == []
