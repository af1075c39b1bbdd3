"""The fonts as the file describes them, for the PDFium reader: descents, widths, characters.

pdfminer (under the pdfplumber reader) takes three things from a font's dictionaries
that PDFium reports otherwise, so the PDFium reader reads them here, from pdfminer's
object layer (the fonts' dictionaries, not the pages' content streams, which is the
slow part of pdfplumber):

- the descent: pdfminer puts a character's bottom at the baseline plus the font
  descriptor's /Descent, taken literally (0 when the descriptor says 0, as LibreOffice
  writes it; from the AFM metrics for a standard font without a descriptor). PDFium
  makes up its own descent where the descriptor gives none, so the same text would
  sit up to a third of its size lower;
- the widths: PDFium truncates every /Widths and /W entry to a whole number
  (reportlab writes 600.0977, Chromium 556.15234), so along a line its characters
  drift left of the file's positions by the lost fractions (up to 0.5 pt on a
  justified reportlab line) and word ends move by ~0.01 pt;
- the characters: PDFium's text page replaces a line-end hyphen with its own mark,
  losing whether the file said "-" or a soft hyphen U+00AD, and reports some
  characters other than the ToUnicode map says (U+2011 for U+2010 in some Chromium
  fonts). The file's own characters settle which one was printed.

Widths and characters are built lazily per font: most files (LibreOffice's) have whole
widths and plain hyphens, and need neither.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from pdfminer.fontmetrics import FONT_METRICS
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdffont import PDFFont, PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFObjRef, PDFStream, resolve1
from pdfminer.psparser import PSLiteral

_LIGATURES = str.maketrans(  # PDFium spells ligature characters out (as char_words.py)
    {"ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬁ": "fi", "ﬂ": "fl", "ﬆ": "st", "ﬅ": "st"})
_AMBIGUOUS = -1.0  # one text, two widths in fonts of one name: the file cannot say which


class FileFonts:
    """The file's fonts by name (BaseFont without a subset prefix, as PDFium may give it)."""

    def __init__(self, descents: dict[str, float] | None = None,
                 specs: dict[str, list[tuple[Any, dict]]] | None = None) -> None:
        self.descents = descents or {}
        self._specs = specs or {}
        self._glyphs: dict[str, dict[str, float]] = {}
        self._fractional: dict[str, bool] = {}

    def fractional(self, name: str) -> bool:
        """Whether a width of the font has a fraction PDFium drops."""
        name = name.split("+", 1)[-1]
        known = self._fractional.get(name)
        if known is None:
            known = self._fractional[name] = any(
                _has_fraction(spec) for _, spec in self._specs.get(name, ()))
        return known

    def glyphs(self, name: str) -> dict[str, float]:
        """Text of each character code → its width per unit of font size, as pdfminer
        reads it (ligatures spelled out, as PDFium gives them); a text two
        codes give different widths maps to _AMBIGUOUS."""
        name = name.split("+", 1)[-1]
        glyphs = self._glyphs.get(name)
        if glyphs is None:
            glyphs = self._glyphs[name] = {}
            manager = PDFResourceManager(caching=False)
            for objid, spec in self._specs.get(name, ()):
                try:
                    font = manager.get_font(objid, spec)
                    _add_glyphs(font, glyphs)
                except MemoryError:
                    raise
                except Exception:  # a damaged font: PDFium's own view stands
                    continue
        return glyphs


def file_fonts(path: Path) -> FileFonts:
    """The file's fonts; none when pdfminer cannot read the file's objects (the reader
    then keeps PDFium's metrics, and the pdfplumber reader could not read it at all)."""
    descents: dict[str, float] = {}
    specs: dict[str, list[tuple[Any, dict]]] = {}
    try:  # in memory: the fonts' own objects are read later, only where needed
        document = PDFDocument(PDFParser(io.BytesIO(path.read_bytes())))
        seen: set[int] = set()
        for page in PDFPage.create_pages(document):
            _collect(page.resources, descents, specs, seen)
    except MemoryError:
        raise
    except Exception:  # a damaged file: see above
        return FileFonts(descents, specs)
    return FileFonts(descents, specs)


