"""Print setup: A4 landscape, header rows repeated on every page, and a scale that
keeps the text readable.

Fitting a wide sheet to one page width can shrink 11 pt text to 4 pt. So a sheet is
fitted to the page width only when its smallest font stays at or above `MIN_PRINT_PT`;
otherwise it prints at the scale that gives exactly that size, over several pages
across, with its header rows (and label column, where it has one) repeated.
"""

from __future__ import annotations

import math

from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet

from extractor.export.xlsx.labels import label
from extractor.export.xlsx.sizing import column_width
from extractor.export.xlsx.styles import BODY_SIZE

MIN_PRINT_PT = 8.0
A4_LANDSCAPE_PT = (841.9, 595.3)  # width, height
SIDE_MARGIN_IN = 0.4


def column_points(width: float) -> float:
    """Printed width of a column `width` units wide (7 px per unit + 5 px, 0.75 pt/px)."""
    return math.trunc(width * 7 + 5) * 0.75


def sheet_points(ws: Worksheet) -> float:
    return sum(column_points(column_width(ws, c)) for c in range(1, ws.max_column + 1))


def smallest_font(ws: Worksheet) -> float:
    sizes = [float(c.font.sz) for row in ws.iter_rows() for c in row
             if c.value is not None and c.font is not None and c.font.sz]
    return min(sizes, default=float(BODY_SIZE))


def printed_scale(ws: Worksheet) -> float:
    """The scale the sheet prints at, as `set_up_printing` decided it (1.0 = 100 %)."""
    setup = ws.page_setup
    if ws.sheet_properties.pageSetUpPr is not None and ws.sheet_properties.pageSetUpPr.fitToPage:
        room = A4_LANDSCAPE_PT[0] - 72 * (ws.page_margins.left + ws.page_margins.right)
        return min(1.0, room / sheet_points(ws))
    return (setup.scale or 100) / 100


def set_up_printing(ws: Worksheet, lang: str, *, title_rows: tuple[int, int] | None = None,
                    title_cols: str | None = None) -> None:
    """A4 landscape; fit to the page width only where the text stays >= MIN_PRINT_PT."""
    setup = ws.page_setup
    setup.paperSize = ws.PAPERSIZE_A4
    setup.orientation = "landscape"
    ws.page_margins = PageMargins(left=SIDE_MARGIN_IN, right=SIDE_MARGIN_IN, top=0.6,
                                  bottom=0.6, header=0.3, footer=0.3)
    if title_rows is not None:
        ws.print_title_rows = f"{title_rows[0]}:{title_rows[1]}"
    if title_cols is not None:
        ws.print_title_cols = title_cols
    room = A4_LANDSCAPE_PT[0] - 72 * 2 * SIDE_MARGIN_IN
    fit = room / sheet_points(ws)
    smallest = smallest_font(ws)
    if fit >= 1.0:
        ws.sheet_properties.pageSetUpPr.fitToPage = False
        setup.scale = 100
    elif smallest * fit >= MIN_PRINT_PT:
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        setup.fitToWidth = 1
        setup.fitToHeight = 0
    else:  # several pages across: finish a band of rows before going down
        ws.sheet_properties.pageSetUpPr.fitToPage = False
        setup.scale = math.ceil(100 * MIN_PRINT_PT / smallest)
        setup.pageOrder = "overThenDown"
    ws.oddFooter.center.text = label("print.footer", lang)
    ws.oddFooter.center.font = "Calibri"
    ws.oddFooter.center.size = 9
