"""One worksheet per proposal: Tabel 1 as printed (years as columns), live SUM checks
beside the printed totals, red marking where a printed total differs from its formula,
and every finding on its cell (coloured, message as a cell comment)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from openpyxl.comments import Comment
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from extractor.export.xlsx.cells import (
    clean_text,
    header_row,
    put_formula,
    put_number,
    put_text,
    sum_formula,
)
from extractor.export.xlsx.labels import label
from extractor.export.xlsx.layout import computed_payback, item_indexes, total_coverage
from extractor.export.xlsx.legend import wrap_legend, write_legend
from extractor.export.xlsx.printing import set_up_printing
from extractor.export.xlsx.sizing import fit_columns, fit_rows, span_text
from extractor.export.xlsx.styles import (
    BOLD,
    HEADER_ALIGN_RIGHT,
    ITALIC,
    RIGHT_TOP,
    SEVERITY_FILL,
    SEVERITY_MARK,
    SUM_DIFF,
    TITLE_FONT,
    Mark,
)
from extractor.models import SEVERITY_ORDER, Economy, Finding, Proposal
from extractor.template import COPENHAGEN, Template

LABEL_COL, AREA_COL, FIRST_YEAR_COL = 1, 2, 3
PAYBACK_STATED_COL, PAYBACK_COMPUTED_COL = AREA_COL, FIRST_YEAR_COL
LABEL_CAP = 45.0  # the label column wraps beyond this width
NO_TABLE_CAP = 90.0  # a sheet without Tabel 1 lists its findings in one wide column


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
                         template: Template = COPENHAGEN) -> dict[tuple[int, int], str]:
    """Draw the sheet; returns where each Tabel 1 amount landed, (row index, year) → cell
    ("C12"), so other sheets (the round's totals) can refer to the printed cells.
    `finding_cells` is filled with where each finding landed, id(finding) → (row, column),
    so the Fund sheet can link to it."""
    economy = proposal.economy
    put_text(ws, 1, 1, proposal.title).font = TITLE_FONT
    pages = "-".join(str(p) for p in proposal.pages or []) or "-"
    unit = " ".join(x for x in (economy.unit, economy.price_level) if x) if economy else ""
    put_text(ws, 2, 1, label("proposal.meta", lang, file=file, pages=pages,
                             page=economy.page if economy and economy.page else "-",
                             unit=unit or "-"))
    put_text(ws, 3, 1, label("proposal.intro", lang)).font = ITALIC
    has_table = economy is not None and bool(economy.rows) and bool(economy.years)
    marks: list[Mark] = [SEVERITY_MARK[f.severity] for f in proposal.findings]
    if has_table:
        marks.append(SUM_DIFF)
    legend_end = write_legend(ws, 5, marks, lang)
    header = legend_end + 1
    if economy is None or not has_table:
        put_text(ws, header, 1, label("proposal.no_table", lang)).font = BOLD
        placed = _place_findings(ws, proposal.findings, None, header + 2, 1, lang)
        if finding_cells is not None:
            finding_cells.update(placed)
        fit_columns(ws, header + 1, caps={1: NO_TABLE_CAP})
        ws.column_dimensions["B"].width = NO_TABLE_CAP / 2  # the legend's explanations
        span_text(ws, 3, last_col=1)
        wrap_legend(ws, 5, legend_end, 2)
        fit_rows(ws, header + 1)
        set_up_printing(ws, lang)
        return {}
    grid = _write_table(ws, economy, header, lang, template)
    last_col = grid.check_col(economy.years[-1])
    table_end = max([*grid.row_of.values(), *grid.payback_row.values()])
    fit_columns(ws, header, table_end, caps={LABEL_COL: LABEL_CAP})
    for year in economy.years:  # a check sums amounts like those beside it
        printed = ws.column_dimensions[get_column_letter(grid.year_col(year))].width
        check = ws.column_dimensions[get_column_letter(grid.check_col(year))]
        check.width = max(check.width or 0, printed + 1)
    ws.column_dimensions[get_column_letter(grid.check_col(economy.years[0]) - 1)].width = 2
    span_text(ws, 3, last_col=last_col)
    wrap_legend(ws, 5, legend_end, last_col)
    next_row = table_end + 2
    if economy.notes:
        put_text(ws, next_row, 1, label("proposal.notes", lang)).font = BOLD
        for i, note in enumerate(economy.notes, start=1):
            _full_width_text(ws, next_row + i, last_col, note)
        next_row += len(economy.notes) + 2
    placed = _place_findings(ws, proposal.findings, (economy, grid), next_row, last_col, lang)
    if finding_cells is not None:
        finding_cells.update(placed)
    fit_rows(ws, header)
    ws.freeze_panes = ws.cell(row=header + 1, column=FIRST_YEAR_COL)
    set_up_printing(ws, lang, title_rows=(header, header), title_cols="A:A")
    return {(i, y): f"{get_column_letter(grid.year_col(y))}{r}"
            for i, r in grid.row_of.items() for y in economy.years}


def _full_width_text(ws: Worksheet, row: int, last_col: int, text: str) -> None:
    """A long text across the table's width, wrapped there (not flowing off the page)."""
    put_text(ws, row, 1, text, wrap=True)
    if last_col > 1:
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last_col)


