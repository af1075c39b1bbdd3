"""What the PDFium reader builds per text object: pdfminer's view of its characters.

A `Run` holds what the characters of PDFium text objects of one font, size and matrix
share (matrix, box height, style), computed as pdfminer computes them, and `place` what
is each object's own (where its baseline puts the box); `blank_char` gives the space of
a text object PDFium's text page skips, `turned_char` the box of a turned or mirrored
character. The reader's page loop (read/pdfium.py) puts them together.
"""

from __future__ import annotations

import ctypes
from ctypes import c_float
from dataclasses import dataclass, field
from typing import Any

import pypdfium2.raw as raw  # importing it initialises PDFium

from extractor.read import pdfium_api as api
from extractor.read.char_words import Char, Style
from extractor.read.pdf_file import is_bold
from extractor.read.pdfium_glyphs import Glyph, Glyphs
from extractor.read.pdfium_objects import IDENTITY, Matrix, decimal, object_matrix


class Run:
    """What the characters of text objects with one font, size and matrix (apart from
    its translation) share: matrix, box height, style. Chromium and reportlab write a
    text object per word, so a page has hundreds of objects and a handful of runs.

    The box's vertical edges and the size are pdfminer's, to the last bit: pdfplumber
    starts a new run of characters wherever the size differs, even by float noise
    (10.000000000000014 on one line, 10.0 on the next), and words never join two
    runs. So they are computed as pdfminer computes them, from the numbers the
    content stream holds, recovered from PDFium's float32 (see pdfium_objects.decimal).
    """

    __slots__ = ("a", "b", "bold", "c", "d", "font", "high", "loop", "low", "name", "places",
                 "plain", "scale", "size", "ua", "ub", "upright")

    def __init__(self, key: tuple[int, float, float, float, float, float],
                 page: PageContext) -> None:
        font, font_size, a, b, c, d = key  # PDFium's float32 numbers
        a, b, c, d = decimal(a), decimal(b), decimal(c), decimal(d)
        self.ua, self.ub = a, b  # in user space: how PDFium's boxes lie
        ta, tb, tc, td, _, _ = page.ctm  # pdfminer's mult_matrix(text matrix, ctm):
        self.a, self.b = a * ta + b * tc, a * tb + b * td
        self.c, self.d = c * ta + d * tc, c * tb + d * td
        font_name = page.font_name(font)
        descent = page.glyphs.fonts.descents.get(font_name.split("+", 1)[-1])
        if descent is None:  # a font pdfminer did not list: PDFium's own metrics
            value = c_float()
            descent = -abs(value.value) if font and api.descent(font, 1.0, value) else 0.0
        self.size = font_size = decimal(font_size)
        self.scale = font_size * self.a  # a glyph width (per unit of font size) → x extent
        self.low = descent * font_size  # pdfminer's box in text space, from the baseline
        self.high = self.low + font_size
        self.font, self.name, self.bold = font, font_name, is_bold(font_name)
        self.upright = self.a * self.d > 0 and self.b * self.c <= 0
        self.plain = self.a > 0 and self.b == 0 and self.c == 0  # left to right, not turned
        self.places: dict[float | tuple[float, float], tuple[float, float, int]] = {}
        # what the reader's character loop takes from the run of each text object: plain,
        # scale, a (1 if 0), size, a tenth of a TJ unit (thousandths of an em), 1 if the
        # characters read left to right, and the font's glyphs (see pdfium.py _chars)
        self.loop = (self.plain, self.scale, self.a or 1.0, font_size, 0.0001 * font_size,
                     1 if self.upright and self.a > 0 else 0,
                     page.widths.setdefault(font, {}), page.known.setdefault(font, {}))


Placed = tuple[Run, int, float, float, int]  # a text object: run, order, top, bottom, style


def place(text_page: int, index: int, obj: int, order: int, x: float, y: float,
          page: PageContext) -> Placed:
    """The text object `obj`, whose first character on the text page is `index`, at
    PDFium's origin (x, y): its run, and where a plain run's characters lie (top and
    bottom from the baseline, the style; per character when not plain)."""
    matrix, value = page.matrix, page.value
    api.char_matrix(text_page, index, matrix)
    size = value.value if api.font_size(obj, value) else 0.0
    key = (api.font(obj) or 0, size, matrix.a, matrix.b, matrix.c, matrix.d)
    run = page.runs.get(key)
    if run is None:
        run = page.runs[key] = Run(key, page)
    if not run.plain:
        return run, order, 0.0, 0.0, -1  # (pdfminer's size depends on the character)
    _, tb, _, td, _, tf = page.ctm
    at = (x, y) if tb else y  # (x counts only in a turned frame)
    spot = run.places.get(at)  # (a line of words, one text object each)
    if spot is None:
        baseline = (decimal(x) * tb if tb else 0.0) + decimal(y) * td + tf
        low, high = run.d * run.low + baseline, run.d * run.high + baseline
        style = Style(run.upright, run.font, abs(high - low), run.bold)
        spot = run.places[at] = (page.height - max(low, high), page.height - min(low, high),
                                 page.styles.setdefault(style, len(page.styles)))
    return run, order, *spot


