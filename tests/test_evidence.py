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
from extractor.evidence import cell, quote, resolve
from extractor.models import (
    Box,
    CostItem,
    DocumentResult,
    Economy,
    EconomyRow,
    Evidence,
    Finding,
    Proposal,
)
from extractor.numbers import parse_table_amount
from extractor.read.page import Line, Word, bbox_of
from extractor.rules import TABLE_1, finding

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
    printed lines on page 1, starting mid-line at the sentence's first word; section 2
    repeats the claim (page 3), and the one finding for both points at it after."""
    path = ROOT / "samples" / "forloebsprogram.pdf"
    proposal = results[path].proposals[0]
    [effect] = [f for f in proposal.findings if f.rule == "prose.headline_effect"]
    first, *sentence = effect.location.evidence
    assert first.text == "-11.960"
    summary = [e for e in sentence if e.page == 1]
    assert summary and sentence[:len(summary)] == summary
    assert {e.page for e in sentence[len(summary):]} == {3}
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


# resolve() on a made-up page: each way a finding gets its places, one at a time.

def _line(page: int, top: float, *texts: str) -> Line:
    words, x = [], 60.0
    for text in texts:
        words.append(Word(text, x, x + 6 * len(text), top, top + 10))
        x += 6 * len(text) + 4
    return Line(tuple(words), page)


_LINES = [
    _line(1, 100, "Titel", "på", "forslaget"),
    _line(3, 200, "Effektiviseringen", "er", "på", "1,5", "mio.", "kr.", "ved", "forløbs-"),
    _line(3, 212, "programmet.", "Næste", "sætning."),
    _line(5, 300, "Samlet", "varig", "ændring"),
    _line(5, 320, "Tabel", "1.", "Forslagets", "økonomi"),
]


def _proposal() -> Proposal:
    cells = {"2027": Box(page=5, bbox=[300.0, 300.0, 330.0, 310.0], text="-1.500")}
    economy = Economy(years=[2026, 2027], page=5, rows=[
        EconomyRow(group="permanent", label="Samlet varig ændring", role="total",
                   values={"2026": None, "2027": -1500}, page=5, cells=cells)])
    item = CostItem(group="permanent", title="Kørsel", amount_text="1,5 mio. kr.", page=3,
                    bbox=[60.0, 150.0, 200.0, 160.0])
    return Proposal(title="Titel på forslaget", pages=[1, 7], economy=economy, cost_items=[item])


def _resolved(f: Finding, lines: list[Line] | None = _LINES) -> list[Evidence]:
    return resolve([f], _proposal(), lines)[0].location.evidence


def test_a_finding_without_places_gets_the_cell_its_location_names() -> None:
    f = finding("economy.sign_convention", "…", page=5, table=TABLE_1,
                row="Samlet varig ændring", year=2027)
    assert [(e.page, e.bbox, e.text) for e in _resolved(f)] == [
        (5, [300.0, 300.0, 330.0, 310.0], "-1.500")]


def test_an_empty_cell_points_at_its_row_label_on_the_page() -> None:
    f = finding("economy.empty_total", "…", page=5, table=TABLE_1,
                row="Samlet varig ændring", year=2026)
    (e,) = _resolved(f)
    assert (e.page, e.text) == (5, "Samlet varig ændring")
    assert e.bbox == bbox_of([_LINES[3]])


def test_a_heading_a_page_and_a_table_are_found_too() -> None:
    heading = _resolved(finding("prose.unmatched_item", "…", page=3, row="Kørsel"))
    assert [(e.page, e.bbox) for e in heading] == [(3, [60.0, 150.0, 200.0, 160.0])]
    table = _resolved(finding("economy.missing_total", "…", page=5, table=TABLE_1))
    assert [(e.page, e.text) for e in table] == [(5, "Tabel 1.")]
    title = _resolved(finding("completeness.section_missing", "…", page=1))
    assert [(e.page, e.text) for e in title] == [(1, "Titel på forslaget")]


def test_a_quoted_sentence_is_boxed_line_by_line_across_a_hyphen() -> None:
    sentence = "Effektiviseringen er på 1,5 mio. kr. ved forløbsprogrammet."
    f = finding("prose.headline_effect", "…", page=5, table=TABLE_1,
                row="Samlet varig ændring", year=2027,
                evidence=[*cell(_proposal().economy.rows[0], 2027), *quote(sentence)])
    first, *lines = _resolved(f)
    assert first.text == "-1.500"
    assert [(e.page, e.text) for e in lines] == [
        (3, "Effektiviseringen er på 1,5 mio. kr. ved forløbs-"), (3, "programmet.")]
    assert lines[1].bbox == bbox_of(_LINES[2].words[:1])


def test_text_that_is_not_printed_is_dropped_and_text_input_gets_nothing() -> None:
    f = finding("completeness.template_text", "…", page=3, evidence=quote("[Ikke trykt]"))
    assert _resolved(f) == []
    g = finding("economy.sign_convention", "…", page=5, table=TABLE_1,
                row="Samlet varig ændring", year=2027)
    assert _resolved(g, None) == []
