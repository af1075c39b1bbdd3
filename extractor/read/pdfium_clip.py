"""The PDFium reader's characters with those clip paths hide left out.

PDFium's text page reports every glyph a text object paints, inside its clip path or
not; the pdfplumber reader leaves out the hidden ones (read/pdf_clip.py) by the rule in
read/clipping.py, and so does this, per text object: PDFium keeps each object's clip
path (in the space of the object list it belongs to) with the object, but only where
it clips the object (its parser drops a clip that holds the object's bounds), and a
form XObject's clip with the form, not with the objects in it.
"""

from __future__ import annotations

from extractor.read.char_words import Char
from extractor.read.clipping import Box, hidden, intersect
from extractor.read.pdfium_objects import Matrix, clip_box


def without_clipped(chars: list[Char], spans: list[tuple[int, int]],
                    texts: list[tuple[int, int, Matrix]], forms: dict[int, Box],
                    height: float) -> tuple[list[Char], list[tuple[int, int]]]:
    """`chars` and their spans (order of the text object, first character) without the
    characters their object's clip hides, or the clip of the form XObject drawing them
    (`forms`, by the text object's order: see pdfium_objects.walk_objects); characters
    have top/bottom from the page's top, clip boxes are y up."""
    if not spans:
        return chars, spans
    boxes: dict[int, Box] = {}  # by order: the clip of each text object something clips
    for order, obj, outer in texts:
        box = intersect(forms.get(order), clip_box(obj, outer))
        if box is not None:
            boxes[order] = box
    if not boxes:  # (most pages: nothing to look at per character)
        return chars, spans
    ends = [start for _, start in spans[1:]] + [len(chars)]
    kept: list[Char] = []
    new_spans: list[tuple[int, int]] = []
    for (order, start), end in zip(spans, ends, strict=True):
        new_spans.append((order, len(kept)))
        box = boxes.get(order)
        if box is None:
            kept.extend(chars[start:end])
            continue
        kept.extend(ch for ch in chars[start:end]
                    if not hidden(ch[1], height - ch[4], ch[2], height - ch[3], box))
    return kept, new_spans
