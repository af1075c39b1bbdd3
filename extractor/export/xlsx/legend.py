"""The colour legend a sheet shows above its table: one line per colour it uses.

Each line is a sample cell painted exactly as the marked cells are (same fill, same
font), holding the colour's short name, and the explanation beside it, flowing over
the empty cells to its right. A sheet passes the marks it paints, so no colour
appears without its explanation (tests/test_workbook_layout.py holds every sheet to it).
"""

from __future__ import annotations

from collections.abc import Iterable

from openpyxl.worksheet.worksheet import Worksheet

from extractor.export.xlsx.cells import put_text
from extractor.export.xlsx.labels import label
from extractor.export.xlsx.sizing import span_text
from extractor.export.xlsx.styles import BOLD, MARKS, TOP, Mark


def write_legend(ws: Worksheet, row: int, marks: Iterable[Mark], lang: str) -> int:
    """Write the legend from `row` down; returns the first row after it."""
    wanted = {m.key for m in marks}
    ordered = [m for m in MARKS if m.key in wanted]  # always in the same order
    put_text(ws, row, 1, label("legend.heading", lang)).font = BOLD
    for mark in ordered:
        row += 1
        sample = put_text(ws, row, 1, label(f"{mark.key}.name", lang))
        sample.fill, sample.font = mark.fill, mark.font
        put_text(ws, row, 2, label(mark.key, lang)).alignment = TOP
    return row + 1


def wrap_legend(ws: Worksheet, start: int, end: int, last_col: int) -> None:
    """Once the columns are sized: set each explanation of the legend written from row
    `start` (up to `end`, exclusive) across the table's columns, wrapped there, so that
    a narrow table does not print it cut off at the page edge."""
    for row in range(start + 1, end):
        span_text(ws, row, first_col=2, last_col=last_col)