def _write_table(ws: Worksheet, economy: Economy, header: int, lang: str,
                 template: Template) -> _Grid:
    years = economy.years
    grid = _Grid(years=years, row_of={}, payback_row={})
    header_row(ws, header, [label("col.row", lang), label("col.area", lang),
                            *[str(y) for y in years], "",
                            *[label("col.check", lang, year=y) for y in years]])
    gap = ws.cell(row=header, column=grid.check_col(years[0]) - 1)
    gap.value, gap.fill = None, PatternFill(fill_type=None)
    for y in years:
        for col in (grid.year_col(y), grid.check_col(y)):
            ws.cell(row=header, column=col).alignment = HEADER_ALIGN_RIGHT
    row = header + 1
    group = None
    for i, erow in enumerate(economy.rows):
        if erow.group != group:
            group = erow.group
            if group == "overall":
                row += 1  # the printed table's spacer row
            else:
                put_text(ws, row, LABEL_COL, label(f"group.{group}", lang), wrap=True).font = BOLD
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
    _mark_differences(ws, grid, header + 1, last_table_row)
    row = _check_row(ws, economy, grid, last_table_row + 1, lang)
    if economy.payback:
        row = _payback_rows(ws, economy, grid, row + 2, lang, template)
    return grid


def _payback_rows(ws: Worksheet, economy: Economy, grid: _Grid, row: int, lang: str,
                  template: Template) -> int:
    """The stated payback times under their own small header, with the computed one
    beside each (not under a year column, where a '4' would read as an amount)."""
    for col, key in ((LABEL_COL, "proposal.payback"),
                     (PAYBACK_STATED_COL, "proposal.payback_stated"),
                     (PAYBACK_COMPUTED_COL, "proposal.payback_computed")):
        cell = put_text(ws, row, col, label(key, lang))
        cell.font = BOLD
        if col != LABEL_COL:
            cell.alignment = RIGHT_TOP
    for pb in economy.payback:
        row += 1
        grid.payback_row.setdefault(pb.label, row)
        put_text(ws, row, LABEL_COL, pb.label, wrap=True)
        if pb.years is not None:
            put_number(ws, row, PAYBACK_STATED_COL, pb.years, amount=False)
        else:
            put_text(ws, row, PAYBACK_STATED_COL, pb.text)
        known, years = computed_payback(economy, pb.label, template)
        if known and years is not None:
            put_number(ws, row, PAYBACK_COMPUTED_COL, years, amount=False)
        elif known:
            put_text(ws, row, PAYBACK_COMPUTED_COL, label("payback.none", lang), wrap=True)
    return row


def _check_row(ws: Worksheet, economy: Economy, grid: _Grid, row: int, lang: str) -> int:
    """A row of SUMs over every item row; marked where it differs from the printed overall."""
    item_rows = [grid.row_of[i] for i in item_indexes(economy)]
    if not item_rows:
        return row
    put_text(ws, row, LABEL_COL, label("check.row", lang), wrap=True).font = ITALIC
    for y in grid.years:
        put_formula(ws, row, grid.year_col(y), sum_formula(grid.year_col(y), item_rows))
    overall = next((i for i, r in enumerate(economy.rows)
                    if r.group == "overall" and r.role == "total"), None)
    if overall is not None:
        first, last = grid.year_col(grid.years[0]), grid.year_col(grid.years[-1])
        a, o = get_column_letter(first), grid.row_of[overall]
        ws.conditional_formatting.add(
            f"{a}{row}:{get_column_letter(last)}{row}",
            FormulaRule(formula=[f"N({a}{o})<>{a}{row}"], fill=SUM_DIFF.fill, font=SUM_DIFF.font))
    return row


def _mark_differences(ws: Worksheet, grid: _Grid, first_row: int, last_row: int) -> None:
    """Violet (SUM_DIFF) where a printed amount has a check formula beside it that gives
    another value."""
    first_col = grid.year_col(grid.years[0])
    last_col = grid.year_col(grid.years[-1])
    printed = f"{get_column_letter(first_col)}{first_row}"
    check = f"{get_column_letter(grid.check_col(grid.years[0]))}{first_row}"
    ws.conditional_formatting.add(
        f"{printed}:{get_column_letter(last_col)}{last_row}",
        FormulaRule(formula=[f"AND(ISNUMBER({check}),N({printed})<>{check})"],
                    fill=SUM_DIFF.fill, font=SUM_DIFF.font))


def _place_findings(ws: Worksheet, findings: list[Finding],
                    table: tuple[Economy, _Grid] | None, row: int, last_col: int,
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
            _full_width_text(ws, row + i, last_col,
                             f"{label(f'severity.{f.severity}', lang)}: {f.message}")
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
        return grid.payback_row[where.row], PAYBACK_STATED_COL
    return None
