"""What a character PDFium reports was in the file: its text, width and drift.

PDFium's text page differs from the file (and so from pdfminer, the reference) in
two ways that read/file_fonts.py explains: it truncates fractional glyph widths,
and it replaces some characters. This module settles both per font and character,
once, for the PDFium reader's hot loop (read/pdfium.py):

- the text: a line-end hyphen PDFium marks as U+0002 (U+FFFE in its text buffer) is
  one of the hyphen codes PDFium recognises (U+002D, U+00AD); the file's font says
  which it holds. A font that holds both (reportlab's, once a soft hyphen was
  printed) gets the soft hyphen: a soft hyphen is printed only at a line end, where
  PDFium marks it, while a hard one is printed wherever the text has it, and PDFium
  marks it only when it happens to end a line. U+2011 where the font holds U+2010
  and not U+2011 is PDFium's reading of the file's U+2010;
- the width: the file's, as pdfminer uses it, where PDFium's truncated one is that
  width without its fraction; the fraction is the drift: PDFium places every later
  character of the same text object that much further left.
"""

from __future__ import annotations

import math
from ctypes import c_float

from extractor.read import pdfium_api as api
from extractor.read.file_fonts import FileFonts

Glyph = tuple[str, float, float]  # text, width and drift per unit of font size (-1: unknown)

# PDFium's character → the file's candidates, first held by the font wins; else the first
_STANDS_FOR = {"\x02": "\xad-", "\ufffe": "\xad-", "\u2011": "\u2010"}
_DEFAULT = {"\x02": "-", "\ufffe": "-"}


class Glyphs:
    """Each PDFium font's characters as the file has them (see above)."""

    def __init__(self, fonts: FileFonts) -> None:
        self.fonts = fonts

    def resolve(self, font: int, name: str, char: str) -> Glyph:
        """The file's text for PDFium's `char`, its width (PDFium's where the file gives
        none or another one) and the fraction of it PDFium drops."""
        text = char
        if char in _DEFAULT and _unit_width(font, 0xAD) <= 0:
            text = "-"  # no printed soft hyphen in the font (LibreOffice's): no file lookup
        elif char in _STANDS_FOR:
            held = self.fonts.glyphs(name)
            if char not in held:
                text = next((c for c in _STANDS_FOR[char] if c in held), _DEFAULT.get(char, char))
        unit = _unit_width(font, char) if text == char else -1.0  # PDFium's: of another code
        if unit > 0 and abs(unit * 1000 - round(unit * 1000)) < 1e-3:
            unit = round(unit * 1000) * 0.001  # pdfminer's double for the file's whole width
        if not self.fonts.fractional(name):
            return text, unit, 0.0
        true = self.fonts.glyphs(name).get(text, -1.0)
        if true < 0:
            return text, unit, 0.0
        whole = math.trunc(round(true * 1000, 4)) / 1000
        if unit >= 0 and abs(whole - unit) > 1e-6:  # PDFium took its width elsewhere
            return text, unit, 0.0
        return text, true, true - whole

    def confirmed(self, name: str, char: str, unit: float) -> bool:
        """True when the file's width for `char` in this font is `unit` (per unit of font
        size): PDFium's width for it is then the one the file places it by."""
        true = self.fonts.glyphs(name).get(char, -1.0)
        return true >= 0 and abs(true - unit) < 0.0015

    def ligature(self, name: str, text: str) -> Glyph | None:
        """A ligature glyph (PDFium gives one character per letter) by its letters,
        where the file's width has a fraction; None where PDFium's box is right."""
        if not self.fonts.fractional(name):
            return None
        true = self.fonts.glyphs(name).get(text, -1.0)
        if true < 0:
            return None
        return text, true, true - math.trunc(round(true * 1000, 4)) / 1000


def _unit_width(font: int, char: str | int) -> float:
    """PDFium's advance for the character, per unit of font size; -1 if unknown."""
    width = c_float()
    code = char if isinstance(char, int) else ord(char) if len(char) == 1 else -1
    if code < 0 or not api.glyph_width(font, code, 1.0, width):
        return -1.0
    return width.value
