"""The "Runde" sheet: each case's totals as live formulas over the proposal sheets' printed
total rows, the proposals counted, duplicates and versions listed; and the overview's
"I runden" column that marks the occurrences the round does not count.

The formulas refer to the cells the proposal sheets print (`write_proposal_sheet` returns
where each amount landed), so an economist who corrects a printed total on a proposal's
sheet sees the round's sum follow. Which proposals count is the round overview's own
decision (`extractor/round/overview.py`), so the sheet and the JSON never disagree.
"""

from __future__ import annotations

from collections.abc import Sequence
from copy import copy
from dataclasses import dataclass

from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from extractor.export.xlsx.cells import (
    BOLD,
    TITLE_FONT,
    fit_rows,
    header_row,
    put_formula,
    put_number,
    put_text,
)
from extractor.export.xlsx.labels import label
from extractor.export.xlsx.printing import set_up_printing
from extractor.export.xlsx.sizing import fit_columns, span_text
from extractor.export.xlsx.styles import LINK_FONT
from extractor.models import Group, Occurrence, RoundGroup, RoundOverview
from extractor.round.overview import GRAND_TOTALS, Counted, grand_total, is_incomplete


@dataclass(frozen=True)
class Placed:
    """A proposal's sheet and where its Tabel 1 amounts landed ((row index, year) → "C12")."""
    sheet: str
    cells: dict[tuple[int, int], str]


Placement = dict[tuple[str, int], Placed]  # (file, index in file) → its sheet


def _ref(sheet: str, cell: str) -> str:
    return "'" + sheet.replace("'", "''") + "'!" + cell


def total_refs(members: Sequence[Counted], placed: Placement, group: Group,
               year: int) -> list[str]:
    """The printed cells of a grand total in a year, one per counted proposal that has it."""
    refs = []
    for item in members:
        row = grand_total(item.proposal, group)
        economy = item.proposal.economy
        where = placed.get((item.where.file, item.where.index))
        if row is None or economy is None or where is None:
            continue
        index = next(i for i, r in enumerate(economy.rows) if r is row)
        cell = where.cells.get((index, year))
        if cell is not None:
            refs.append(_ref(where.sheet, cell))
    return refs


def _link(ws: Worksheet, row: int, col: int, sheet: str) -> None:
    cell = put_text(ws, row, col, sheet)
    escaped = sheet.replace("'", "''")
    cell.hyperlink = Hyperlink(ref=cell.coordinate, location=f"'{escaped}'!A1")
    cell.font = LINK_FONT


def _totals_rows(ws: Worksheet, row: int, members: Sequence[Counted], placed: Placement,
                 years: list[int], prefix: str, lang: str) -> int:
    for group in GRAND_TOTALS:
        put_text(ws, row, 1, prefix + label(f"round.{group}", lang), wrap=True)
        for col, year in enumerate(years, start=2):
            refs = total_refs(members, placed, group, year)
            if refs:
                put_formula(ws, row, col, f"=SUM({','.join(refs)})")
            else:
                put_number(ws, row, col, 0)
        row += 1
    return row


def write_round_sheet(ws: Worksheet, overview: RoundOverview, counted: Sequence[Counted],
                      placed: Placement, lang: str) -> None:
    put_text(ws, 1, 1, label("round.title", lang)).font = TITLE_FONT
    put_text(ws, 2, 1, label("round.intro", lang), wrap=True)
    row = 4
    widest = 1
    for case in overview.cases:
        members = [c for c in counted if c.proposal.case == case.case]
        name = case.case or label("round.no_case", lang)
        put_text(ws, row, 1, label("round.case", lang, case=name, n=case.proposals)).font = BOLD
        row += 1
        header_row(ws, row, ["", *(str(y) for y in case.years)])
        widest = max(widest, len(case.years) + 1)
        row = _totals_rows(ws, row + 1, members, placed, case.years, "", lang) + 1
        put_text(ws, row, 1, label("round.by_department", lang)).font = BOLD
        row += 1
        for dep in case.by_department:
            dep_members = [c for c in members if c.proposal.department == dep.department]
            prefix = f"{dep.department or '-'}: "
            row = _totals_rows(ws, row, dep_members, placed, case.years, prefix, lang)
        row += 1
        put_text(ws, row, 1, label("round.proposals", lang)).font = BOLD
        row += 1
        header_row(ws, row, [label(k, lang) for k in ("col.title", "col.department",
                                                      "col.file", "col.sheet",
                                                      "col.incomplete")])
        for item in members:
            row += 1
            put_text(ws, row, 1, item.proposal.title, wrap=True)
            put_text(ws, row, 2, item.proposal.department, wrap=True)
            put_text(ws, row, 3, f"{item.where.file} nr. {item.where.index + 1}", wrap=True)
            where = placed.get((item.where.file, item.where.index))
            if where is not None:
                _link(ws, row, 4, where.sheet)
            if is_incomplete(item.proposal):
                put_text(ws, row, 5, label("round.incomplete", lang), wrap=True)
        row += 2
    row = _groups(ws, row, "round.duplicates", overview.duplicates, placed, lang)
    _groups(ws, row + 1, "round.versions", overview.versions, placed, lang)
    fit_columns(ws, 4, caps={1: 60.0, 2: 26.0, 3: 40.0})
    span_text(ws, 2)
    fit_rows(ws, 4, max_lines=4)
    set_up_printing(ws, lang)


