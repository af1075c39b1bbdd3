"""A captioned table with a header row (Tabel 2, 4, 6) → rows of cell texts, by geometry.

Columns come from the header row: from its vertical rules where the table has
them, else from where the header's text starts (header cells are left-aligned,
and a cell's lines all start at the cell's left edge; words of one cell are a
space apart, neighbouring cells much further). A header with an empty first
cell (Tabel 4/6) gets the table's left edge as its first column (where its rules
start, or without rules where the body rows' text starts). Each column
runs from just left of its start to just left of the next column's start, so a
word belongs to exactly one column.

Rows come from the horizontal rules (`table_grid`), or, without rules, from
vertical gaps between lines; a table without rules ends where running text starts
(a line crossing the column borders). A repeated header row on a continuation page is
recognised by its text and skipped.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from extractor.parse.table_extent import Extent, table_extents
from extractor.parse.table_grid import (
    Band,
    Row,
    horizontal_rule_ys,
    line_gap,
    rows_between_rules,
    rows_from_gaps,
    vertical_rule_xs,
)
from extractor.read.page import Line, Page, Word
from extractor.read.text_lines import collapse_spaces, join_lines, words_to_lines
from extractor.segment.layout import Heading, Region

_CELL_GAP = 6.0  # pt; words further apart than this on a header line are in different cells
_SAME_X = 4.0  # pt; column starts closer than this are one column
_LEFT_PAD = 3.0  # pt; a column's band starts this far left of its text


@dataclass
class TableRow:
    page: int
    cells: list[list[str]]  # per column: its lines of text, top to bottom
    bold: bool = False
    top: float = 0.0
    words: list[Word] = field(default_factory=list)

    def text(self, column: int, vocabulary: frozenset[str]) -> str:
        return join_lines(self.cells[column], vocabulary)

    def empty(self, column: int) -> bool:
        return not any(t.strip() for t in self.cells[column])


@dataclass
class Table:
    header: list[str]
    rows: list[TableRow]
    continued: list[bool]  # per row: the first body row on a later page than the header
    extents: list[Extent] = field(default_factory=list)  # where the rows read stand
    header_bold: bool = False  # the header row is printed in bold, as this template's are


def read_table(region: Region, caption: Heading, vocabulary: frozenset[str],
               first_column_empty: bool = False) -> Table | None:
    """Read the table under `caption`; None when no header row is found."""
    pages = region.words_by_page()
    caption_bottom = _caption_bottom(pages, caption)
    body_pages: list[tuple[Page, list[Word]]] = []
    for page, words in pages:
        kept = [w for w in words if page.number > caption.line.page or w.top > caption_bottom + 0.5]
        if kept:
            body_pages.append((page, kept))
    if not body_pages:
        return None
    raw_rows: list[tuple[Page, Row]] = []
    open_rows: set[int] = set()  # ids of rows the page break cut before their closing rule
    for page, words in body_pages:
        page_rows, open_row = _page_rows(page, words)
        raw_rows += [(page, r) for r in page_rows]
        if open_row is not None and page is not body_pages[-1][0]:
            raw_rows.append((page, open_row))
            open_rows.add(id(open_row))
    if not raw_rows:
        return None
    header_page, header_row = raw_rows[0]
    # every page's rows: the header may stand at a page's foot, its rows on the next page
    body_left = min(w.x0 for _, row in raw_rows for w in row.words)
    bands = _bands(header_page, header_row, first_column_empty, body_left)
    if not bands:
        return None
    raw_rows = _until_running_text(raw_rows, bands)
    header_cells = [_cell_lines(header_row, band) for band in bands]
    header_key = _key(header_row)
    header = [join_lines(c, vocabulary) for c in header_cells]
    rows: list[TableRow] = []
    continued: list[bool] = []
    last_page = header_page.number
    open_row = False
    for page, row in raw_rows[1:]:
        if not row.words or _key(row) == header_key:
            continue
        cells = [_cell_lines(row, band) for band in bands]
        if open_row and rows and page.number != last_page:
            # the rest of the row the page break cut: same cells, further lines
            for mine, more in zip(rows[-1].cells, cells, strict=True):
                mine += more
            rows[-1].words += row.words
            open_row = False
            last_page = page.number
            continue
        open_row = id(row) in open_rows
        bold = all(w.bold for w in row.words)
        rows.append(TableRow(page.number, cells, bold, row.top, list(row.words)))
        continued.append(page.number != last_page)
        last_page = page.number
    taken = [(page.number, row.bottom) for page, row in raw_rows if row.words]
    return Table(header, rows, continued, table_extents(body_pages, taken),
                 all(w.bold for w in header_row.words))


def _caption_bottom(pages: list[tuple[Page, list[Word]]], caption: Heading) -> float:
    """Where the caption ends: a caption wrapped over lines ("… [Tabelnummer opdate-"
    "res]") goes on in bold lines of its size right under it, closer than a row's gap;
    without rules nothing else tells its last line from the header row."""
    words = next((ws for page, ws in pages if page.number == caption.line.page), [])
    previous = caption.line
    size = max(w.size for w in previous.words)
    for line in words_to_lines([w for w in words if w.top > previous.bottom + 0.5],
                               caption.line.page):
        if (not line.bold or abs(max(w.size for w in line.words) - size) > 0.1
                or line_gap(line, previous) > 0.45 * (line.bottom - line.top)):
            break
        previous = line
    return previous.bottom


def _until_running_text(raw_rows: list[tuple[Page, Row]],
                        bands: list[Band]) -> list[tuple[Page, Row]]:
    """A table without rules ends at the first line of running text under it.

    Running text crosses the column borders: a word straddles the start of a column, at
    as many column starts as the table has (two at most), where a table's cell text
    stays inside its column. A bold line crossing them is a group row (a cell merged
    over the columns, Tabel 2). The rows from that line on are not the table's."""
    edges = [b.x0 for b in bands[1:]]
    needed = min(2, len(edges))
    for i, (page, row) in enumerate(raw_rows[1:], start=1):
        if row.ruled or not needed:
            continue
        prose = next((ln for ln in row.lines() if not ln.bold
                      and sum(any(w.x0 < x - 1 and w.x1 > x + 1 for w in ln.words)
                             for x in edges) >= needed), None)
        if prose is None:
            continue
        kept = [w for w in row.words if w.bottom <= prose.top]
        head = raw_rows[:i]
        if kept:
            head.append((page, Row(page.number, row.top, max(w.bottom for w in kept), kept,
                                   ruled=False)))
        return head
    return raw_rows


