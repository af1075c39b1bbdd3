"""Evidence boxes: every printed Tabel 1 value can be found again by its box alone, and
every finding with a page points at its place, the wrong value first.

The boxes are checked against the PDF itself through a second path: pdfplumber crops
the page to the box and extracts the text anew, which must give back the printed number
(and the number the row holds), so a box that is off by a column or a row fails.
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from extractor.api import extract_file
from extractor.models import DocumentResult
from extractor.numbers import parse_table_amount

ROOT = Path(__file__).resolve().parent.parent
PDFS = sorted((ROOT / "samples").glob("*.pdf"))
SEED = ROOT.parent / "shared" / "seeds" / "000_fd2991a41c5acf80.txt"


@pytest.fixture(scope="module")
def results() -> dict[Path, DocumentResult]:
    return {pdf: extract_file(pdf) for pdf in PDFS}


def _cropped_text(pdf: pdfplumber.PDF, page: int, bbox: list[float]) -> str:
    return pdf.pages[page - 1].crop(tuple(bbox)).extract_text()


def _squeezed(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.stem)
def test_every_printed_value_has_a_box_holding_exactly_its_number(
        path: Path, results: dict[Path, DocumentResult]) -> None:
    checked = 0
    with pdfplumber.open(path) as pdf:
        for proposal in results[path].proposals:
            assert proposal.economy is not None
            for row in proposal.economy.rows:
                for year, value in row.values.items():
                    box = row.cells.get(year)
                    if value is None:
                        assert box is None, (row.label, year)
                        continue
                    assert box is not None, f"{row.label} {year}: no box"
                    text = _cropped_text(pdf, box.page, box.bbox)
                    # a sign wrapped onto its own line comes back with a line break
                    assert _squeezed(text) == box.text, (row.label, year, text, box)
                    assert parse_table_amount(_squeezed(text)) == value
                    checked += 1
    assert checked >= 20


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.stem)
def test_payback_and_cost_item_boxes_hold_their_text(
        path: Path, results: dict[Path, DocumentResult]) -> None:
    with pdfplumber.open(path) as pdf:
        for proposal in results[path].proposals:
            for stated in proposal.economy.payback if proposal.economy else []:
                if stated.text:
                    assert stated.page is not None and stated.bbox is not None
                    text = _cropped_text(pdf, stated.page, stated.bbox)
                    assert _squeezed(text) == _squeezed(stated.text)
            assert proposal.cost_items
            for item in proposal.cost_items:
                assert item.page is not None and item.bbox is not None
                text = _squeezed(_cropped_text(pdf, item.page, item.bbox))
                assert text.startswith(_squeezed(item.title)[:20]), (item.title, text)
                assert _squeezed(item.amount_text)[:5] in text, (item.amount_text, text)


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.stem)
def test_every_finding_with_a_page_has_evidence_the_wrong_place_first(
        path: Path, results: dict[Path, DocumentResult]) -> None:
    with pdfplumber.open(path) as pdf:
        for proposal in results[path].proposals:
            rows = {r.label: r for r in proposal.economy.rows} if proposal.economy else {}
            for f in proposal.findings:
                evidence = f.location.evidence
                if f.location.page is None:
                    continue
                assert evidence, f.message
                first = evidence[0]
                assert first.page == f.location.page, f.message
                row = rows.get(f.location.row or "")
                if row is not None and f.location.year is not None:
                    # the location names this cell (not a prose heading on another page)
                    box = row.cells.get(str(f.location.year))
                    if box is not None and box.page == f.location.page:
                        assert (first.page, first.bbox) == (box.page, box.bbox), f.message
                for e in evidence:
                    assert e.page is not None and e.bbox is not None
                    page = pdf.pages[e.page - 1]
                    x0, top, x1, bottom = e.bbox
                    assert 0 <= x0 < x1 <= page.width and 0 <= top < bottom <= page.height
                    assert _squeezed(_cropped_text(pdf, e.page, e.bbox)), e


def test_cells_name_the_wrong_total_first_then_the_rows_it_covers(
        results: dict[Path, DocumentResult]) -> None:
    """Forløbsprogram prints -8.800 as Samlet økonomisk påvirkning 2030; the sum is -10.480."""
    proposal = results[ROOT / "samples" / "forloebsprogram.pdf"].proposals[0]
    total = next(f for f in proposal.findings
                 if f.rule == "economy.column_total" and f.location.year == 2030)
    texts = [e.text for e in total.location.evidence]
    assert texts[0] == "-8.800"
    assert "-10.480" in texts[1:]


def test_a_prose_claim_points_at_its_sentence_after_the_table_value(
        results: dict[Path, DocumentResult]) -> None:
    """The summary's "Effektiviseringsbidraget på 10,1 mio. kr. ved fuld indfasning …"
    against Samlet varig ændring 2031 (-11.960): the cell first, then the sentence's
    printed lines on page 1, starting mid-line at the sentence's first word."""
    path = ROOT / "samples" / "forloebsprogram.pdf"
    proposal = results[path].proposals[0]
    effect = next(f for f in proposal.findings if f.rule == "prose.headline_effect")
    first, *sentence = effect.location.evidence
    assert first.text == "-11.960"
    assert sentence and all(e.page == 1 for e in sentence)
    assert sentence[0].text.startswith("Effektiviseringsbidraget")
    assert "10,1 mio. kr." in " ".join(e.text for e in sentence)
    with pdfplumber.open(path) as pdf:
        for e in sentence:
            assert _squeezed(_cropped_text(pdf, e.page, e.bbox)) == _squeezed(e.text)


def test_text_input_has_no_boxes() -> None:
    if not SEED.is_file():
        pytest.skip("the seed text lives in ../shared")
    result = extract_file(SEED)
    assert result.proposals
    for proposal in result.proposals:
        assert all(not r.cells for r in proposal.economy.rows)
        assert all(i.bbox is None for i in proposal.cost_items)
        assert all(not f.location.evidence for f in proposal.findings)
        assert proposal.findings
