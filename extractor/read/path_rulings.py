"""Painted paths → ruling lines, by the rules pdfminer (under pdfplumber) applies.

The pdfplumber reader takes its rulings from pdfminer's straight lines and thin
rectangles; the PDFium reader hands its path segments here so both readers agree
on which paths count. pdfminer's rules: a path with several subpaths counts per
subpath; a line back to the start right before a close is dropped; one segment
("m l" or "m l h") is a line; four segments that close an axis-parallel loop are a
rectangle; everything else is a curve and no ruling. The bounds are the points'
own, without the stroke width (PDFium's object bounds include it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractor.read.page import Ruling

Point = tuple[float, float]
Segment = tuple[str, Point]  # "m", "l", "c" (a curve, its end point) or "h" (close)

THIN = 2.0  # pt: a rectangle thinner than this is drawn as a rule


def path_rulings(segments: Sequence[Segment], height: float,
                 lines: list[Ruling], rects: list[Ruling]) -> None:
    """Append the path's lines and thin rectangles; `height` turns y upwards into top."""
    shape = "".join(op for op, _ in segments)
    if not shape.startswith("m"):
        return
    if shape.count("m") > 1:
        for match in re.finditer(r"m[^m]+", shape):
            path_rulings(segments[match.start():match.end()], height, lines, rects)
        return
    points = [point if op != "h" else segments[0][1] for op, point in segments]
    if len(shape) > 3 and shape.endswith("lh") and points[-2] == points[0]:
        shape = shape[:-2] + "h"
        points.pop()
    if shape in ("ml", "mlh"):
        lines.append(_bounds(points[:2], height))
    elif shape in ("mlllh", "mllll"):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = points
        square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (
            y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
        if points[0] == points[4] and square:
            rect = _bounds([points[0], points[2]], height)
            if min(rect.x1 - rect.x0, rect.bottom - rect.top) < THIN:
                rects.append(rect)


def _bounds(points: Sequence[Point], height: float) -> Ruling:
    xs = [x for x, _ in points]
    ys = [y for _, y in points]
    return Ruling(min(xs), max(xs), height - max(ys), height - min(ys))