def _page_rows(page: Page, words: list[Word]) -> tuple[list[Row], Row | None]:
    """The page's rows, and the text under its last rule: a row the page break cut
    before its closing rule (or text after the table, which the caller tells apart)."""
    x0 = min(w.x0 for w in words)
    x1 = max(w.x1 for w in words)
    top = min(w.top for w in words) - 2
    bottom = max(w.bottom for w in words) + 2
    ys = horizontal_rule_ys(page, x0, x1, top - 10, bottom + 10)
    if len(ys) >= 2:
        rows, outside = rows_between_rules(page.number, words, ys)
        below = [w for w in outside if w.top > ys[-1]]
        open_row = (Row(page.number, ys[-1], max(w.bottom for w in below), below)
                    if below else None)
        return [r for r in rows if r.words], open_row

    def starts(line: Line, previous: Line | None, current: Row) -> bool:
        return line_gap(line, previous) > 0.6 * (line.bottom - line.top)

    return rows_from_gaps(page.number, words, starts), None


def _bands(page: Page, header: Row, first_column_empty: bool, body_left: float) -> list[Band]:
    words = header.words
    if not words:
        return []
    right = page.width
    verticals = vertical_rule_xs(page, 0, page.width, header.top + 1, header.bottom - 1)
    if len(verticals) >= 3:
        edges = verticals
        return [Band(str(i), a, b) for i, (a, b) in enumerate(itertools.pairwise(edges))]
    starts = _column_starts(header)
    if first_column_empty:
        table_left = _table_left(page, header, body_left)
        if not starts or starts[0] - table_left > _SAME_X * 3:
            starts = [table_left, *starts]
    bands = []
    for i, x in enumerate(starts):
        x0 = 0.0 if i == 0 else x - _LEFT_PAD
        x1 = starts[i + 1] - _LEFT_PAD if i + 1 < len(starts) else right
        bands.append(Band(str(i), x0, x1))
    return bands


def _table_left(page: Page, header: Row, fallback: float) -> float:
    """The empty first header cell's left edge: the rules' start, else (a table without
    rules) where the leftmost text of the table's rows starts."""
    rules = [r for r in page.rules if r.horizontal and header.top - 2 <= r.top <= header.bottom + 2]
    if rules:
        return min(r.x0 for r in rules) + _LEFT_PAD
    return fallback


def _column_starts(header: Row) -> list[float]:
    """Where the header's cells start: after a gap wider than `_CELL_GAP`, or, in small
    print, after one over twice the line's narrowest gap (a space inside a cell) and
    0.4 em: two cells' padding can stay under 6 pt (8 pt text: 5.7 pt beside 1.8 pt spaces)."""
    starts: list[float] = []
    for line in header.lines():
        gaps = [b.x0 - a.x1 for a, b in itertools.pairwise(line.words)]
        space = min(gaps, default=0.0)
        previous: Word | None = None
        for w in line.words:
            gap = w.x0 - previous.x1 if previous is not None else 0.0
            if (previous is None or gap > _CELL_GAP
                    or (gap > 2 * space + 1 and gap > 0.4 * max(w.size, previous.size))):
                starts.append(w.x0)
            previous = w
    merged: list[float] = []
    for x in sorted(starts):
        if merged and x - merged[-1] <= _SAME_X:
            continue
        merged.append(x)
    return merged


def _cell_lines(row: Row, band: Band) -> list[str]:
    return [ln.text for ln in words_to_lines(row.in_band(band), row.page)]


def _key(row: Row) -> str:
    return collapse_spaces(" ".join(w.text for w in sorted(row.words, key=lambda w: (w.x0, w.top))))
