"""`extractor diff -o changes.xlsx`: one row per change, as a filterable list.

Columns: proposal, case, status, kind, where (group, section or field), row, year, before,
now. Amounts are numbers, text stays text (never a formula: `cells.put_text`); an added
or removed row gets one line per year, so the list filters like the Tabel 1 sheet.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from extractor.export.xlsx.cells import (
    TITLE_FONT,
    fit_rows,
    header_row,
    put_number,
    put_text,
)
from extractor.export.xlsx.labels import label
from extractor.export.xlsx.printing import set_up_printing
from extractor.export.xlsx.sizing import fit_columns
from extractor.models import (
    CellChange,
    Change,
    DiffResult,
    FieldChange,
    PaybackChange,
    ProposalDiff,
    RowAdded,
    RowRelabelled,
    RowRemoved,
    TextChange,
)
from extractor.run.atomic import write_atomically

Line = tuple[str, str | None, str | None, int | None, object, object]
_TOP = 3


def write_diff_xlsx(result: DiffResult, path: Path, lang: str = "da") -> None:
    write_atomically(path, diff_xlsx_bytes(result, lang))


def diff_xlsx_bytes(result: DiffResult, lang: str = "da") -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = label("sheet.changes", lang)
    put_text(ws, 1, 1, label("changes.title", lang, old=result.old.file,
                             new=result.new.file)).font = TITLE_FONT
    keys = ["col.proposal", "col.case", "col.diff_status", "col.kind", "col.where", "col.row",
            "col.year", "col.old", "col.new"]
    header_row(ws, _TOP, [label(k, lang) for k in keys])
    row = _TOP
    for diff in result.proposals:
        lines = list(_lines(diff, lang)) or [("", None, None, None, None, None)]
        for kind, where, what, year, old, new in lines:
            row += 1
            put_text(ws, row, 1, diff.title, wrap=True)
            put_text(ws, row, 2, diff.case)
            put_text(ws, row, 3, label(f"diff.{diff.status}", lang))
            put_text(ws, row, 4, kind or None)
            put_text(ws, row, 5, where, wrap=True)
            put_text(ws, row, 6, what, wrap=True)
            put_number(ws, row, 7, year, amount=False)
            _put(ws, row, 8, old)
            _put(ws, row, 9, new)
    if not any(p.status != "unchanged" for p in result.proposals):
        put_text(ws, 2, 1, label("changes.none", lang))
    fit_columns(ws, _TOP, caps={1: 40.0, 2: 24.0, 5: 26.0, 6: 50.0, 8: 50.0, 9: 50.0})
    fit_rows(ws, _TOP, max_lines=8)
    ws.freeze_panes = ws.cell(row=_TOP + 1, column=1)
    ws.auto_filter.ref = f"A{_TOP}:I{max(row, _TOP + 1)}"
    set_up_printing(ws, lang, title_rows=(_TOP, _TOP))
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _put(ws: Worksheet, row: int, col: int, value: object) -> None:
    if isinstance(value, bool):
        put_text(ws, row, col, "Ja" if value else "Nej")
    elif isinstance(value, int | float):
        put_number(ws, row, col, value)
    else:
        put_text(ws, row, col, None if value is None else str(value), wrap=True)


def _lines(diff: ProposalDiff, lang: str) -> Iterator[Line]:
    for change in diff.changes:
        yield from _change_lines(change, lang)
    for f in diff.findings_resolved:
        yield (label("kind.finding_resolved", lang), f.rule, f.location.row, f.location.year,
               f.message, None)
    for f in diff.findings_new:
        yield (label("kind.finding_new", lang), f.rule, f.location.row, f.location.year,
               None, f.message)


def _change_lines(change: Change, lang: str) -> Iterator[Line]:
    kind = label(f"kind.{change.kind}", lang)
    if isinstance(change, CellChange):
        yield kind, label(f"group.{change.group}", lang), change.row, change.year, \
            change.old, change.new
    elif isinstance(change, RowAdded | RowRemoved):
        values = change.new if isinstance(change, RowAdded) else change.old
        for year, value in values.items():
            old, new = (None, value) if isinstance(change, RowAdded) else (value, None)
            yield kind, label(f"group.{change.group}", lang), change.row, int(year), old, new
    elif isinstance(change, RowRelabelled):
        yield kind, label(f"group.{change.group}", lang), None, None, change.old, change.new
    elif isinstance(change, PaybackChange):
        yield kind, None, change.row, None, change.old, change.new
    elif isinstance(change, FieldChange):
        yield kind, change.field, None, None, change.old, change.new
    elif isinstance(change, TextChange):
        yield kind, change.section, None, None, change.old, change.new
    else:
        yield kind, None, None, None, change.old, change.new
