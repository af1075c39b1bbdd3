"""A PDFium page's objects in pdfminer's terms: content-stream order, matrices, paths.

The PDFium reader (read/pdfium.py) numbers the page's objects in content-stream
order (PDFium's text page reorders some), composes their matrices to page space and
walks paths segment by segment, each the way pdfminer (under the pdfplumber reader)
sees them. PDFium keeps every number as float32; `decimal` gives back the number the
content stream wrote, which pdfminer computes with.
"""

from __future__ import annotations

import functools
import struct
from collections.abc import Callable
from ctypes import c_float
from typing import Any

import pypdfium2.raw as raw  # importing it initialises PDFium

from extractor.read import pdfium_api as api
from extractor.read.clipping import Box, bounds, intersect
from extractor.read.path_rulings import Segment

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_SEGMENT_OPS = {raw.FPDF_SEGMENT_MOVETO: "m", raw.FPDF_SEGMENT_LINETO: "l",
                raw.FPDF_SEGMENT_BEZIERTO: "c"}


def media_box_of(page: int) -> tuple[float, float, float, float]:
    """The MediaBox (x0, y0, x1, y1) as the file writes it (pdfplumber's page size)."""
    left, bottom, right, top = c_float(), c_float(), c_float(), c_float()
    if not api.media_box(page, left, bottom, right, top):
        box = raw.FS_RECTF()
        api.bounding_box(page, box)  # an inherited MediaBox (clipped by the CropBox)
        left.value, bottom.value, right.value, top.value = box.left, box.bottom, box.right, box.top
    x0, x1 = sorted((decimal(left.value), decimal(right.value)))
    y0, y1 = sorted((decimal(bottom.value), decimal(top.value)))
    return x0, y0, x1, y1


def visible_of(page: int, box: tuple[float, float, float, float],
               height: float) -> tuple[float, float] | None:
    """(top, bottom) of what a viewer shows (the CropBox, else the MediaBox `box`) in the
    frame of the characters' tops, where it is not (0, height): as the pdfplumber reader."""
    left, bottom, right, top = c_float(), c_float(), c_float(), c_float()
    if api.crop_box(page, left, bottom, right, top):
        y0, y1 = sorted((decimal(bottom.value), decimal(top.value)))
        y0, y1 = max(y0, box[1]), min(y1, box[3])  # (a CropBox beyond the MediaBox: cut)
    else:
        y0, y1 = box[1], box[3]
    shown = (height - y1, height - y0)
    if abs(shown[0]) < 0.01 and abs(shown[1] - height) < 0.01:
        return None
    return shown


def display_ctm(rotation: int, box: tuple[float, float, float, float]) -> Matrix:
    """pdfminer's page matrix for a page turned by /Rotate, as a viewer shows it."""
    x0, y0, x1, y1 = box
    return {90: (0.0, -1.0, 1.0, 0.0, -y0, x1), 180: (-1.0, 0.0, 0.0, -1.0, x1, y1),
            270: (0.0, 1.0, -1.0, 0.0, y1, -x0)}[rotation]


def walk_objects(parent: int, count: int, get: Callable[[int, int], int], matrix: Matrix,
                 order: dict[int, int], paths: list[tuple[int, Matrix]],
                 texts: list[tuple[int, int, Matrix]], forms: dict[int, Box] | None = None,
                 clip: Box | None = None) -> None:
    """Number the page's objects in content-stream order (form XObjects in place) and
    collect its paths with their matrices to page space, and its text objects (order,
    object, the matrix of the form they are in), for those the text page skips (see
    pdfium_runs.blank_char); `forms` gets the clip box of the form XObjects a text
    object is drawn in (by its order), `clip` being that of the form walked."""
    own = raw.FS_MATRIX()
    for index in range(count):
        obj = get(parent, index)
        if not obj:
            continue
        order[obj] = len(order)
        kind = api.object_type(obj)
        if kind == raw.FPDF_PAGEOBJ_PATH:
            api.object_matrix(obj, own)
            paths.append((obj, _compose(_own_matrix(own), matrix)))
        elif kind == raw.FPDF_PAGEOBJ_TEXT:
            texts.append((order[obj], obj, matrix))
            if clip is not None and forms is not None:
                forms[order[obj]] = clip
        elif kind == raw.FPDF_PAGEOBJ_FORM:
            api.object_matrix(obj, own)
            inner = _compose(_own_matrix(own), matrix)
            inside = intersect(clip, clip_box(obj, matrix))
            walk_objects(obj, api.form_count(obj), api.form_object, inner, order, paths, texts,
                         forms, inside)


