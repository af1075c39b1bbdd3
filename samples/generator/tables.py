"""Word tables: Tabel 1 (economy), Tabel 2 (follow-up), hearing tables and plain grids."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import styles
from docx.document import Document
from docx.table import Table, _Row
from ooxml import CM, BorderMode, format_table, set_cell_width, set_row_flags
from styles import Look


@dataclass(frozen=True)
class Cell:
    text: str = ""
    bold: bool = False
    style: str = styles.CELL
    span: int = 1  # number of grid columns this cell covers


def new_table(document: Document, widths: Sequence[int], look: Look,
              borders: BorderMode | None = None) -> Table:
    table = document.add_table(rows=0, cols=len(widths))
    table.autofit = False
    format_table(table, widths, borders or look.table_borders,
                 cell_margin_dxa=round(look.cell_margin_cm * CM),
                 cell_padding_dxa=round(look.cell_padding_pt * 20))
    return table


def add_row(table: Table, widths: Sequence[int], cells: Sequence[Cell], *,
            header: bool = False, cant_split: bool = False) -> _Row:
    """Append a row; a cell with span > 1 is merged over that many grid columns."""
    if sum(c.span for c in cells) != len(widths):
        raise ValueError(f"row covers {sum(c.span for c in cells)} of {len(widths)} columns")
    row = table.add_row()
    col = 0
    for spec in cells:
        first = row.cells[col]
        if spec.span > 1:
            first = first.merge(row.cells[col + spec.span - 1])
        for index, line in enumerate(spec.text.split("\n")):
            paragraph = first.paragraphs[0] if index == 0 else first.add_paragraph()
            paragraph.style = spec.style
            if line:
                paragraph.add_run(line).bold = spec.bold or None
        col += spec.span
    col = 0
    for tc, spec in zip(row._tr.tc_lst, cells, strict=True):
        set_cell_width(tc, sum(widths[col:col + spec.span]))
        col += spec.span
    set_row_flags(row, header=header, cant_split=cant_split)
    return row


def format_amount(value: int | None, minus: str) -> str:
    if value is None:
        return ""
    digits = f"{abs(value):,}".replace(",", ".")
    return f"{minus}{digits}" if value < 0 else digits


def _column_dxa(widest_em: float, look: Look) -> int:
    """Width of a column whose widest line is `widest_em` (bold), cell margins included."""
    return round(widest_em * look.table_pt * 20 + 2 * look.cell_margin_cm * CM + 0.12 * CM)


def _amount_width_dxa(amounts: Sequence[str], look: Look) -> int:
    """Fits the widest amount on one line (from the font's digit/sign advance widths)."""
    def em(text: str) -> float:
        return sum(look.glyph_em.get(ch, look.glyph_em["0"]) for ch in text)
    return _column_dxa(max((em(a) for a in amounts), default=0.0), look)


def _text_width_dxa(texts: Sequence[str], look: Look) -> int:
    """Roughly fits the widest short text (e.g. "Overførsler" in bold) on one line."""
    return _column_dxa(max((len(t) for t in texts), default=0) * look.glyph_em["text"], look)


def economy_table(document: Document, block: dict[str, Any], look: Look) -> Table:
    years = [str(y) for y in block["years"]]
    minus = block.get("minus", "-")
    areas = [r.get("steering_area") or "" for r in block["rows"] if r["kind"] == "row"]
    steer_w = max(round(look.steering_col_cm * CM), _text_width_dxa(areas, look))
    # The label column aims at 40 % of the text width; year columns share the rest but never
    # get narrower than the widest amount (or look.year_col_cm), so amounts never wrap and
    # with many years the labels wrap to 2-3 lines instead.
    amounts = [format_amount(v, minus) for r in block["rows"] for v in r.get("values", {}).values()]
    spare = look.text_width_dxa * 0.6 - steer_w
    year_w = max(round(look.year_col_cm * CM), _amount_width_dxa(amounts, look),
                 round(spare / len(years)))
    label_w = look.text_width_dxa - steer_w - year_w * len(years)
    widths = [label_w, steer_w, *([year_w] * len(years))]
    ncols = len(widths)
    table = new_table(document, widths, look)
    number = styles.CELL_NUMBER
    unit = " ".join(p for p in (block.get("unit", "1.000 kr."), block.get("price_level")) if p)
    add_row(table, widths,
            [Cell(unit, bold=True), Cell(block.get("steering_header", "Styringsområde"), True),
             *(Cell(y, True, number) for y in years)],
            header=bool(block.get("repeat_header")), cant_split=True)
    for row in block["rows"]:
        kind = row["kind"]
        if kind == "group":
            cells = [Cell(row["text"], bold=True, span=ncols)]
        elif kind == "spacer":
            cells = [Cell() for _ in widths]
        elif kind == "payback":
            value = Cell(str(row["value"]), style=number if look.payback_in_year_column
                         else styles.CELL)
            if look.payback_in_year_column:
                cells = [Cell(row["label"]), Cell(), value, *(Cell() for _ in years[1:])]
            else:
                cells = [Cell(row["label"]), value, *(Cell() for _ in years)]
        elif kind == "row":
            bold = row.get("role") == "total"
            label = row["label"] + (row.get("footnote") or "")
            values = row.get("values", {})
            cells = [Cell(label, bold), Cell(row.get("steering_area") or "", bold),
                     *(Cell(format_amount(values.get(y), minus), bold, number) for y in years)]
        else:
            raise ValueError(f"unknown economy_table row kind {kind!r}")
        add_row(table, widths, cells, cant_split=True)
    return table


def follow_up_table(document: Document, block: dict[str, Any], look: Look) -> Table:
    width = look.text_width_dxa
    widths = [width - 3 * (width // 4), width // 4, width // 4, width // 4]
    table = new_table(document, widths, look)
    style = styles.FOLLOW_UP
    add_row(table, widths, [Cell(h, True, style) for h in block["header"]], header=True)
    for row in block["rows"]:
        if "group" in row:
            add_row(table, widths, [Cell(row["group"], True, style, span=4)])
        else:
            keys = ("goal", "measure", "responsible", "deadline")
            add_row(table, widths, [Cell(row.get(k) or "", style=style) for k in keys])
    return table


def hearing_table(document: Document, block: dict[str, Any], look: Look) -> Table:
    width = look.text_width_dxa
    widths = [round(width * 0.45), round(width * 0.2)]
    widths.append(width - sum(widths))
    table = new_table(document, widths, look)
    style = styles.FOLLOW_UP
    add_row(table, widths, [Cell(h, True, style) for h in block["header"]])
    for row in block["rows"]:
        add_row(table, widths, [Cell(text, style=style) for text in row])
    return table


def grid_table(document: Document, block: dict[str, Any], look: Look) -> Table:
    rows: list[list[str]] = block["rows"]
    ncols = max((len(r) for r in rows), default=1)
    width = look.text_width_dxa
    widths = [width // ncols] * ncols
    widths[-1] = width - sum(widths[:-1])
    table = new_table(document, widths, look)
    style = styles.FOLLOW_UP
    for index, row in enumerate(rows):
        bold = bool(block.get("header")) and index == 0
        padded = [*row, *([""] * (ncols - len(row)))]
        add_row(table, widths, [Cell(text, bold, style) for text in padded])
    return table