def _where(o: Occurrence, placed: Placement) -> str:
    where = placed.get((o.file, o.index))
    return f"{o.file} nr. {o.index + 1}" + (f" ({where.sheet})" if where else "")


def _groups(ws: Worksheet, row: int, key: str, groups: list[RoundGroup], placed: Placement,
            lang: str) -> int:
    put_text(ws, row, 1, label(key, lang)).font = BOLD
    row += 1
    if not groups:
        put_text(ws, row, 1, label("round.none", lang))
        return row + 1
    header_row(ws, row, [label(k, lang) for k in ("col.title", "col.case", "col.occurrences",
                                                  "col.counted")])
    for group in groups:
        row += 1
        put_text(ws, row, 1, group.title, wrap=True)
        put_text(ws, row, 2, group.case, wrap=True)
        put_text(ws, row, 3, "\n".join(_where(o, placed) for o in group.occurrences), wrap=True)
        if group.counted is not None:
            put_text(ws, row, 4, _where(group.counted, placed), wrap=True)
    return row + 1


def in_round_notes(overview: RoundOverview, placed: Placement,
                   lang: str) -> dict[tuple[str, int], str]:
    """The overview's "I runden" text per occurrence the round does not count: an older
    version (another version of the proposal counts) or a duplicate (its twin counts)."""
    def sheet(o: Occurrence) -> str:
        where = placed.get((o.file, o.index))
        return where.sheet if where else o.file

    latest = {(g.title, g.case): g.counted for g in overview.versions if g.counted}
    notes: dict[tuple[str, int], str] = {}
    for group in overview.duplicates:
        version = latest.get((group.title, group.case))
        for o in group.occurrences:
            if group.counted is None and version is not None:
                notes[(o.file, o.index)] = label("in_round.version", lang, sheet=sheet(version))
            elif group.counted is not None and o != group.counted:
                notes[(o.file, o.index)] = label("in_round.duplicate", lang,
                                                 sheet=sheet(group.counted))
    for group in overview.versions:
        for o in group.occurrences:
            if group.counted is not None and o != group.counted:
                notes.setdefault((o.file, o.index),
                                 label("in_round.version", lang, sheet=sheet(group.counted)))
    return notes


def mark_overview(ws: Worksheet, sheet_notes: dict[str, str], lang: str) -> None:
    """Add the "I runden" column to the overview: every row that links to a proposal's sheet
    says whether the round counts it. The rows are found by their links, so the overview's
    own layout can change without this code."""
    header_text = label("col.sheet", lang)
    header = next(((c.row, c.column) for r in ws.iter_rows() for c in r
                   if c.value == header_text), None)
    if header is None:
        return
    head_row, link_col = header
    col = ws.max_column + 1
    title = put_text(ws, head_row, col, label("col.in_round", lang), wrap=True)
    source = ws.cell(row=head_row, column=link_col)
    title.font, title.fill = copy(source.font), copy(source.fill)
    title.alignment, title.border = copy(source.alignment), copy(source.border)
    for r in range(head_row + 1, ws.max_row + 1):
        cell = ws.cell(row=r, column=link_col)
        if cell.hyperlink is not None and cell.value in sheet_notes:
            put_text(ws, r, col, sheet_notes[cell.value], wrap=True)
    if ws.auto_filter.ref:
        first = ws.auto_filter.ref.split(":")[0]
        ws.auto_filter.ref = f"{first}:{title.column_letter}{max(ws.max_row, head_row + 1)}"
    fit_columns(ws, head_row, caps={col: 28.0}, only={col})
    fit_rows(ws, head_row + 1, max_lines=4)
    set_up_printing(ws, lang, title_rows=(head_row, head_row))