def clip_box(obj: int, outer: Matrix) -> Box | None:
    """The object's clip box in the page's frame (y up); None where nothing clips it."""
    clip = api.clip_path(obj)
    if not clip:
        return None
    box: Box | None = None
    a, b, c, d, e, f = outer
    x, y = c_float(), c_float()
    for index in range(max(api.clip_count_paths(clip), 0)):
        points = []
        for k in range(max(api.clip_count_segments(clip, index), 0)):
            segment = api.clip_segment(clip, index, k)
            if segment and api.segment_point(segment, x, y):
                px, py = x.value, y.value
                points.append((a * px + c * py + e, b * px + d * py + f))
        path = bounds(points)
        if path is not None:
            box = intersect(box, path)
    return box


def object_matrix(obj: int, outer: Matrix, own: Any = None) -> Matrix:
    """The object's own matrix composed with `outer`: from its space to the frame's
    (`own`: an FS_MATRIX to reuse)."""
    own = own if own is not None else raw.FS_MATRIX()
    api.object_matrix(obj, own)
    return _compose(_own_matrix(own), outer)


def _own_matrix(own: Any) -> Matrix:
    """An object's matrix as the file wrote it (PDFium keeps float32, pdfminer the
    decimals): cell edges computed from float32 differ in the second decimal."""
    return (decimal(own.a), decimal(own.b), decimal(own.c), decimal(own.d),
            decimal(own.e), decimal(own.f))


def _compose(first: Matrix, then: Matrix) -> Matrix:
    a, b, c, d, e, f = first
    a2, b2, c2, d2, e2, f2 = then
    return (a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2,
            e * a2 + f * c2 + e2, e * b2 + f * d2 + f2)

@functools.lru_cache(maxsize=65536)
def decimal(value: float) -> float:
    """The shortest decimal that rounds to PDFium's float32 `value`: the number the
    content stream wrote (120.389, not 120.38899993896484) whenever it had at most
    seven significant digits, as PDF producers write them.

    Seven digits are tried first: when the nearest seven-digit decimal does not round
    to `value`, no shorter one does either (Chromium's positions under a scaling CTM,
    one text object per glyph, are mostly such). Below seven, the fewest digits that
    do are found by bisection: if the nearest d-digit decimal rounds to `value`, so
    does the nearest (d+1)-digit one, which is no farther, except where the float32
    numbers below `value` lie closer than those above (a power of two): there one by one.
    """
    candidate = float(f"{value:.7g}")
    if _float32(candidate) != value:
        for digits in (8, 9):
            candidate = float(f"{value:.{digits}g}")
            if _float32(candidate) == value:
                return candidate
        return value
    if not _F32_BITS.unpack(_F32.pack(value))[0] & 0x7FFFFF:  # a power of two, or 0
        for digits in range(1, 7):
            shorter = float(f"{value:.{digits}g}")
            if _float32(shorter) == value:
                return shorter
        return candidate
    low, high = 1, 7  # the fewest digits lie in low..high, and high digits round to value
    while low < high:
        digits = (low + high) // 2
        shorter = float(f"{value:.{digits}g}")
        if _float32(shorter) == value:
            high, candidate = digits, shorter
        else:
            low = digits + 1
    return candidate


_F32, _F32_BITS = struct.Struct("f"), struct.Struct("I")


def _float32(value: float) -> float:
    return _F32.unpack(_F32.pack(value))[0]


def segments(path: int, matrix: Matrix) -> list[Segment]:
    """The path's segments in page space, in pdfminer's terms (a curve is one "c")."""
    a, b, c, d, e, f = matrix
    x, y = c_float(), c_float()
    out: list[Segment] = []
    pending_curve = 0
    for index in range(api.count_segments(path)):
        segment = api.segment(path, index)
        api.segment_point(segment, x, y)
        op = _SEGMENT_OPS.get(api.segment_type(segment), "?")
        px, py = decimal(x.value), decimal(y.value)  # the file's numbers, as pdfminer's
        point = (a * px + c * py + e, b * px + d * py + f)
        if op == "c":  # PDFium gives a Bézier curve as three points: keep the end point
            pending_curve = (pending_curve + 1) % 3
            if pending_curve:
                continue
        out.append((op, point))
        if api.segment_close(segment):
            out.append(("h", point))
    return out
