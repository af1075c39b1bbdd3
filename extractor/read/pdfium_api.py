"""PDFium's C functions as the PDFium reader calls them: with plain-int handles.

pypdfium2's raw bindings type every handle as a pointer class; calling through
prototypes that take and return plain integers is several times faster per call,
which matters at two or three calls per character (read/pdfium.py). The character
loop's own three (`char_*`) go without argument types at all, which saves ctypes
converting each argument through its type: 40 % of a call. They take the text page
as a c_void_p, the index as a Python int (a C int) and out-parameters by byref().
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from ctypes import POINTER, c_char_p, c_float, c_int, c_size_t, c_ulong, c_void_p
from typing import Any

import pypdfium2.raw as raw  # importing it initialises PDFium


def _fn(name: str, restype: Any, *argtypes: Any) -> Callable[..., Any]:
    """The function `name` of pypdfium2's raw bindings, taking and returning plain ints
    for handles."""
    address = ctypes.cast(getattr(raw, name), c_void_p).value
    return ctypes.CFUNCTYPE(restype, *argtypes)(address)


def _untyped(name: str, restype: Any) -> Callable[..., Any]:
    """The function `name`, its arguments converted each by its own type (see above)."""
    return ctypes.CFUNCTYPE(restype)(ctypes.cast(getattr(raw, name), c_void_p).value)


_F = POINTER(c_float)
_RECT = POINTER(raw.FS_RECTF)
_MATRIX = POINTER(raw.FS_MATRIX)
load_document = _fn("FPDF_LoadDocument", c_void_p, c_char_p, c_char_p)
last_error = _fn("FPDF_GetLastError", c_ulong)
close_document = _fn("FPDF_CloseDocument", None, c_void_p)
page_count = _fn("FPDF_GetPageCount", c_int, c_void_p)
load_page = _fn("FPDF_LoadPage", c_void_p, c_void_p, c_int)
close_page = _fn("FPDF_ClosePage", None, c_void_p)
media_box = _fn("FPDFPage_GetMediaBox", c_int, c_void_p, _F, _F, _F, _F)
crop_box = _fn("FPDFPage_GetCropBox", c_int, c_void_p, _F, _F, _F, _F)
bounding_box = _fn("FPDF_GetPageBoundingBox", c_int, c_void_p, _RECT)
page_rotation = _fn("FPDFPage_GetRotation", c_int, c_void_p)
load_text = _fn("FPDFText_LoadPage", c_void_p, c_void_p)
close_text = _fn("FPDFText_ClosePage", None, c_void_p)
count_chars = _fn("FPDFText_CountChars", c_int, c_void_p)
get_text = _fn("FPDFText_GetText", c_int, c_void_p, c_int, c_int, c_void_p)
unicode = _fn("FPDFText_GetUnicode", ctypes.c_uint, c_void_p, c_int)
char_matrix = _fn("FPDFText_GetMatrix", c_int, c_void_p, c_int, _MATRIX)
font_size = _fn("FPDFTextObj_GetFontSize", c_int, c_void_p, _F)
font = _fn("FPDFTextObj_GetFont", c_void_p, c_void_p)
font_name = _fn("FPDFFont_GetBaseFontName", c_size_t, c_void_p, c_char_p, c_size_t)
descent = _fn("FPDFFont_GetDescent", c_int, c_void_p, c_float, _F)
glyph_width = _fn("FPDFFont_GetGlyphWidth", c_int, c_void_p, ctypes.c_uint, c_float, _F)
count_objects = _fn("FPDFPage_CountObjects", c_int, c_void_p)
page_object = _fn("FPDFPage_GetObject", c_void_p, c_void_p, c_int)
form_count = _fn("FPDFFormObj_CountObjects", c_int, c_void_p)
form_object = _fn("FPDFFormObj_GetObject", c_void_p, c_void_p, c_ulong)
object_type = _fn("FPDFPageObj_GetType", c_int, c_void_p)
object_matrix = _fn("FPDFPageObj_GetMatrix", c_int, c_void_p, _MATRIX)
object_bounds = _fn("FPDFPageObj_GetBounds", c_int, c_void_p, _F, _F, _F, _F)
count_segments = _fn("FPDFPath_CountSegments", c_int, c_void_p)
segment = _fn("FPDFPath_GetPathSegment", c_void_p, c_void_p, c_int)
segment_point = _fn("FPDFPathSegment_GetPoint", c_int, c_void_p, _F, _F)
segment_type = _fn("FPDFPathSegment_GetType", c_int, c_void_p)
segment_close = _fn("FPDFPathSegment_GetClose", c_int, c_void_p)
clip_path = _fn("FPDFPageObj_GetClipPath", c_void_p, c_void_p)
clip_count_paths = _fn("FPDFClipPath_CountPaths", c_int, c_void_p)
clip_count_segments = _fn("FPDFClipPath_CountPathSegments", c_int, c_void_p, c_int)
clip_segment = _fn("FPDFClipPath_GetPathSegment", c_void_p, c_void_p, c_int, c_int)
char_text_object = _untyped("FPDFText_GetTextObject", c_void_p)
char_origin = _untyped("FPDFText_GetCharOrigin", c_int)
char_loose_box = _untyped("FPDFText_GetLooseCharBox", c_int)