def _collect(resources: object, descents: dict[str, float],
             specs: dict[str, list[tuple[Any, dict]]], seen: set[int]) -> None:
    resources = resolve1(resources)
    if not isinstance(resources, dict):
        return
    for ref in _values(resources.get("Font")):
        if _seen(ref, seen):
            continue
        spec = resolve1(ref)
        if not isinstance(spec, dict):
            continue
        name = _name(spec.get("BaseFont")).split("+", 1)[-1]
        descent = _descent(spec)
        if name and descent is not None:
            descents.setdefault(name, descent)
        if name:
            specs.setdefault(name, []).append(
                (ref.objid if isinstance(ref, PDFObjRef) else None, spec))
    for ref in _values(resources.get("XObject")):  # the fonts of form XObjects
        if _seen(ref, seen):
            continue
        xobject = resolve1(ref)
        if isinstance(xobject, PDFStream) and "Resources" in xobject.attrs:
            _collect(xobject.attrs["Resources"], descents, specs, seen)


def _descent(spec: dict) -> float | None:
    """PDFFont.get_descent() of the font pdfminer would build from `spec`, read
    straight from the dictionaries (building the font parses its whole font program)."""
    subtype = _name(spec.get("Subtype"))
    if subtype == "Type3":
        return None  # descent from FontBBox and FontMatrix: PDFium's metrics will do
    if subtype == "Type0":
        spec = _descendant(spec)
        if spec is None:
            return None
        descriptor = resolve1(spec.get("FontDescriptor"))
    elif _name(spec.get("BaseFont")) in FONT_METRICS:  # a standard font: pdfminer's AFM
        descriptor = FONT_METRICS[_name(spec.get("BaseFont"))][0]
    else:
        descriptor = resolve1(spec.get("FontDescriptor"))
    if not isinstance(descriptor, dict):
        descriptor = {}
    descent = resolve1(descriptor.get("Descent", 0))
    if not isinstance(descent, int | float):
        descent = 0
    return -abs(descent) * 0.001


def _descendant(spec: dict) -> dict | None:
    descendants = resolve1(spec.get("DescendantFonts"))
    if not isinstance(descendants, list) or not descendants:
        return None
    descendant = resolve1(descendants[0])
    return descendant if isinstance(descendant, dict) else None


def _has_fraction(spec: dict) -> bool:
    """Whether /Widths (a simple font) or /W and /DW (a composite one) hold a number
    with a fraction: only then do PDFium's positions drift from the file's."""
    if _name(spec.get("Subtype")) == "Type3":
        return False  # widths in glyph space: PDFium's view stands
    if _name(spec.get("Subtype")) == "Type0":
        descendant = _descendant(spec)
        if descendant is None:
            return False
        numbers = [resolve1(descendant.get("DW", 1000))]
        for item in resolve1(descendant.get("W")) or []:
            item = resolve1(item)
            numbers += [resolve1(n) for n in item] if isinstance(item, list) else [item]
    else:
        numbers = [resolve1(n) for n in resolve1(spec.get("Widths")) or []]
    return any(isinstance(n, float) and not n.is_integer() for n in numbers)


def _add_glyphs(font: PDFFont, glyphs: dict[str, float]) -> None:
    if font.is_multibyte():
        unicode_map = getattr(font, "unicode_map", None)
        codes = list(getattr(unicode_map, "cid2unichr", {}))
    elif getattr(font, "unicode_map", None) is not None:
        codes = list(font.unicode_map.cid2unichr)  # type: ignore[union-attr]
    else:
        codes = [code for code, width in font.widths.items()
                 if isinstance(code, int) and width]
    for code in codes:
        try:
            text = font.to_unichr(code).translate(_LIGATURES)
        except PDFUnicodeNotDefined:
            continue
        width = font.char_width(code)
        if glyphs.setdefault(text, width) != width:
            glyphs[text] = _AMBIGUOUS


def _values(value: object) -> list[object]:
    value = resolve1(value)
    return list(value.values()) if isinstance(value, dict) else []


def _seen(ref: object, seen: set[int]) -> bool:
    if not isinstance(ref, PDFObjRef):
        return False
    if ref.objid in seen:
        return True
    seen.add(ref.objid)
    return False


def _name(value: object) -> str:
    value = resolve1(value)
    if isinstance(value, PSLiteral):
        return str(value.name)
    if isinstance(value, bytes):
        return value.decode("latin-1")
    return value if isinstance(value, str) else ""