@dataclass
class PageContext:
    height: float
    glyphs: Glyphs  # the file's view of each font's characters
    ctm: Matrix = IDENTITY  # user space → the frame the page is read in
    styles: dict[Style, int] = field(default_factory=dict)
    font_names: dict[int, str] = field(default_factory=dict)
    runs: dict[tuple[int, float, float, float, float, float], Run] = field(default_factory=dict)
    # font → PDFium's character → the file's (pdfium_glyphs.Glyph); `known`: the same,
    # where PDFium's loose box is not needed (see pdfium.py _chars)
    widths: dict[int, dict[str, Glyph]] = field(default_factory=dict)
    known: dict[int, dict[str, Glyph]] = field(default_factory=dict)
    matrix: Any = field(default_factory=raw.FS_MATRIX)  # PDFium's out-parameters, reused
    value: c_float = field(default_factory=c_float)
    bounds: tuple[c_float, c_float, c_float, c_float] = field(
        default_factory=lambda: (c_float(), c_float(), c_float(), c_float()))
    # font → descent, bold, space advance: for blank_char
    blank_fonts: dict[int, tuple[float, bool, float]] = field(default_factory=dict)

    def font_name(self, font: int) -> str:
        """Fetched once per font and page: Chromium writes a text object per word."""
        name = self.font_names.get(font)
        if name is None:
            buffer = ctypes.create_string_buffer(256)
            api.font_name(font, buffer, 256)
            name = self.font_names[font] = buffer.value.decode("latin-1")
        return name


def blank_char(order: int, obj: int, outer: Matrix, page: PageContext, chars: list[Char],
               spans: list[tuple[int, int]]) -> int:
    """Append the space of a text object the text page skipped, if it is blank, as
    pdfminer's character; 1 if it reads left to right.

    A text object of nothing but spaces (Chromium writes one per space between words)
    has no width, and PDFium's text page skips it: where the next word starts, it
    generates a space of its own, as it does at any wide gap. pdfminer sees the file's
    space, and pdfplumber ends a word at it. (The text page also skips objects it
    takes for a repeat of one just before, fake bold: those have a width.)
    """
    left, bottom, right, top = page.bounds
    if not api.object_bounds(obj, left, bottom, right, top) or right.value - left.value >= 0.01:
        return 0
    a, b, c, d, e, f = object_matrix(obj, outer, page.matrix)
    if not (a > 0 and b == 0 and c == 0):
        return 0  # turned text: pdfplumber makes little of it (see turned_char)
    value = page.value
    size = decimal(value.value) if api.font_size(obj, value) else 0.0
    font = api.font(obj) or 0
    known = page.blank_fonts.get(font)
    if known is None:
        font_name = page.font_name(font)
        known = page.blank_fonts[font] = (
            page.glyphs.fonts.descents.get(font_name.split("+", 1)[-1], 0.0),
            is_bold(font_name), max(page.glyphs.resolve(font, font_name, " ")[1], 0.0))
    descent, bold, space = known
    low, high = d * descent * size + f, d * (descent * size + size) + f
    style = Style(a * d > 0, font, abs(high - low), bold)
    index = page.styles.setdefault(style, len(page.styles))
    width = space * size * a
    spans.append((order, len(chars)))
    chars.append((" ", e, e + width, page.height - max(low, high), page.height - min(low, high),
                  index))
    return 1


def turned_char(text: str, run: Run, x: float, y: float, box: Any,
                 page: PageContext) -> Char:
    """pdfminer's box for a turned or mirrored character: its text-space box through the
    matrix, the size its height (so it varies with the advance, which comes from
    PDFium's box along the writing direction). pdfplumber makes little of such text
    (one-letter words); it is matched closely, not to the bit."""
    if abs(run.ua) >= abs(run.ub):  # PDFium's box lies in user space
        advance = (box.right - box.left) / abs(run.ua) if run.ua else 0.0
    else:
        advance = (box.top - box.bottom) / abs(run.ub)
    xs, ys = [], []
    for u in (0.0, advance):
        for v in (run.low, run.high):
            xs.append(x + run.a * u + run.c * v)
            ys.append(y + run.b * u + run.d * v)
    style = Style(run.upright, run.font, max(ys) - min(ys), run.bold)
    index = page.styles.setdefault(style, len(page.styles))
    return (text, min(xs), max(xs), page.height - max(ys), page.height - min(ys), index)
