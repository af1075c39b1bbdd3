"""One worksheet per proposal: Tabel 1 as printed (years as columns), live SUM checks
beside the printed totals, red marking where a printed total differs from its formula,
and every finding on its cell (coloured, message as a cell comment)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from openpyxl.comments import Comment
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from extractor.export.xlsx.cells import (
    BOLD,
    SEVERITY_FILL,
    TITLE_FONT,
    clean_text,
    fit_rows,
    header_row,
    put_formula,
    put_number,
    put_text,
    set_widths,
    sum_formula,
)
from extractor.export.xlsx.labels import label
from extractor.export.xlsx.layout import item_indexes, total_coverage
from extractor.models import SEVERITY_ORDER, Economy, Finding, Proposal

HEADER_ROW = 5
LABEL_COL, AREA_COL, FIRST_YEAR_COL = 1, 2, 3
_DIFF_FILL = PatternFill("solid", fgColor="FF7C80", bgColor="FF7C80")
_DIFF_FONT = Font(bold=True, color="9C0006")


@dataclass
class _Grid:
    """Where Tabel 1 landed on the sheet."""
    years: list[int]
    row_of: dict[int, int]  # economy row index → sheet row
    payback_row: dict[str, int]

    def year_col(self, year: int) -> int:
        return FIRST_YEAR_COL + self.years.index(year)

    def check_col(self, year: int) -> int:
        return FIRST_YEAR_COL + len(self.years) + 1 + self.years.index(year)


def write_proposal_sheet(ws: Worksheet, proposal: Proposal, file: str,
                         lang: str,
                         finding_cells: dict[int, tuple[int, int]] | None = None,
                         ) -> dict[tuple[int, int], str]:
    """Draw the sheet; returns where each Tabel 1 amount landed, (row index, year) → cell
    ("C12"), so other sheets (the round's totals) can refer to the printed cells.
    `finding_cells` is filled with where each finding landed, id(finding) → (row, column),
    so the Fund sheet can link to it."""
    economy = proposal.economy
    title = put_text(ws, 1, 1, proposal.title)
    title.font = TITLE_FONT
    pages = "-".join(str(p) for p in proposal.pages or []) or "-"
    unit = " ".join(x for x in (economy.unit, economy.price_level) if x) if economy else ""
    put_text(ws, 2, 1, label("proposal.meta", lang, file=file, pages=pages,
                             page=economy.page if economy and economy.page else "-",
                             unit=unit or "-"))
    put_text(ws, 3, 1, label("proposal.intro", lang), wrap=False).font = Font(italic=True)
    if economy is None or not economy.rows or not economy.years:
        put_text(ws, HEADER_ROW, 1, label("proposal.no_table", lang))
        set_widths(ws, [60])
        placed = _place_findings(ws, proposal.findings, None, HEADER_ROW + 2, lang)
        if finding_cells is not None:
            finding_cells.update(placed)
        return {}
    grid = _write_table(ws, economy, lang)
    next_row = max([*grid.row_of.values(), *grid.payback_row.values()]) + 2
    if economy.notes:
        put_text(ws, next_row, 1, label("proposal.notes", lang)).font = BOLD
        for i, note in enumerate(economy.notes, start=1):
            put_text(ws, next_row + i, 1, note)
        next_row += len(economy.notes) + 2
    placed = _place_findings(ws, proposal.findings, (economy, grid), next_row, lang)
    n = len(economy.years)
    set_widths(ws, [60, 16, *[11] * n, 3, *[11] * n])
    fit_rows(ws, HEADER_ROW + 1)
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=FIRST_YEAR_COL)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    if finding_cells is not None:
        finding_cells.update(placed)
    return {(i, y): f"{get_column_letter(grid.year_col(y))}{r}"
            for i, r in grid.row_of.items() for y in economy.years}


def _write_table(ws: Worksheet, economy: Economy, lang: str) -> _Grid:
    years = economy.years
    grid = _Grid(years=years, row_of={}, payback_row={})
    header_row(ws, HEADER_ROW, [label("col.row", lang), label("col.area", lang),
                                *[str(y) for y in years], "",
                                *[label("col.check", lang, year=y) for y in years]])
    gap = ws.cell(row=HEADER_ROW, column=grid.check_col(years[0]) - 1)
    gap.value, gap.fill = None, PatternFill(fill_type=None)
    for col in (grid.year_col(y) for y in years):
        ws.cell(row=HEADER_ROW, column=col).alignment = Alignment(horizontal="right",
                                                                  vertical="top")
    ws.row_dimensions[HEADER_ROW].height = 30
    row = HEADER_ROW + 1
    group = None
    for i, erow in enumerate(economy.rows):
        if erow.group != group:
            group = erow.group
            if group == "overall":
                row += 1  # the printed table's spacer row
            else:
                put_text(ws, row, LABEL_COL, label(f"group.{group}", lang)).font = BOLD
                row += 1
        grid.row_of[i] = row
        text = erow.label + (f" {erow.footnote}" if erow.footnote else "")
        put_text(ws, row, LABEL_COL, text, wrap=True)
        put_text(ws, row, AREA_COL, erow.steering_area)
        for y in years:
            put_number(ws, row, grid.year_col(y), erow.value(y))
        if erow.role == "total":
            for col in (LABEL_COL, AREA_COL, *(grid.year_col(y) for y in years)):
                ws.cell(row=row, column=col).font = BOLD
        row += 1
    last_table_row = row - 1
    for i, covered in total_coverage(economy).items():
        if not covered:
            continue
        for y in years:
            rows = [grid.row_of[c] for c in covered]
            put_formula(ws, grid.row_of[i], grid.check_col(y), sum_formula(grid.year_col(y), rows))
    _mark_differences(ws, grid, HEADER_ROW + 1, last_table_row)
    row = _check_row(ws, economy, grid, last_table_row + 1, lang)
    if economy.payback:
        row += 1
        put_text(ws, row, LABEL_COL, label("proposal.payback", lang)).font = BOLD
        for pb in economy.payback:
            row += 1
            grid.payback_row.setdefault(pb.label, row)
            put_text(ws, row, LABEL_COL, pb.label, wrap=True)
            if pb.years is not None:
                put_number(ws, row, FIRST_YEAR_COL, pb.years, amount=False)
            else:
                put_text(ws, row, FIRST_YEAR_COL, pb.text)
    return grid


def _check_row(ws: Worksheet, economy: Economy, grid: _Grid, row: int, lang: str) -> int:
    """A row of SUMs over every item row; marked where it differs from the printed overall."""
    item_rows = [grid.row_of[i] for i in item_indexes(economy)]
    if not item_rows:
        return row
    put_text(ws, row, LABEL_COL, label("check.row", lang), wrap=True).font = Font(italic=True)
    for y in grid.years:
        put_formula(ws, row, grid.year_col(y), sum_formula(grid.year_col(y), item_rows))
    overall = next((i for i, r in enumerate(economy.rows)
                    if r.group == "overall" and r.role == "total"), None)
    if overall is not None:
        first, last = grid.year_col(grid.years[0]), grid.year_col(grid.years[-1])
        a, o = get_column_letter(first), grid.row_of[overall]
        ws.conditional_formatting.add(
            f"{a}{row}:{get_column_letter(last)}{row}",
            FormulaRule(formula=[f"N({a}{o})<>{a}{row}"], fill=_DIFF_FILL, font=_DIFF_FONT))
    return row


def _mark_differences(ws: Worksheet, grid: _Grid, first_row: int, last_row: int) -> None:
    """Red where a printed amount has a check formula beside it that gives another value."""
    first_col = grid.year_col(grid.years[0])
    last_col = grid.year_col(grid.years[-1])
    printed = f"{get_column_letter(first_col)}{first_row}"
    check = f"{get_column_letter(grid.check_col(grid.years[0]))}{first_row}"
    ws.conditional_formatting.add(
        f"{printed}:{get_column_letter(last_col)}{last_row}",
        FormulaRule(formula=[f"AND(ISNUMBER({check}),N({printed})<>{check})"],
                    fill=_DIFF_FILL, font=_DIFF_FONT))


def _place_findings(ws: Worksheet, findings: list[Finding],
                    table: tuple[Economy, _Grid] | None, row: int,
                    lang: str) -> dict[int, tuple[int, int]]:
    """Colour each finding's cell and put its message in the cell's comment; findings with
    no cell in Tabel 1 are listed below the table, each on its own coloured cell."""
    at: dict[tuple[int, int], list[Finding]] = defaultdict(list)
    loose: list[Finding] = []
    for f in findings:
        cell = _cell_of(f, table) if table else None
        if cell is None:
            loose.append(f)
        else:
            at[cell].append(f)
    if loose:
        put_text(ws, row, 1, label("proposal.other_findings", lang)).font = BOLD
        for i, f in enumerate(loose, start=1):
            put_text(ws, row + i, 1, f"{label(f'severity.{f.severity}', lang)}: {f.message}",
                     wrap=True)
            at[(row + i, 1)].append(f)
    for (r, c), fs in at.items():
        cell = ws.cell(row=r, column=c)
        worst = min(fs, key=lambda f: SEVERITY_ORDER[f.severity])
        cell.fill = SEVERITY_FILL[worst.severity]
        text = clean_text("\n\n".join(
            f"{label(f'severity.{f.severity}', lang)} ({f.rule}): {f.message}" for f in fs))
        comment = Comment(text, "extractor")
        comment.width, comment.height = 320, 40 + 16 * (len(text) // 45 + len(fs))
        cell.comment = comment
    return {id(f): cell for cell, fs in at.items() for f in fs}


def _cell_of(f: Finding, table: tuple[Economy, _Grid]) -> tuple[int, int] | None:
    economy, grid = table
    where = f.location
    if where.row is None or where.table not in (None, "Tabel 1"):
        return None
    matches = [i for i, r in enumerate(economy.rows) if r.label == where.row]
    if matches:
        on_page = [i for i in matches if where.page is not None
                   and economy.rows[i].page == where.page]
        sheet_row = grid.row_of[(on_page or matches)[0]]
        if where.year is not None and where.year in grid.years:
            return sheet_row, grid.year_col(where.year)
        return sheet_row, LABEL_COL
    if where.row in grid.payback_row:
        return grid.payback_row[where.row], FIRST_YEAR_COL
    return None
