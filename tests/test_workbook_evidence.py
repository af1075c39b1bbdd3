"""The workbook's Fund sheet: every finding links to its cell on the proposal's sheet, and
with `--snips` shows the same page picture as the HTML report."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from extractor.api import extract_file
from extractor.cli import main
from extractor.export.workbook import to_xlsx_bytes
from extractor.models import ExtractionResult

ROOT = Path(__file__).resolve().parent.parent
PDFS = [ROOT / "samples" / f"{s}.pdf" for s in ("forloebsprogram", "plejefamilier")]


@pytest.fixture(scope="module")
def result() -> ExtractionResult:
    return ExtractionResult(documents=[extract_file(p, str(p)) for p in PDFS])


def test_each_finding_links_to_its_commented_cell(result: ExtractionResult) -> None:
    wb = load_workbook(io.BytesIO(to_xlsx_bytes(result)))
    ws = wb["Fund"]
    top = next(r[0].row for r in ws.iter_rows() if r[0].value == "Alvor")  # below the legend
    header = [c.value for c in ws[top]]
    link_col = header.index("Celle i forslagets ark") + 1
    message_col = header.index("Besked") + 1
    rows = range(top + 1, ws.max_row + 1)
    assert len(rows) == sum(len(p.findings) for d in result.documents for p in d.proposals)
    for row in rows:
        link = ws.cell(row, link_col).hyperlink
        assert link is not None and link.location, row
        sheet, cell = link.location.rsplit("!", 1)
        target = wb[sheet.strip("'").replace("''", "'")][cell]
        assert target.comment is not None
        assert ws.cell(row, message_col).value in target.comment.text
    assert not ws._images  # pictures only on request


def test_snips_put_a_picture_on_every_finding_row_with_evidence(
        result: ExtractionResult) -> None:
    wb = load_workbook(io.BytesIO(to_xlsx_bytes(result, snips=True)))
    ws = wb["Fund"]
    with_evidence = sum(1 for d in result.documents for p in d.proposals for f in p.findings
                        if f.location.evidence)
    anchored = sorted(img.anchor._from.row + 1 for img in ws._images)
    assert len(anchored) == with_evidence >= 5
    assert anchored == sorted(set(anchored))  # one picture a row
    for row in anchored:
        assert ws.row_dimensions[row].height <= 409


def test_cli_snips_option(tmp_path: Path) -> None:
    out = tmp_path / "rapport.xlsx"
    assert main(["extract", str(PDFS[1]), "-o", str(out), "--snips", "-q", "-j", "1"]) == 0
    assert load_workbook(out)["Fund"]._images
