"""The workbook's measurable readability: column widths against their content, headers
that wrap between words, fonts named everywhere, a legend for every colour a sheet
paints, A4 print setup that stays >= 8 pt, and the Oversigt/Fund details an economist
reads (price level, payback highlight, one meaning per Fund column).

Widths are measured with Carlito's character widths (`metrics.py`); where LibreOffice
is installed, one sheet is also rendered to PDF and its header words read back whole.
"""

from __future__ import annotations

import math
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from extractor.api import extract_file
from extractor.checks import run_checks
from extractor.export.workbook import write_xlsx
from extractor.export.xlsx.labels import label
from extractor.export.xlsx.layout import payback_differs, paybacks
from extractor.export.xlsx.metrics import text_units
from extractor.export.xlsx.printing import MIN_PRINT_PT, printed_scale, smallest_font
from extractor.export.xlsx.sizing import (
    HEADER_PADDING,
    column_width,
    header_width,
    shown_text,
    wrapped_lines,
)
from extractor.export.xlsx.styles import ERROR, FONT_NAME, MARKS, SUM_DIFF, WARNING
from extractor.models import ExtractionResult
from extractor.template import COPENHAGEN

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
INPUTS = [SAMPLES / "forloebsprogram.pdf", SAMPLES / "sundhed_7aar.pdf",
          SAMPLES / "din_sociale_indgang.pdf", ROOT / "tests" / "data" / "seed_three_proposals.txt"]
A4 = "9"


@pytest.fixture(scope="module")
def result() -> ExtractionResult:
    docs = [extract_file(path, path.name) for path in INPUTS]
    for doc in docs:
        for proposal in doc.proposals:
            if not proposal.findings:
                proposal.findings = run_checks(proposal)
    docs.append(extract_file(SAMPLES / "findes_ikke.pdf", "findes_ikke.pdf"))
    return ExtractionResult(documents=docs)


