"""The "Bilag" sheet: the round's appendix table for the politicians, per case, one row per
distinct proposal grouped by committee, "I alt" rows as live SUM formulas.

The numbers come from `extractor/round/appendix.py` (mio. kr., one decimal, half-up);
a number Tabel 1 cannot give stays an empty cell with a comment saying why (never 0),
and a department without a known committee gets the same treatment in its cell.
"""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.comments import Comment
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
    sum_formula,
)
from extractor.export.xlsx.labels import label
from extractor.export.xlsx.legend import wrap_legend, write_legend
from extractor.export.xlsx.printing import set_up_printing
from extractor.export.xlsx.sizing import fit_columns, span_text
from extractor.export.xlsx.styles import SEVERITY_MARK
from extractor.models import RoundOverview
from extractor.round.appendix import (
    DEFAULT_COMMITTEES,
    EFFECT_AREAS,
    INVESTMENT_AREAS,
    Amount,
    AppendixCase,
    AppendixRow,
    appendix,
    format_mio,
    to_mio,
)
from extractor.round.overview import Counted

MIO_FORMAT = "#,##0.0"
NO, TITLE, COMMITTEE, FIRST_AMOUNT = 1, 2, 3, 4
AMOUNT_COLS = len(INVESTMENT_AREAS) + len(EFFECT_AREAS)
PAYBACK, PAYBACK_COMPUTED = FIRST_AMOUNT + AMOUNT_COLS, FIRST_AMOUNT + AMOUNT_COLS + 1
_HEADER_KEYS = ("col.no", "col.proposal", "col.committee", "col.invest_service",
                "col.invest_anlaeg", "col.effect_service", "col.effect_overfoersler",
                "col.payback", "col.payback_computed")


def _comment(text: str) -> Comment:
    text = clean_text(text)  # document text: no control character may reach the XML
    comment = Comment(text, "extractor")
    comment.width, comment.height = 300, 40 + 16 * (len(text) // 45)
    return comment


def _amount(ws: Worksheet, row: int, col: int, amount: Amount) -> None:
    if amount.mio is None:
        ws.cell(row=row, column=col).comment = _comment(amount.reason or "")
        return
    put_number(ws, row, col, float(amount.mio)).number_format = MIO_FORMAT


def _proposal_row(ws: Worksheet, row: int, no: int, entry: AppendixRow, lang: str) -> None:
    put_number(ws, row, NO, no, amount=False)
    put_text(ws, row, TITLE, entry.proposal.title, wrap=True)
    if entry.committee is not None:
        put_text(ws, row, COMMITTEE, entry.committee, wrap=True)
    else:
        cell = ws.cell(row=row, column=COMMITTEE)
        cell.comment = _comment(label("appendix.no_committee", lang,
                                      department=entry.proposal.department or "-"))
    amounts = [*(entry.investment[a] for a in INVESTMENT_AREAS),
               *(entry.effect[a] for a in EFFECT_AREAS)]
    for col, amount in enumerate(amounts, start=FIRST_AMOUNT):
        _amount(ws, row, col, amount)
    for col, value in ((PAYBACK, entry.payback_stated),
                       (PAYBACK_COMPUTED, entry.payback_computed)):
        if isinstance(value, int | float):
            put_number(ws, row, col, value, amount=False)
        else:
            put_text(ws, row, col, value)


def _total_row(ws: Worksheet, row: int, text: str, rows: Sequence[int]) -> None:
    put_text(ws, row, TITLE, text, wrap=True).font = BOLD
    for col in range(FIRST_AMOUNT, FIRST_AMOUNT + AMOUNT_COLS):
        cell = put_formula(ws, row, col, sum_formula(col, rows))
        cell.number_format, cell.font = MIO_FORMAT, BOLD


def _case_block(ws: Worksheet, row: int, table: AppendixCase, lang: str) -> tuple[int, int]:
    """Draw one case; returns (next free row, the case's "I alt" row)."""
    prices = sorted({r.proposal.economy.price_level for r in table.rows
                     if r.proposal.economy and r.proposal.economy.price_level})
    name = table.case or label("round.no_case", lang)
    put_text(ws, row, 1, label("appendix.case", lang, case=name,
                               price=", ".join(prices) or "-")).font = BOLD
    header_row(ws, row + 1, [label(k, lang) for k in _HEADER_KEYS])
    ws.row_dimensions[row + 1].height = 46
    row += 2
    no = 0
    all_rows: list[int] = []
    for committee, members in table.committees():
        first = row
        for entry in members:
            no += 1
            _proposal_row(ws, row, no, entry, lang)
            row += 1
        rows = list(range(first, row))
        all_rows += rows
        shown = committee or label("appendix.unknown_committee", lang)
        _total_row(ws, row, label("appendix.total_committee", lang, committee=shown), rows)
        row += 1
    total = row
    _total_row(ws, total, label("appendix.total_case", lang, case=name), all_rows)
    row += 1
    if table.pool is not None:
        row = _pool_line(ws, row, label("appendix.pool", lang, pool=format_mio(
            to_mio(table.pool))), [total])
    return row + 1, total


def _pool_line(ws: Worksheet, row: int, text: str, totals: Sequence[int]) -> int:
    """The pool against the requested investment: a formula over the "I alt" rows'
    investment cells (the warning itself is the round's finding, written below)."""
    put_text(ws, row, TITLE, text, wrap=True)
    refs = [f"{get_column_letter(col)}{r}" for r in totals
            for col in range(FIRST_AMOUNT, FIRST_AMOUNT + len(INVESTMENT_AREAS))]
    cell = put_formula(ws, row, FIRST_AMOUNT, f"=SUM({','.join(refs)})")
    cell.number_format, cell.font = MIO_FORMAT, BOLD
    return row + 1


def write_appendix_sheet(ws: Worksheet, overview: RoundOverview, counted: Sequence[Counted],
                         lang: str) -> None:
    put_text(ws, 1, 1, label("appendix.title", lang)).font = TITLE_FONT
    put_text(ws, 2, 1, label("appendix.intro", lang), wrap=True)
    pools = {c.case or "": c.pool for c in overview.cases if c.pool is not None}
    tables = appendix(counted, overview.committees or DEFAULT_COMMITTEES, pools)
    row = 4
    totals = []
    for table in tables:
        row, total = _case_block(ws, row, table, lang)
        totals.append(total)
    if overview.pool is not None and totals:
        row = _pool_line(ws, row, label("appendix.run_pool", lang, pool=format_mio(
            to_mio(overview.pool))), totals) + 1
    pool_findings = [f for f in overview.findings if f.rule == "round.pool_exceeded"]
    legend = (row, write_legend(ws, row, [SEVERITY_MARK[f.severity] for f in pool_findings],
                                lang)) if pool_findings else None
    row = legend[1] if legend else row
    for f in pool_findings:
        put_text(ws, row, TITLE, f.message, wrap=True).fill = SEVERITY_FILL[f.severity]
        row += 1
    fit_columns(ws, 5, legend[0] - 1 if legend else None, caps={TITLE: 60.0, COMMITTEE: 28.0})
    span_text(ws, 2, last_col=PAYBACK_COMPUTED)
    if legend:
        wrap_legend(ws, legend[0], legend[1], ws.max_column)
    fit_rows(ws, 4, max_lines=4)
    set_up_printing(ws, lang, title_rows=(5, 5) if len(tables) == 1 else None)
