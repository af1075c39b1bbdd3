"""Writing single cells safely: document text always as text, amounts as numbers.

A text that comes from a document is written with data type "s" (a shared string),
never "f": `=HYPERLINK(…)`, `+1`, `-1`, `@SUM(A1)` stay inert. A text that Excel
would read as a formula when a user edits the cell also gets the quote prefix style.
The only formulas in the workbook are the SUMs written through `put_formula`.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from extractor.export.xlsx.sizing import fit_rows
from extractor.export.xlsx.styles import (
    BODY,
    BOLD,
    HEADER_ALIGN,
    HEADER_BORDER,
    HEADER_FILL,
    HEADER_FONT,
    SEVERITY_FILL,
    TITLE_FONT,
    TOP,
    WRAP,
)

# Re-exported for the sheets that import them from here.
__all__ = ["BOLD", "SEVERITY_FILL", "TITLE_FONT", "WRAP", "fit_rows"]

AMOUNT_FORMAT = "#,##0"
MAX_CELL_TEXT = 32767  # Excel's limit for a cell (and a comment), in UTF-16 units
_XML_ILLEGAL = regex.compile("[\ufffe\uffff]")  # beyond openpyxl's ILLEGAL_CHARACTERS_RE
_SURROGATE = regex.compile(r"\p{Cs}")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def clean_text(value: str, limit: int = MAX_CELL_TEXT) -> str:
    """Characters XML cannot hold removed, line ends as `\\n`, cut to Excel's limit.

    Every string that enters the workbook passes here (cells, comments, sheet names,
    properties): one control character (a \\x07 in a row label) makes the whole file
    invalid XML, which openpyxl cannot reopen and Excel offers to "repair". A lone
    surrogate (a file name that was not UTF-8) cannot be encoded at all; it becomes
    the replacement character. Excel counts its limits in UTF-16 units, so a character
    outside the Basic Multilingual Plane (an emoji) counts twice; a cut text ends in "…".

    A bare carriage return survives the XML round trip only with some XML
    writers (lxml escapes it, the standard library does not), so the workbook
    would differ by what is installed; `\\n` is what Excel uses inside a cell.
    """
    text = value.replace("\r\n", "\n").replace("\r", "\n")
    text = _XML_ILLEGAL.sub("", ILLEGAL_CHARACTERS_RE.sub("", text))
    text = _SURROGATE.sub("\ufffd", text)
    return cut_utf16(text, limit)


def cut_utf16(text: str, limit: int) -> str:
    """`text` in at most `limit` UTF-16 code units, never splitting a character."""
    if len(text) * 2 <= limit:
        return text
    units = 0
    for i, char in enumerate(text):
        units += 2 if ord(char) > 0xFFFF else 1
        if units > limit:
            return cut_utf16(text[:i], limit - 1) + "…"
    return text


def put_text(ws: Worksheet, row: int, col: int, value: str | None, *,
             wrap: bool = False) -> Cell:
    """A text cell that can never become a formula (None leaves the cell empty)."""
    cell = ws.cell(row=row, column=col)
    if value is None:
        return cell
    text = clean_text(str(value))
    cell.value = text
    cell.data_type = "s"  # openpyxl guesses "f" for a leading "="; never for text
    if text.startswith(_FORMULA_START):
        cell.quotePrefix = True
    cell.alignment = WRAP if wrap else TOP
    cell.font = BODY
    return cell


def put_number(ws: Worksheet, row: int, col: int, value: int | float | None, *,
               amount: bool = True) -> Cell:
    """A number cell (None leaves the cell empty); amounts get the `#,##0` format."""
    cell = ws.cell(row=row, column=col)
    if value is None:
        return cell
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"not a number: {value!r}")
    cell.value = value
    if isinstance(value, float) and not value.is_integer():
        cell.number_format = "#,##0.0#"
    elif amount:
        cell.number_format = AMOUNT_FORMAT
    cell.alignment = TOP
    cell.font = BODY
    return cell


def put_formula(ws: Worksheet, row: int, col: int, formula: str) -> Cell:
    """One of our own formulas (built from cell references only, never document text)."""
    if not formula.startswith("=SUM("):
        raise ValueError(f"only SUM formulas are written: {formula!r}")
    cell = ws.cell(row=row, column=col)
    cell.value = formula
    cell.number_format = AMOUNT_FORMAT
    cell.alignment = TOP
    cell.font = BODY
    return cell


def sum_formula(col: int, rows: Sequence[int]) -> str:
    """=SUM over the given rows of one column, consecutive rows merged into ranges."""
    letter = get_column_letter(col)
    parts: list[str] = []
    start = prev = None
    for r in sorted(rows):
        if start is None:
            start = prev = r
        elif r == prev + 1:
            prev = r
        else:
            parts.append(_range(letter, start, prev))
            start = prev = r
    if start is not None:
        parts.append(_range(letter, start, prev))
    return f"=SUM({','.join(parts)})"


def _range(letter: str, first: int, last: int | None) -> str:
    return f"{letter}{first}" if last in (None, first) else f"{letter}{first}:{letter}{last}"


def header_row(ws: Worksheet, row: int, titles: Sequence[str]) -> None:
    for col, title in enumerate(titles, start=1):
        cell = put_text(ws, row, col, title, wrap=True)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.border = HEADER_BORDER
        cell.alignment = HEADER_ALIGN


def set_widths(ws: Worksheet, widths: Sequence[float]) -> None:
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