@pytest.fixture(scope="module")
def xlsx(result: ExtractionResult, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("layout") / "rapport.xlsx"
    write_xlsx(result, path)
    return path


@pytest.fixture(scope="module")
def wb(xlsx: Path) -> openpyxl.Workbook:
    return openpyxl.load_workbook(xlsx)


def _is_header_row(row: tuple) -> bool:
    return any(c.fill is not None and str(c.fill.fgColor.rgb).endswith("305496")
               and c.value for c in row)


def _header_row(ws: Worksheet) -> int:
    """The table's header row: the first row painted in the header colour."""
    for row in ws.iter_rows():
        if _is_header_row(row):
            return row[0].row
    raise AssertionError(f"{ws.title}: no header row")


def _proposal_sheets(wb: openpyxl.Workbook) -> list[Worksheet]:
    """The proposal sheets: every sheet but the workbook's named ones."""
    named = {label(k, "da") for k in ("sheet.overview", "sheet.long", "sheet.round",
                                      "sheet.appendix", "sheet.follow_up", "sheet.findings")}
    return [ws for ws in wb.worksheets if ws.title not in named]


def _bold(cell: object) -> bool:
    return bool(cell.font is not None and cell.font.b)  # type: ignore[attr-defined]


def _merged(ws: Worksheet) -> set[tuple[int, int]]:
    return {(r.min_row, r.min_col) for r in ws.merged_cells.ranges}


# --- columns against their content -------------------------------------------------------

def test_no_header_word_is_wider_than_its_column(wb: openpyxl.Workbook) -> None:
    checked = 0
    for ws in wb.worksheets:
        top = _header_row(ws)
        for cell in ws[top]:
            if not isinstance(cell.value, str):
                continue
            for word in cell.value.split():
                need = text_units(word, bold=_bold(cell)) + 1
                assert need <= column_width(ws, cell.column), (ws.title, cell.value, word)
                checked += 1
    assert checked > 60


def test_every_cell_below_the_header_fits_or_wraps_between_words(wb: openpyxl.Workbook) -> None:
    """Unwrapped text and numbers fit their column; wrapped text has no word wider than
    its column and a row tall enough for its lines."""
    checked = 0
    for ws in wb.worksheets:
        top = _header_row(ws)
        merged = _merged(ws)
        for row in ws.iter_rows(min_row=top + 1):
            for cell in row:
                text = shown_text(cell)
                if not text or (cell.row, cell.column) in merged:
                    continue
                width = column_width(ws, cell.column)
                bold = _bold(cell)
                if not cell.alignment.wrap_text:
                    if cell.column == 1 and ws.cell(row=cell.row, column=2).value is None:
                        continue  # a heading line that flows into the empty cells beside it
                    need = max(text_units(line, bold=bold) for line in text.split("\n"))
                    assert need + 1 <= width + 0.05, (ws.title, cell.coordinate, text)
                else:
                    longest = max(text_units(w, bold=bold) for w in text.split())
                    assert longest + 1 <= width + 0.05, (ws.title, cell.coordinate, text)
                    lines = min(wrapped_lines(text, width, bold=bold), 4)
                    height = ws.row_dimensions[cell.row].height or 15
                    assert height >= 14 * lines, (ws.title, cell.coordinate, lines, height)
                checked += 1
    assert checked > 1000


def test_columns_are_sized_to_their_content_not_wider(wb: openpyxl.Workbook) -> None:
    """No column is more than a little wider than its widest header word or content."""
    for ws in wb.worksheets:
        top = _header_row(ws)
        need: dict[int, float] = {}
        for row in ws.iter_rows(min_row=top):
            for cell in row:
                text = shown_text(cell)
                if not text or (cell.row, cell.column) in _merged(ws):
                    continue
                bold = _bold(cell)
                if cell.row == top:  # whole words, at most three lines, a filter button
                    n = header_width(text, bold=bold)
                    narrower = n - 0.5 - HEADER_PADDING + 1
                    assert wrapped_lines(text, narrower, bold=bold) > 3 or any(
                        text_units(w, bold=bold) + 1 > narrower for w in text.split()), text
                else:
                    n = max(text_units(line, bold=bold) for line in text.split("\n")) + 2.5
                need[cell.column] = max(need.get(cell.column, 0.0), n)
        for col, n in need.items():
            header = str(ws.cell(row=top, column=col).value)
            if header.startswith(label("col.check", "da", year="")):
                continue  # a SUM column is as wide as its amounts (test below)
            assert column_width(ws, col) <= n + 1.0, (ws.title, header, column_width(ws, col), n)


def test_check_columns_are_as_wide_as_the_amounts_they_sum(wb: openpyxl.Workbook,
                                                          result: ExtractionResult) -> None:
    """A SUM column narrower than its amounts would show '###'."""
    for ws in _proposal_sheets(wb):
        top = _header_row(ws)
        cols = {c.value: c.column for c in ws[top] if c.value}
        years = [v for v in cols if isinstance(v, str) and v.isdigit()]
        assert years, ws.title
        for year in years:
            check = cols[label("col.check", "da", year=year)]
            assert column_width(ws, check) >= column_width(ws, cols[year]), (ws.title, year)


# --- fonts, colours, legend ----------------------------------------------------------------

def test_every_written_cell_names_its_font(wb: openpyxl.Workbook) -> None:
    """A font without a name falls back to a serif face in LibreOffice."""
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None:
                    assert cell.font is not None and cell.font.name == FONT_NAME, (
                        ws.title, cell.coordinate, cell.font.name if cell.font else None)


def _painted(ws: Worksheet, from_row: int) -> set[str]:
    """RGB of every mark colour painted at or below `from_row`, conditional formats too."""
    rgbs = {m.rgb for m in MARKS}
    used = {str(c.fill.fgColor.rgb)[-6:] for row in ws.iter_rows(min_row=from_row)
            for c in row if c.fill is not None and c.fill.fill_type == "solid"}
    for rules in ws.conditional_formatting:
        for rule in rules.rules:
            if rule.dxf is not None and rule.dxf.fill is not None:
                used.add(str(rule.dxf.fill.bgColor.rgb)[-6:])
    return used & rgbs


def _legend(ws: Worksheet) -> dict[str, str]:
    """RGB of each legend sample → its explanation."""
    heading = label("legend.heading", "da")
    rows = [c.row for c in ws["A"] if c.value == heading]
    if not rows:
        return {}
    out = {}
    r = rows[0] + 1
    while ws.cell(row=r, column=1).fill.fill_type == "solid":
        out[str(ws.cell(row=r, column=1).fill.fgColor.rgb)[-6:]] = ws.cell(row=r, column=2).value
        r += 1
    return out


def test_every_colour_a_sheet_paints_is_in_its_legend(wb: openpyxl.Workbook) -> None:
    coloured = 0
    for ws in wb.worksheets:
        legend = _legend(ws)
        painted = _painted(ws, _header_row(ws))
        assert painted <= set(legend), (ws.title, painted - set(legend))
        assert all(legend.values()), ws.title
        coloured += bool(painted)
    assert coloured >= 5  # Oversigt, the proposal sheets, Fund


def test_one_meaning_per_colour() -> None:
    assert len({m.rgb for m in MARKS}) == len(MARKS)
    assert len({label(m.key, "da") for m in MARKS}) == len(MARKS)
    assert SUM_DIFF.rgb != ERROR.rgb and SUM_DIFF.font.b  # the check mark is not the pink


# --- print -----------------------------------------------------------------------------------

def test_every_sheet_prints_on_a4_landscape_at_8_pt_or_more(wb: openpyxl.Workbook) -> None:
    for ws in wb.worksheets:
        setup = ws.page_setup
        assert (str(setup.paperSize), setup.orientation) == (A4, "landscape"), ws.title
        effective = smallest_font(ws) * printed_scale(ws)
        assert effective >= MIN_PRINT_PT - 0.05, (ws.title, effective)
        headers = [r[0].row for r in ws.iter_rows() if _is_header_row(r)]
        if len(headers) == 1:  # one table: its header row on every page
            top = headers[0]
            assert ws.print_title_rows in (f"${top}:${top}", f"{top}:{top}"), (
                ws.title, ws.print_title_rows)
        assert ws.oddFooter.center.text


def test_a_narrow_sheet_is_fitted_and_a_wide_one_is_not_shrunk(wb: openpyxl.Workbook) -> None:
    proposal = _proposal_sheets(wb)[0]
    assert proposal.sheet_properties.pageSetUpPr.fitToPage
    assert proposal.page_setup.fitToWidth == 1 and proposal.page_setup.fitToHeight == 0
    overview = wb["Oversigt"]
    assert not overview.sheet_properties.pageSetUpPr.fitToPage
    assert overview.page_setup.scale == math.ceil(100 * MIN_PRINT_PT / 11)


# --- Oversigt, proposal sheets, Fund --------------------------------------------------------

def _records(ws: Worksheet) -> list[dict[str, openpyxl.cell.cell.Cell]]:
    top = _header_row(ws)
    cols = {c.value: c.column for c in ws[top] if c.value}
    return [{title: ws.cell(row=r, column=c) for title, c in cols.items()}
            for r in range(top + 1, ws.max_row + 1)]


def test_overview_highlights_a_differing_stated_payback(wb: openpyxl.Workbook,
                                                       result: ExtractionResult) -> None:
    rows = [r for r in _records(wb["Oversigt"]) if r["Status"].value == "ok"]
    proposals = [p for d in result.documents for p in d.proposals]
    highlighted = 0
    for record, proposal in zip(rows, proposals, strict=True):
        assert proposal.economy is not None
        pb = paybacks(proposal.economy, COPENHAGEN)
        assert record["Prisniveau"].value == proposal.economy.price_level
        for basis, name in (("service", "service"), ("total", "totaløkonomi")):
            cell = record[f"Tilbagebetaling {name}, angivet (år)"]
            differs = payback_differs(pb[f"{basis}_stated"], pb[f"{basis}_computed"])
            assert (cell.fill.fill_type == "solid" and cell.fill.fgColor.rgb.endswith(
                WARNING.rgb)) == differs, (proposal.title, basis)
            highlighted += differs
    assert highlighted >= 2  # Forløbsprogram (totaløkonomi), Din Sociale Indgang (both)
    headers = {c.value for c in wb["Oversigt"][_header_row(wb["Oversigt"])]}
    assert not any("nettoeffekt" in str(h) for h in headers)


def test_payback_times_stand_under_their_own_header(wb: openpyxl.Workbook) -> None:
    ws = _proposal_sheets(wb)[0]  # Forløbsprogram: stated 4 and 4, computed 4 and 5
    title = label("proposal.payback", "da")
    [row] = [c.row for c in ws["A"] if c.value == title]
    stated = label("proposal.payback_stated", "da")
    computed = label("proposal.payback_computed", "da")
    assert (ws.cell(row=row, column=2).value, ws.cell(row=row, column=3).value) == (
        stated, computed)
    values = [(ws.cell(row=r, column=2).value, ws.cell(row=r, column=3).value)
              for r in (row + 1, row + 2)]
    assert values == [(4, 4), (4, 5)]
    assert ws.cell(row=row + 2, column=2).fill.fgColor.rgb.endswith(WARNING.rgb)


def test_findings_sheet_has_one_column_pair_with_one_meaning(wb: openpyxl.Workbook) -> None:
    """'Dokumentet siger' is what the document states; the other is Tabel 1 or computed;
    both with the table's sign, in the stated unit, and their difference."""
    records = _records(wb["Fund"])
    def pick(rule: str, year: int | None = None) -> dict:
        return next(r for r in records if r["Regel"].value == rule
                    and (year is None or r["År"].value == year))
    says, other = "Dokumentet siger", "Tabellen siger eller beregnet"
    total = pick("economy.column_total", 2030)  # printed -8.800, rows sum to -10.480
    assert (total[says].value, total[other].value, total["Forskel"].value) == (
        -8800, -10480, 1680)
    effect = pick("prose.headline_effect")  # "en effekt på 10,1 mio. kr." vs -11.960
    assert (effect[says].value, effect[other].value, effect["Enhed"].value) == (
        -10100, -11960, "1.000 kr.")
    payback = pick("payback.differs")
    assert (payback[says].value, payback[other].value, payback["Enhed"].value) == (4, 5, "år")
    link = total["Celle i forslagets ark"].hyperlink  # to the finding's commented cell
    assert link is not None and link.location.startswith("'1 ")
    sheet, cell = link.location.rsplit("!", 1)
    assert wb[sheet.strip("'").replace("''", "'")][cell].comment is not None
    assert wb["Fund"].row_dimensions[_header_row(wb["Fund"])].height  # header not clipped


# --- rendered by LibreOffice, where it is installed ------------------------------------------

@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice (soffice) or poppler-utils (pdftotext) not installed")
def test_libreoffice_prints_header_words_whole_on_a4(xlsx: Path, tmp_path: Path) -> None:
    run = subprocess.run(
        ["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(xlsx)],
        capture_output=True, text=True, timeout=300)
    pdf = tmp_path / "rapport.pdf"
    if not pdf.exists() and "could not be loaded" in run.stderr:
        pytest.skip("LibreOffice is installed without Calc (libreoffice-calc)")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert "(A4)" in info
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    words = set(text.split())
    for whole in ("Tilbagebetaling", "Styringsområde", "Implementering", "Advarsler",
                  "Dokumentet", "Prisniveau"):
        assert whole in words, whole
    for broken in ("Tilbagebeta", "Styringsområ", "Advarsle", "nettoeffe"):
        assert broken not in words, broken
