"""Render a source (SOURCE_FORMAT.md) by drawing it directly with reportlab.

A producer of its own, unlike Word: it breaks lines itself (Danish hyphenation points,
with the variation's hyphen character), lays tables out cell by cell, may split a table
row over a page break (no rule under its first half), and draws every page header and
footer as plain text. Coordinates here run from the page's top down; `_draw` flips them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hyphenate import break_points
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from variation import Variation, format_amount, header_lines, page_label

CM = 72 / 2.54
FONT_FILES = {
    "Liberation Sans": ("liberation/LiberationSans-Regular", "liberation/LiberationSans-Bold"),
    "Liberation Serif": ("liberation/LiberationSerif-Regular", "liberation/LiberationSerif-Bold"),
    "Carlito": ("crosextra/Carlito-Regular", "crosextra/Carlito-Bold"),
    "DejaVu Sans": ("dejavu/DejaVuSans", "dejavu/DejaVuSans-Bold"),
}
FONT_DIR = Path("/usr/share/fonts/truetype")
BOX_FONT = "DejaVu Sans"  # the only one of the fonts with ☐ and ☒
Op = tuple[Any, ...]


def _register(family: str) -> tuple[str, str]:
    names = (family, f"{family} Bold")
    for name, file in zip(names, FONT_FILES[family], strict=True):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / f"{file}.ttf")))
    return names


@dataclass
class Cell:
    text: str = ""
    bold: bool = False
    align: str = "left"  # "left" | "right"
    span: int = 1
    valign: str = "top"  # "top" | "bottom"


@dataclass
class Layout:
    """Pages of drawing operations, filled top to bottom."""

    v: Variation
    regular: str
    bold: str
    pages: list[list[Op]] = field(default_factory=lambda: [[]])
    y: float = 0.0

    def __post_init__(self) -> None:
        left, right, top, bottom = (m * CM for m in self.v.margin_cm)
        self.left, self.right = left, A4[0] - right
        self.top, self.bottom = top, A4[1] - bottom
        self.width = self.right - self.left
        self.y = self.top

    def font(self, bold: bool) -> str:
        return self.bold if bold else self.regular

    def new_page(self) -> None:
        self.pages.append([])
        self.y = self.top

    def need(self, height: float) -> None:
        if self.y + height > self.bottom and self.y > self.top + 1:
            self.new_page()

    def text(self, x: float, baseline: float, text: str, font: str, size: float) -> None:
        face = pdfmetrics.getFont(font).face
        if text and ord(text[-1]) not in face.charToGlyph:
            # a hyphen the font lacks (Carlito has no U+2010, U+00AD, U+2011): set in
            # DejaVu Sans, as a word processor falls back to another font for the glyph
            head = text[:-1]
            self.pages[-1].append(("text", x, baseline, head, font, size))
            x += pdfmetrics.stringWidth(head, font, size)
            font, text = BOX_FONT, text[-1]
        self.pages[-1].append(("text", x, baseline, text, font, size))

    def rule(self, x0: float, y0: float, x1: float, y1: float) -> None:
        self.pages[-1].append(("line", x0, y0, x1, y1))

    # -- running text ---------------------------------------------------------------
    def wrap(self, text: str, font: str, size: float, width: float,
             hyphenate: bool = True) -> list[str]:
        """Greedy line breaking; a word that does not fit is broken at a hyphenation point."""
        lines: list[str] = []
        for part in text.split("\n"):
            current = ""
            for word in part.split():
                candidate = f"{current} {word}" if current else word
                if pdfmetrics.stringWidth(candidate, font, size) <= width:
                    current = candidate
                    continue
                head = self._fitting_piece(current, word, font, size, width) if hyphenate else None
                if head is not None:
                    lines.append(f"{current} {word[:head]}{self.v.hyphen}" if current
                                 else f"{word[:head]}{self.v.hyphen}")
                    current = word[head:]
                    # what is left may still be too wide for a narrow cell: break it again
                    while pdfmetrics.stringWidth(current, font, size) > width:
                        again = self._fitting_piece("", current, font, size, width)
                        if again is None:
                            break
                        lines.append(f"{current[:again]}{self.v.hyphen}")
                        current = current[again:]
                else:
                    if current:
                        lines.append(current)
                    current = word
                    # a token wider than the whole cell ('=HYPERLINK("http://x","y")'):
                    # broken after a slash, as word processors do, not overflowing
                    while pdfmetrics.stringWidth(current, font, size) > width:
                        cut = max((i + 1 for i, ch in enumerate(current[:-1]) if ch == "/"
                                   and pdfmetrics.stringWidth(current[:i + 1], font, size)
                                   <= width), default=None)
                        if cut is None:
                            break
                        lines.append(current[:cut])
                        current = current[cut:]
            lines.append(current)
        return lines

    def _fitting_piece(self, current: str, word: str, font: str, size: float,
                       width: float) -> int | None:
        for point in reversed(break_points(word)):
            hyphen = self.v.hyphen
            piece = f"{current} {word[:point]}{hyphen}" if current else f"{word[:point]}{hyphen}"
            if pdfmetrics.stringWidth(piece, font, size) <= width:
                return point
        return None

    def draw_line(self, x: float, width: float, baseline: float, line: str, font: str,
                  size: float, align: str = "left") -> None:
        if align == "justify" and len(line.split()) > 1:
            words = line.split()
            used = sum(pdfmetrics.stringWidth(w, font, size) for w in words)
            gap = (width - used) / (len(words) - 1)
            for i, word in enumerate(words):
                # with its space glyph, as word processors print it: a reader splits words
                # on spaces, not only on gaps (a tight line's gap is under 3 pt)
                self.text(x, baseline, word if i == len(words) - 1 else f"{word} ", font, size)
                x += pdfmetrics.stringWidth(word, font, size) + gap
            return
        if align == "right":
            x += width - pdfmetrics.stringWidth(line, font, size)
        self.text(x, baseline, line, font, size)

    def paragraph(self, text: str, *, size: float | None = None, bold: bool = False,
                  justify: bool = True, before: float = 0.0, after: float | None = None,
                  indent: float = 0.0, marker: str = "", hyphenate: bool = True,
                  keep: int = 1) -> None:
        size = size or self.v.body_pt
        font = self.font(bold)
        leading = size * 1.22
        self.y += before
        pieces = text.split("\n")
        lines: list[tuple[str, bool]] = []  # (line, last line of its piece)
        for piece in pieces:
            wrapped = self.wrap(piece, font, size, self.width - indent, hyphenate)
            lines += [(ln, i == len(wrapped) - 1) for i, ln in enumerate(wrapped)]
        self.need(leading * min(len(lines), 2) + keep * leading)
        for i, (line, last) in enumerate(lines):
            if self.y + leading > self.bottom:
                self.new_page()
            baseline = self.y + size
            if marker and i == 0:
                self.text(self.left, baseline, marker, font, size)
            align = "justify" if justify and not last else "left"
            self.draw_line(self.left + indent, self.width - indent, baseline, line, font, size,
                           align)
            self.y += leading
        self.y += size * 0.6 if after is None else after


@dataclass
class Table:
    widths: list[float]
    size: float
    header: list[list[Cell]] = field(default_factory=list)
    rows: list[list[Cell]] = field(default_factory=list)


def _cell_lines(layout: Layout, table: Table, row: list[Cell]) -> list[list[str]]:
    out, col = [], 0
    pad = 2.5
    for cell in row:
        width = sum(table.widths[col:col + cell.span]) - 2 * pad
        hyph = cell.align == "left"
        out.append(layout.wrap(cell.text, layout.font(cell.bold), table.size, width, hyph)
                   if cell.text else [])
        col += cell.span
    return out


def draw_table(layout: Layout, table: Table) -> None:
    v = layout.v
    leading = table.size * 1.2
    pad = v.padding_pt
    xs = [layout.left]
    for w in table.widths:
        xs.append(xs[-1] + w)

    def hrule(y: float) -> None:
        if v.borders != "none":
            layout.rule(xs[0], y, xs[-1], y)

    def vrules(row: list[Cell], y0: float, y1: float) -> None:
        if v.borders != "grid":
            return
        col, edges = 0, [0]
        for cell in row:
            col += cell.span
            edges.append(col)
        for e in edges:
            layout.rule(xs[e], y0, xs[e], y1)

    def draw_part(row: list[Cell], lines: list[list[str]], first: int, count: int,
                  total: int) -> None:
        col = 0
        for cell, cell_lines in zip(row, lines, strict=True):
            x0, x1 = xs[col] + 2.5, xs[col + cell.span] - 2.5
            offset = total - len(cell_lines) if cell.valign == "bottom" else 0
            for i in range(first, first + count):
                k = i - offset
                if 0 <= k < len(cell_lines):
                    baseline = layout.y + pad + (i - first) * leading + table.size
                    layout.draw_line(x0, x1 - x0, baseline, cell_lines[k],
                                     layout.font(cell.bold), table.size, cell.align)
            col += cell.span

    def place(row: list[Cell], header: bool = False) -> None:
        lines = _cell_lines(layout, table, row)
        total = max((len(c) for c in lines), default=0) or 1
        height = total * leading + 2 * pad
        done = 0
        while done < total:
            room = layout.bottom - layout.y - 2 * pad
            fits = int(room // leading)
            remaining = total - done
            if fits >= remaining:
                count = remaining
            elif v.split_rows and not header and fits >= 1 and done == 0 and remaining >= 2:
                count = fits
            else:
                layout.new_page()
                start_page()
                continue
            part_height = count * leading + 2 * pad
            draw_part(row, lines, done, count, total)
            vrules(row, layout.y, layout.y + part_height)
            layout.y += part_height
            done += count
            if done < total:  # split row: no rule under its first half
                layout.new_page()
                start_page(continued=True)
            else:
                hrule(layout.y)
        del height

    def start_page(continued: bool = False) -> None:
        hrule(layout.y)
        if v.repeat_header and table.header:
            for header_row in table.header:
                place(header_row, header=True)

    layout.need(leading * 3 + 4 * pad)
    hrule(layout.y)
    for header_row in table.header:
        place(header_row, header=True)
    for row in table.rows:
        place(row)


def economy_widths(block: dict[str, Any], v: Variation, width: float,
                   pad: float = 8.0) -> tuple[float, float, float]:
    """(label, steering, year) column widths in pt: every amount and year fits on one line
    in bold, the steering column fits its widest area; the label column takes
    `label_share` of the width where that leaves room, else what is left."""
    _, bold = _register(v.font)
    size = v.table_pt
    years = [str(y) for y in block["years"]]
    minus = block.get("minus", "-")
    amounts = [format_amount(val, minus) for r in block["rows"]
               for val in r.get("values", {}).values()] + years
    year_w = max(pdfmetrics.stringWidth(a, bold, size) for a in amounts) + pad
    areas = [r.get("steering_area") or "" for r in block["rows"] if r["kind"] == "row"]
    steer_w = max([pdfmetrics.stringWidth(a, bold, size) for a in areas]
                  + [pdfmetrics.stringWidth("Styringsområde", bold, size)]) + pad
    words = [w for r in block["rows"] for w in (r.get("label") or r.get("text") or "").split()]
    longest = max(pdfmetrics.stringWidth(w, bold, size) for w in words) + pad
    # where the years leave too little room, a long word is hyphenated in its cell
    label_w = min(max(width * v.label_share, longest), width - steer_w - year_w * len(years))
    return label_w, steer_w, (width - label_w - steer_w) / len(years)


def _economy(layout: Layout, block: dict[str, Any]) -> None:
    v = layout.v
    size = v.table_pt
    years = [str(y) for y in block["years"]]
    minus = block.get("minus", "-")
    label_w, steer_w, year_w = economy_widths(block, v, layout.width)
    unit = [p for p in (block.get("unit", "1.000 kr."), block.get("price_level")) if p]
    valign = "bottom" if v.two_line_header else "top"
    header = [Cell("\n".join(unit) if v.two_line_header else " ".join(unit), True),
              Cell(block.get("steering_header", "Styringsområde"), True, valign=valign),
              *(Cell(y, True, "right", valign=valign) for y in years)]
    table = Table([label_w, steer_w, *([year_w] * len(years))], size, header=[header])
    for row in block["rows"]:
        kind = row["kind"]
        if kind == "group":
            table.rows.append([Cell(row["text"], True, span=len(years) + 2)])
        elif kind == "spacer":
            table.rows.append([Cell(" ") for _ in range(len(years) + 2)])
        elif kind == "payback":
            value = str(row["value"])
            if v.payback_in_year_column:
                table.rows.append([Cell(row["label"]), Cell(), Cell(value, align="right"),
                                   *(Cell() for _ in years[1:])])
            else:
                table.rows.append([Cell(row["label"]), Cell(value), *(Cell() for _ in years)])
        else:
            b = row.get("role") == "total"
            values = row.get("values", {})
            table.rows.append([Cell(row["label"] + (row.get("footnote") or ""), b),
                               Cell(row.get("steering_area") or "", b),
                               *(Cell(format_amount(values.get(y), minus), b, "right")
                                 for y in years)])
    draw_table(layout, table)


def _plain_table(layout: Layout, header: list[str] | None, rows: list[list[str]],
                 shares: list[float], size: float) -> Table:
    widths = [layout.width * s for s in shares]
    table = Table(widths, size)
    if header is not None:
        table.header = [[Cell(h, True) for h in header]]
    table.rows = [[Cell(t) for t in r] for r in rows]
    return table


def _follow_up(layout: Layout, block: dict[str, Any]) -> None:
    table = _plain_table(layout, block["header"], [], [0.25] * 4, layout.v.table_pt + 0.5)
    for row in block["rows"]:
        if "goal" not in row:
            table.rows.append([Cell(row["group"], True, span=4)])
        else:
            table.rows.append([Cell(row.get(k) or "")
                               for k in ("goal", "measure", "responsible", "deadline")])
    # Tabel 2's header repeats like Word's (the parser skips a repeated header by its text)
    draw_table(layout, table)


def _hearing(layout: Layout, block: dict[str, Any]) -> None:
    table = _plain_table(layout, None, [block["header"], *block["rows"]], [0.45, 0.2, 0.35],
                         layout.v.table_pt + 0.5)
    table.rows[0] = [Cell(c, True) for c in block["header"]]
    draw_table(layout, table)


def _grid(layout: Layout, block: dict[str, Any]) -> None:
    rows = block["rows"]
    n = max(len(r) for r in rows)
    table = _plain_table(layout, None, [[*r, *([""] * (n - len(r)))] for r in rows],
                         [1 / n] * n, layout.v.table_pt + 0.5)
    if block.get("header"):
        table.rows[0] = [Cell(c.text, True) for c in table.rows[0]]
    draw_table(layout, table)


def _block(layout: Layout, block: dict[str, Any]) -> None:
    v = layout.v
    kind = block["type"]
    body = v.body_pt
    if kind == "section":
        layout.paragraph(f"{block['number']}. {block['title']}", size=body + 1, bold=True,
                         justify=False, before=body, after=4, hyphenate=False, keep=2)
    elif kind == "annex_heading":
        layout.paragraph(block["text"], size=body + 1, bold=True, justify=False, before=body,
                         after=4, hyphenate=False, keep=2)
    elif kind in ("heading", "cost_group"):
        layout.paragraph(block["text"], bold=True, justify=False, before=3, after=2, keep=2)
    elif kind == "paragraph":
        layout.paragraph(block["text"])
    elif kind in ("bullets", "numbered"):
        for i, item in enumerate(block["items"], start=1):
            marker = block.get("marker") or ("•" if kind == "bullets" else f"{i}.")
            layout.paragraph(item, indent=0.63 * CM, marker=marker, after=body * 0.4)
    elif kind == "cost_item":
        layout.paragraph(f"{block['title']}: {block['amount_text']}", bold=True, justify=False,
                         before=3, after=2, keep=2)
        if block.get("text"):
            layout.paragraph(block["text"])
    elif kind == "caption":
        layout.paragraph(block["text"], bold=True, justify=False, before=6, after=4, keep=3)
    elif kind in ("economy_table", "follow_up_table", "hearing_table"):
        if kind == "economy_table":
            if v.caption_on_new_page:
                layout.new_page()
            else:
                layout.y += v.space_before_table_pt
                if layout.y > layout.bottom - 60:
                    layout.new_page()
        layout.paragraph(block["caption"], bold=True, justify=False, before=6, after=4,
                         hyphenate=False, keep=4)
        {"economy_table": _economy, "follow_up_table": _follow_up,
         "hearing_table": _hearing}[kind](layout, block)
        layout.y += 4
        for note in block.get("notes", []):
            layout.paragraph(note, size=v.note_pt, justify=False, after=3)
        layout.y += body * 0.8
    elif kind == "grid":
        _grid(layout, block)
        layout.y += body * 0.8
    elif kind == "checkboxes":
        if block.get("label"):
            layout.paragraph(block["label"], after=1)
        for option in block["options"]:
            layout.need(body * 1.3)
            base = layout.y + body
            layout.text(layout.left, base, "☒" if option["checked"] else "☐", BOX_FONT, body)
            if option.get("label"):
                layout.text(layout.left + body * 1.2, base, option["label"], layout.regular,
                            body)
            layout.y += body * 1.3
        layout.y += body * 0.8
    elif kind == "page_break":
        layout.new_page()
    else:
        raise ValueError(f"unknown block type {kind!r}")


def _front(layout: Layout, source: dict[str, Any]) -> None:
    v = layout.v
    layout.paragraph(source["title"], size=v.body_pt + 5, bold=True, justify=False, after=14,
                     hyphenate=False)
    label_w = 3.6 * CM
    text_w = layout.width - label_w - 0.3 * CM
    for label, text in (("Kort resumé:", source["summary"]),
                        ("Fremstillende forvaltning:", source["department"])):
        labels = layout.wrap(label, layout.bold, v.body_pt, label_w - 4, hyphenate=False)
        lines = layout.wrap(text, layout.regular, v.body_pt, text_w)
        leading = v.body_pt * 1.22
        layout.need(leading * 2)
        for i in range(max(len(labels), len(lines))):
            if layout.y + leading > layout.bottom:
                layout.new_page()
            base = layout.y + v.body_pt
            if i < len(labels):
                layout.text(layout.left, base, labels[i], layout.bold, v.body_pt)
            if i < len(lines):
                align = "justify" if i < len(lines) - 1 else "left"
                layout.draw_line(layout.left + label_w + 0.3 * CM, text_w, base, lines[i],
                                 layout.regular, v.body_pt, align)
            layout.y += leading
        layout.y += v.body_pt * 0.8
    layout.y += v.body_pt


def _furniture(layout: Layout, source: dict[str, Any], canvas: Canvas, number: int,
               pages: int) -> None:
    v = layout.v
    size = max(v.table_pt - 0.5, 7.5)
    case, doc_type = source["case"], source.get("document_type", "Investeringsforslag")
    font = layout.regular
    top = v.margin_cm[2] * CM
    y = max(top - 0.45 * CM - size * 1.2 * 2, 0.6 * CM)
    if v.header_layout == "spaces":
        canvas.setFont(font, size)
        canvas.drawString(layout.left, A4[1] - y - size, case)
        canvas.drawRightString(layout.right, A4[1] - y - size, doc_type)
    else:
        for line in header_lines(v, case, doc_type):
            canvas.setFont(font, size)
            if v.header_align == "right":
                canvas.drawRightString(layout.right, A4[1] - y - size, line)
            else:
                canvas.drawString(layout.left, A4[1] - y - size, line)
            y += size * 1.2
    base = A4[1] - (A4[1] - v.margin_cm[3] * CM + 0.5 * CM + size)
    canvas.setFont(font, size)
    if v.footer_case:
        canvas.drawString(layout.left, base, case)
    canvas.drawRightString(layout.right, base, page_label(v, number, pages))


def _draw(layout: Layout, source: dict[str, Any], path: Path) -> None:
    canvas = Canvas(str(path), pagesize=A4, invariant=1, pageCompression=1)
    canvas.setTitle(source["title"])
    canvas.setLineWidth(0.5)
    pages = [p for p in layout.pages if p] or [[]]
    for number, ops in enumerate(pages, start=1):
        _furniture(layout, source, canvas, number, len(pages))
        for op in ops:
            if op[0] == "text":
                _, x, baseline, text, font, size = op
                canvas.setFont(font, size)
                canvas.drawString(x, A4[1] - baseline, text)
            else:
                _, x0, y0, x1, y1 = op
                canvas.line(x0, A4[1] - y0, x1, A4[1] - y1)
        canvas.showPage()
    canvas.save()


def render_reportlab(source: dict[str, Any], v: Variation, path: Path) -> None:
    regular, bold = _register(v.font)
    _register(BOX_FONT)
    layout = Layout(v, regular, bold)
    _front(layout, source)
    for block in source["blocks"]:
        _block(layout, block)
    _draw(layout, source, path)


RENDER: Callable[[dict[str, Any], Variation, Path], None] = render_reportlab
