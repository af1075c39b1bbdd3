"""A Word document's body laid out as positioned words, so the PDF path's stages read it.

The segmenter and parsers read pages of positioned words with ruling lines (see
`page.py`). A .docx has no positions, but it has what they are inferred from in a
PDF, exactly: which text is a paragraph, which is bold, which cell of which grid
column it stands in. This module draws that structure in a simple, regular way:
- headings Word knows as such (an outline level, "Overskrift 1") and "Tabel N." captions
  right above a table are drawn bold, the mark the segmenter knows them by;
- one page per Word section (its header and footer are the page's furniture), as
  long as its text; page numbers mean nothing and are dropped after parsing;
- a paragraph wraps at spaces within the text width; every line but its last
  reaches the right edge (justified), the last stops clearly short of it, and a
  paragraph is followed by a gap of one line: the paragraph rules of `paragraphs.py`
  then see exactly Word's paragraphs. A line never ends in a word's own hyphen, so
  no real hyphen is mistaken for a word break;
- a table gets its grid: a vertical rule at every cell border of every row, a
  horizontal rule over the full width at every row border. A merged cell spans its
  grid columns; its text wraps inside it, and a line of numbers in it is drawn across its
  whole width: which of the merged columns a number belongs to is not known, so no
  single column may claim it (Tabel 1 then reports the cell unreadable). A word wider
  than its cell is drawn narrower, never across a border: the cell a word is in is what
  the file says.
Character widths are a fixed share of the font size: positions only have to keep
the document's order and cells, not reproduce Word's typesetting.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import regex

from extractor.read.docx import DocxCell, DocxParagraph, DocxSection, DocxTable, WordDocument
from extractor.read.page import Line, Page, Ruling, Word

_CHAR_WIDTH = 0.5  # × font size
_SPACE = 0.3  # × font size
_PITCH = 1.25  # line pitch × font size (paragraphs.py's single spacing)
_SHORT = 30.0  # pt: a paragraph's last line ends at least this far from the right edge
_CELL_PAD = 3.0  # pt, left and right inside a cell
_ROW_PAD = 2.0  # pt, above and below a cell's text
_RULE = 0.25  # pt, half a rule's thickness
_CAPTION = regex.compile(r"^\s*Tabel\s+\d+\b")
_DIGIT = regex.compile(r"\d")


@dataclass(frozen=True)
class _Token:
    text: str
    bold: bool
    size: float
    breaks_before: bool  # a line break ("\n") Word was told to make before it


def docx_pages(document: WordDocument) -> list[Page]:
    return [_section_page(n, section) for n, section in enumerate(document.sections, start=1)]


def _section_page(number: int, section: DocxSection) -> Page:
    width = max([section.text_width, *(sum(b.widths) for b in section.blocks
                                        if isinstance(b, DocxTable))])
    words: list[Word] = []
    rules: list[Ruling] = []
    y = 10.0
    for n, block in enumerate(section.blocks):
        if isinstance(block, DocxTable):
            y = _table(block, y, words, rules)
        else:
            following = next((b for b in section.blocks[n + 1:]
                              if isinstance(b, DocxTable) or b.text.strip()), None)
            y = _paragraph(block, 0.0, section.text_width, y, words, justify=True,
                           bold=block.heading or _caption(block, following))
        y += _PITCH * _body_size(block)
    furniture = []
    for paragraph in section.furniture:
        placed: list[Word] = []
        _paragraph(paragraph, 0.0, 10**6, 0.0, placed, justify=False)
        by_top: dict[float, list[Word]] = {}
        for w in placed:
            by_top.setdefault(w.top, []).append(w)
        furniture += [Line(tuple(ws), number) for _, ws in sorted(by_top.items())]
    return Page(number=number, width=width, height=y + 10.0, words=words, rules=rules,
                furniture=furniture)


def _caption(paragraph: DocxParagraph, following: DocxParagraph | DocxTable | None) -> bool:
    """"Tabel N. …" above a table (empty paragraphs between): a caption, whatever its
    style (Word's "Billedtekst" is italic, not bold; the segmenter knows captions by bold)."""
    return isinstance(following, DocxTable) and _CAPTION.match(paragraph.text) is not None


def _body_size(block: DocxParagraph | DocxTable) -> float:
    if isinstance(block, DocxTable):
        return max((p.size for row in block.rows for c in row for p in c.paragraphs),
                   default=10.0)
    return max([block.size, *(s.size for s in block.spans if s.text.strip())])


def _tokens(paragraph: DocxParagraph) -> list[_Token]:
    """Words with their weight and size; a word set partly in bold counts as bold only whole."""
    tokens: list[_Token] = []
    chars: list[tuple[str, bool, float]] = []
    line_break = False

    def flush() -> None:
        nonlocal line_break
        if chars:
            text = "".join(c for c, _, _ in chars)
            tokens.append(_Token(text, all(b for _, b, _ in chars), max(s for _, _, s in chars),
                                 line_break))
            chars.clear()
            line_break = False

    for span in paragraph.spans:
        for ch in span.text:
            if ch == "\n":
                flush()
                line_break = True
            elif ch.isspace():
                flush()
            else:
                chars.append((ch, span.bold, span.size))
    flush()
    return tokens


def _width(token: _Token) -> float:
    return _CHAR_WIDTH * token.size * len(token.text)


def _lines(tokens: list[_Token], width: float) -> list[list[_Token]]:
    """Greedy wrapping at spaces; a word ending in a hyphen keeps the next word on its line."""
    lines: list[list[_Token]] = []
    current: list[_Token] = []
    x = 0.0
    i = 0
    while i < len(tokens):
        group = [tokens[i]]
        while group[-1].text.endswith(("-", "−", "–")) and i + len(group) < len(tokens) \
                and not tokens[i + len(group)].breaks_before:
            group.append(tokens[i + len(group)])
        group_width = sum(_width(t) for t in group) + _SPACE * group[0].size * (len(group) - 1)
        gap = _SPACE * group[0].size if current else 0.0
        if current and (group[0].breaks_before or x + gap + group_width > width):
            lines.append(current)
            current, x, gap = [], 0.0, 0.0
        current += group
        x += gap + group_width
        i += len(group)
    if current:
        lines.append(current)
    return lines


def _paragraph(paragraph: DocxParagraph, left: float, width: float, y: float,
               words: list[Word], *, justify: bool, bold: bool = False,
               numbers_across: bool = False) -> float:
    """Place the paragraph's lines from `y` down; returns the y below its last line.

    `bold` draws a heading (an outline level, a caption) bold, the mark the
    segmenter knows headings by in a PDF.
    """
    tokens = _tokens(paragraph)
    if bold:
        tokens = [dataclasses.replace(t, bold=True) for t in tokens]
    if not tokens:
        return y + _PITCH * paragraph.size
    lines = _lines(tokens, width - _SHORT) if justify else _lines(tokens, width)
    for n, line in enumerate(lines):
        size = max(t.size for t in line)
        last = n + 1 == len(lines) or lines[n + 1][0].breaks_before
        across = numbers_across and all(_DIGIT.search(t.text) for t in line)
        words += _placed(line, left, width, y, size, spread=(justify and not last) or across)
        y += _PITCH * size
    return y


def _placed(line: list[_Token], left: float, width: float, y: float, size: float, *,
            spread: bool) -> list[Word]:
    """The line's words from `left`; squeezed to fit, or spread to reach `left + width`."""
    natural = [min(_width(t), width) for t in line]
    gaps = [_SPACE * t.size for t in line[1:]]
    total = sum(natural) + sum(gaps)
    scale = min(1.0, width / total) if total > 0 else 1.0
    widths = [w * scale for w in natural]
    gaps = [g * scale for g in gaps]
    if spread and len(line) == 1:
        widths = [width]  # a lone number across a merged cell
    elif spread:
        extra = (width - sum(widths) - sum(gaps)) / (len(line) - 1)
        gaps = [g + extra for g in gaps]
    out: list[Word] = []
    x = left
    for k, (token, w) in enumerate(zip(line, widths, strict=True)):
        out.append(Word(token.text, x, x + w, y, y + token.size, token.bold, token.size))
        x += w + (gaps[k] if k < len(gaps) else 0.0)
    return out


def _table(table: DocxTable, y: float, words: list[Word], rules: list[Ruling]) -> float:
    edges = [0.0]
    for w in table.widths:
        edges.append(edges[-1] + w)
    right = edges[-1]
    for row in table.rows:
        top = y
        bottom = top + 2 * _ROW_PAD + _PITCH * _body_size_of_row(row)
        for cell in row:
            x0, x1 = edges[cell.column], edges[min(cell.column + cell.span, len(edges) - 1)]
            bottom = max(bottom, _cell(cell, x0, x1, top, words) + _ROW_PAD)
        rules.append(Ruling(0.0, right, top - _RULE, top + _RULE))
        xs = sorted({edges[c.column] for c in row}
                    | {edges[min(c.column + c.span, len(edges) - 1)] for c in row})
        rules += [Ruling(x - _RULE, x + _RULE, top, bottom) for x in xs]
        y = bottom
    rules.append(Ruling(0.0, right, y - _RULE, y + _RULE))
    return y


def _body_size_of_row(row: list[DocxCell]) -> float:
    return max((p.size for c in row for p in c.paragraphs), default=10.0)


def _cell(cell: DocxCell, x0: float, x1: float, top: float, words: list[Word]) -> float:
    pad = min(_CELL_PAD, (x1 - x0) / 10)
    y = top + _ROW_PAD
    for paragraph in cell.paragraphs:
        if not _tokens(paragraph):
            continue  # an empty paragraph in a cell adds no text (and keeps rows compact)
        y = _paragraph(paragraph, x0 + pad, x1 - x0 - 2 * pad, y, words, justify=False,
                       numbers_across=cell.span > 1)
    return y
