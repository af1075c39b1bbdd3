"""Each font's descent as pdfminer reads it, for the PDFium reader's character boxes.

pdfminer (under the pdfplumber reader) puts a character's bottom at the baseline
plus the font descriptor's /Descent, taken literally (0 when the descriptor says 0,
as LibreOffice writes it; from the AFM metrics for a standard font without a
descriptor). PDFium makes up its own descent where the descriptor gives none, so
the same text would sit up to a third of its size lower. Only pdfminer's object
layer is used here: the fonts' dictionaries, not the pages' content streams (which
is the slow part of pdfplumber).
"""

from __future__ import annotations

from pathlib import Path

from pdfminer.fontmetrics import FONT_METRICS
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFObjRef, PDFStream, resolve1
from pdfminer.psparser import PSLiteral


def font_descents(path: Path) -> dict[str, float]:
    """Font name (BaseFont without a subset prefix) → descent per unit of font size (≤ 0).

    Empty when pdfminer cannot read the file's objects: the reader then keeps
    PDFium's metrics (and the pdfplumber reader could not read such a file at all).
    """
    descents: dict[str, float] = {}
    try:
        with path.open("rb") as fh:
            document = PDFDocument(PDFParser(fh))
            seen: set[int] = set()
            for page in PDFPage.create_pages(document):
                _collect(page.resources, descents, seen)
    except MemoryError:
        raise
    except Exception:  # a damaged file: see above
        return descents
    return descents


def _collect(resources: object, descents: dict[str, float], seen: set[int]) -> None:
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
    for ref in _values(resources.get("XObject")):  # the fonts of form XObjects
        if _seen(ref, seen):
            continue
        xobject = resolve1(ref)
        if isinstance(xobject, PDFStream) and "Resources" in xobject.attrs:
            _collect(xobject.attrs["Resources"], descents, seen)


def _descent(spec: dict) -> float | None:
    """PDFFont.get_descent() of the font pdfminer would build from `spec`, read
    straight from the dictionaries (building the font parses its whole font program)."""
    subtype = _name(spec.get("Subtype"))
    if subtype == "Type3":
        return None  # descent from FontBBox and FontMatrix: PDFium's metrics will do
    if subtype == "Type0":
        descendants = resolve1(spec.get("DescendantFonts"))
        if not isinstance(descendants, list) or not descendants:
            return None
        spec = resolve1(descendants[0])
        if not isinstance(spec, dict):
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
