"""Column widths from the content, row heights from the wrapped lines.

openpyxl cannot measure text and neither Excel nor LibreOffice refits a column when a
file is opened, so the widths are computed here from the font's character widths
(`metrics.py`), in Excel's width unit (one digit '0' of the body font).

A header must wrap between words, never inside one, so a column is at least as wide as
the longest word of its header (plus room for the filter button). Wrapped text columns
stop growing at a cap and wrap; text that does not wrap (file names, sheet names,
amounts) always fits its column.
"""

from __future__ import annotations

from collections.abc import Mapping

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from extractor.export.xlsx.metrics import text_units
from extractor.export.xlsx.styles import HEADER_ALIGN_RIGHT, HEADER_FILL

PADDING = 1.0  # a cell's inner margins, in width units
HEADER_PADDING = 2.5  # a header cell also holds the filter button
LINE_HEIGHT = 14.6  # points per line of 11 pt text
DEFAULT_CAP = 50.0
INDENT_UNITS = 1.5  # one indent step, in width units


def _is_bold(cell: Cell) -> bool:
    return bool(cell.font is not None and cell.font.b)


def _is_header(cell: Cell) -> bool:
    """A cell painted as a header (a sheet may have one header row per section)."""
    return bool(cell.fill is not None and cell.fill.fill_type == "solid"
                and str(cell.fill.fgColor.rgb)[-6:] == str(HEADER_FILL.fgColor.rgb)[-6:])


def text_width(text: str, *, bold: bool = False) -> float:
    """Width units the longest line of `text` needs, padding excluded."""
    return max((text_units(line, bold=bold) for line in text.split("\n")), default=0.0)


def longest_word(text: str, *, bold: bool = False) -> float:
    """Width units the longest word needs: a column narrower than this splits a word."""
    return max((text_units(w, bold=bold) for w in text.split()), default=0.0)


def shown_text(cell: Cell) -> str:
    """The text a cell shows: numbers as their format prints them (1234 → '1.234')."""
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        if "0.0" in cell.number_format:
            return f"{value:,.2f}"
        if "," in cell.number_format:
            return f"{value:,.0f}"
        return f"{value:g}"
    if isinstance(value, str) and value.startswith("=SUM("):
        return ""  # a check formula: its sheet sizes it like the amounts it sums
    return str(value)


def wrapped_lines(text: str, width: float, *, bold: bool = False) -> int:
    """Lines `text` takes in a column `width` units wide, wrapping between words."""
    room = max(width - PADDING, 1.0)
    space = text_units(" ", bold=bold)
    lines = 0
    for paragraph in text.split("\n"):
        lines += 1
        used = 0.0
        for word in paragraph.split():
            need = text_units(word, bold=bold)
            if used and used + space + need > room:
                lines += 1
                used = need
            else:
                used += (space if used else 0.0) + need
            while used > room:  # a word longer than the column breaks inside itself
                lines += 1
                used -= room
    return max(lines, 1)


def header_width(text: str, *, bold: bool = True, max_lines: int = 3) -> float:
    """The narrowest width at which a header wraps between words only, in at most
    `max_lines` lines, with room for the filter button."""
    width = longest_word(text, bold=bold) + HEADER_PADDING
    while wrapped_lines(text, width - HEADER_PADDING + PADDING, bold=bold) > max_lines:
        width += 0.5
    return width


def fit_columns(ws: Worksheet, header_row: int, last_row: int | None = None, *,
                caps: Mapping[int, float] | None = None, minimum: float = 4.0,
                only: set[int] | None = None) -> None:
    """Size every column from `header_row` (its header: whole words, <= 3 lines) to
    `last_row` (content: wrapped cells up to the column's cap, other cells in full), and
    right-align the header of a column that holds only numbers, as its numbers are.
    `only`: size just these columns (one added to a finished sheet)."""
    caps = caps or {}
    widths: dict[int, float] = {}
    numeric: dict[int, bool] = {}  # a column of numbers only gets a right-aligned header
    for row in ws.iter_rows(min_row=header_row, max_row=last_row or ws.max_row):
        for cell in row:
            text = shown_text(cell)
            if not text or (only is not None and cell.column not in only):
                continue
            if cell.row > header_row:
                numeric[cell.column] = numeric.get(cell.column, True) and (
                    isinstance(cell.value, int | float) or str(cell.value).startswith("=SUM("))
            bold, col = _is_bold(cell), cell.column
            if cell.row == header_row or _is_header(cell):
                need = header_width(text, bold=bold)
            elif cell.alignment is not None and cell.alignment.wrap_text:
                cap = caps.get(col, DEFAULT_CAP)
                need = max(min(text_width(text, bold=bold) + PADDING, cap),
                           longest_word(text, bold=bold) + PADDING)
            elif col == 1 and bold and isinstance(cell.value, str) and ws.cell(
                    row=cell.row, column=2).value is None:
                continue  # a section heading, flowing over the empty cells beside it
            else:
                need = text_width(text, bold=bold) + PADDING
            if cell.alignment is not None and cell.alignment.indent:
                need += cell.alignment.indent * INDENT_UNITS
            widths[col] = max(widths.get(col, 0.0), need)
    for col, width in widths.items():
        ws.column_dimensions[get_column_letter(col)].width = round(max(width, minimum) + 0.05, 1)
    for col, only_numbers in numeric.items():
        header = ws.cell(row=header_row, column=col)
        if only_numbers and header.value is not None:
            header.alignment = HEADER_ALIGN_RIGHT


def column_width(ws: Worksheet, col: int) -> float:
    dim = ws.column_dimensions.get(get_column_letter(col))
    return dim.width if dim is not None and dim.width else 8.43


def fit_rows(ws: Worksheet, first_row: int = 1, last_row: int | None = None,
             max_lines: int = 30) -> None:
    """Each row as tall as its most wrapped cell (merged cells: their merged width)."""
    # A merged cell also spans the 5 px (5/7 unit) each column adds to its width units.
    merged = {(r.min_row, r.min_col): sum(column_width(ws, c) + 5 / 7
                                          for c in range(r.min_col, r.max_col + 1)) - 5 / 7
              for r in ws.merged_cells.ranges}
    for row in ws.iter_rows(min_row=first_row, max_row=last_row or ws.max_row):
        lines = 1
        for cell in row:
            if not (isinstance(cell.value, str) and cell.alignment is not None
                    and cell.alignment.wrap_text):
                continue
            width = merged.get((cell.row, cell.column), column_width(ws, cell.column))
            lines = max(lines, wrapped_lines(cell.value, width, bold=_is_bold(cell)))
        if lines > 1:
            size = max((c.font.sz or 11) for c in row if c.font is not None) if row else 11
            ws.row_dimensions[row[0].row].height = (
                round(LINE_HEIGHT * size / 11 * min(lines, max_lines) + 2, 1))


def span_text(ws: Worksheet, row: int, max_units: float = 120.0, *, first_col: int = 1,
              last_col: int | None = None) -> None:
    """Merge a text cell with the columns right of it, as many as fit in `max_units`
    (and not past `last_col`), wrap it there and make the row tall enough: a paragraph
    set across the table instead of into one narrow column or off the printed page."""
    end = last_col or ws.max_column
    last, used = first_col, column_width(ws, first_col)
    while last < end and used + column_width(ws, last + 1) <= max_units:
        last += 1
        used += column_width(ws, last)
    cell = ws.cell(row=row, column=first_col)
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    if last > first_col:
        ws.merge_cells(start_row=row, start_column=first_col, end_row=row, end_column=last)
    fit_rows(ws, row, row)
