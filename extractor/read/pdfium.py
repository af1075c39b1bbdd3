"""PDF file → pages of positioned words and ruling lines, read with PDFium: the default reader.

pdfplumber spends nearly all of an extraction interpreting content streams and
building a dict per character in Python; PDFium (pypdfium2's raw API) does the
interpreting in C. This reader asks it for every character and path and rebuilds
exactly the pages the pdfplumber reader (`pdf.py`, the reference) gives, so the
later stages cannot tell the readers apart (tests/test_readers_agree.py). Where
PDFium sees a page differently from pdfminer, that is undone here:

- characters PDFium generates (spaces, line breaks it infers, and the zero-width spaces
  it puts into wide TJ gaps) are not in the file: skipped; the file's spaces that
  its text page skips (text objects of nothing but a space) are put back, so words end
  where pdfplumber ends them: at a space of the file or a gap over 3 pt;
- a line-end hyphen PDFium marks as U+0002 is the hyphen the file holds, and the
  widths PDFium truncates are the file's, fractions and all (see pdfium_glyphs.py);
- a character's box is pdfminer's: from the baseline, the font descriptor's descent
  and the font size, as wide as the font's advance width (PDFium's boxes use the
  font program's metrics and glyph outlines; see pdfium_runs.py), and its left edge
  is pdfminer's sum along the text object, not PDFium's float32 one;
- characters keep content-stream order (PDFium reorders some), since words never
  join characters that pdfplumber saw in separate runs (see char_words.py);
- paths are walked segment by segment under pdfminer's rules (see path_rulings.py
  and pdfium_objects.py).

What is not undone: under a scaling CTM (Chromium writes its pages under
0.24 × 3.125), pdfminer's character matrices are products of the file's decimals,
which PDFium's float32 numbers cannot give back bit for bit. Positions then differ by
up to 0.0005 pt (an evidence box edge on a 0.01 pt boundary may round the other way),
and pdfplumber, which starts a new run of characters wherever the size differs by
float noise, may split runs elsewhere, ordering a few words differently.

A page's /Rotate is left out where its text reads upright as drawn (a rotated copy
reads like the original) and applied where only the displayed page reads upright;
the pdfplumber reader decides the same way (see _read_page). A file PDFium cannot
open, for any reason but a password (`encrypted`), goes to the pdfplumber reader,
which reads what it can and names the damage otherwise. PDFium allocates outside
Python: under the batch runner's memory bound an allocation it cannot get ends the
worker (SIGABRT), which the runner reports as memory_limit. Its C functions are
called through read/pdfium_api.py.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import itertools
import operator
import os
import threading
from collections.abc import Iterator
from ctypes import byref, c_double, c_void_p
from pathlib import Path

import pypdfium2.raw as raw  # importing it initialises PDFium

from extractor.errors import EncryptedError
from extractor.read import pdfium_api as api
from extractor.read.char_words import Char, chars_to_words
from extractor.read.clipping import Box
from extractor.read.file_fonts import file_fonts
from extractor.read.page import Page, Ruling, merge_touching
from extractor.read.path_rulings import path_rulings
from extractor.read.pdf_file import check_pdf_file
from extractor.read.pdfium_clip import without_clipped
from extractor.read.pdfium_glyphs import Glyph, Glyphs
from extractor.read.pdfium_objects import (
    IDENTITY,
    Matrix,
    decimal,
    display_ctm,
    media_box_of,
    segments,
    visible_of,
    walk_objects,
)
from extractor.read.pdfium_runs import PageContext, Placed, Run, blank_char, place, turned_char

_LOCK = threading.Lock()  # PDFium is not thread-safe
_REPLACED = frozenset("\x02\ufffe\u2011")  # PDFium's characters the file may not hold





def read_pdf(path: Path) -> list[Page]:
    """Read every page; raise an ExtractorError subclass when the file cannot be read."""
    check_pdf_file(path)
    with _LOCK, _collector_paused():
        document = api.load_document(os.fsencode(path), None)
        if not document:
            error = api.last_error()
            if error in (raw.FPDF_ERR_PASSWORD, raw.FPDF_ERR_SECURITY):
                raise EncryptedError(path)
            pages = None
        else:
            try:
                pages = _read_pages(document, Glyphs(file_fonts(path)))
            finally:
                api.close_document(document)
    if pages is None:  # PDFium gave up on the file or a page: pdfplumber may still read it
        from extractor.read.pdf import read_pdf as read_with_pdfplumber
        return read_with_pdfplumber(path)
    return pages


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while a file is read: the reader allocates
    a tuple per character and a float per number (none in a cycle), and every few
    hundred allocations the collector would walk them, and now and then every object
    the process holds: 8 % of the reading time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _read_pages(document: int, glyphs: Glyphs) -> list[Page] | None:
    pages: list[Page] = []
    count = api.page_count(document)
    if count < 1:
        return None  # no page tree PDFium could follow: let pdfplumber try
    for index in range(count):
        page = api.load_page(document, index)
        if not page:
            return None
        try:
            read = _read_page(page, index + 1, glyphs)
        finally:
            api.close_page(page)
        if read is None:
            return None
        pages.append(read)
    return pages


def _read_page(page: int, number: int, glyphs: Glyphs) -> Page | None:
    """The page in the frame its text reads in: as drawn (the /Rotate left out), unless
    fewer than half its characters read left to right there and more do as displayed
    (a landscape page a printer driver drew turned and marked /Rotate 90). The
    pdfplumber reader decides the same way."""
    box = media_box_of(page)
    drawn = _read_frame(page, number, glyphs, IDENTITY, box)
    rotation = (api.page_rotation(page) % 4) * 90
    if drawn is None or not rotation or drawn[1] >= 0.5:
        return None if drawn is None else drawn[0]
    shown = _read_frame(page, number, glyphs, display_ctm(rotation, box), box, rotation)
    return shown[0] if shown is not None and shown[1] > drawn[1] else drawn[0]


def _read_frame(page: int, number: int, glyphs: Glyphs, ctm: Matrix,
                box: tuple[float, float, float, float],
                rotation: int = 0) -> tuple[Page, float] | None:
    """The page read through `ctm` (pdfminer's page matrix), and the share of its
    characters that read left to right, the right way up."""
    x0, y0, x1, y1 = box
    width, height = abs(x1 - x0), abs(y1 - y0)
    if rotation in (90, 270):
        width, height = height, width
    order: dict[int, int] = {}
    paths: list[tuple[int, Matrix]] = []
    texts: list[tuple[int, int, Matrix]] = []
    forms: dict[int, Box] = {}  # a text object's order → the clip of the forms around it
    walk_objects(page, api.count_objects(page), api.page_object, ctm, order, paths, texts,
                 forms)
    text_page = api.load_text(page)
    if not text_page:
        return None
    try:
        context = PageContext(height, glyphs, ctm)
        chars, readable = _chars(text_page, order, context, texts, forms)
    finally:
        api.close_text(text_page)
    lines: list[Ruling] = []
    rects: list[Ruling] = []
    for path, matrix in paths:
        path_rulings(segments(path, matrix), height, lines, rects)
    words = chars_to_words(chars, list(context.styles))
    share = readable / len(chars) if chars else 1.0
    visible = visible_of(page, box, height) if ctm == IDENTITY else None
    return Page(number=number, width=width, height=height, words=merge_touching(words),
                rules=lines + rects, visible=visible), share


def _chars(text_page: int, order: dict[int, int], page: PageContext,
           texts: list[tuple[int, int, Matrix]],
           forms: dict[int, Box]) -> tuple[list[Char], int]:
    """The page's characters in content-stream order, with pdfminer's boxes, and how
    many of them read left to right, the right way up; `texts` are the page's text
    objects, for those the text page skips (see pdfium_runs.blank_char)."""
    count = api.count_chars(text_page)
    buffer = ctypes.create_string_buffer(2 * (count + 1))
    text = ""
    if api.get_text(text_page, 0, count, buffer) == count + 1:
        text = buffer.raw[: 2 * count].decode("utf-16-le", "replace")
    if len(text) != count:  # characters beyond the BMP: one by one
        text = "".join(chr(api.unicode(text_page, i)) for i in range(count))
    objects: dict[int, Placed] = {}  # text object → its run and place
    resolve = page.glyphs.resolve
    box = raw.FS_RECTF()
    x, y = c_double(), c_double()
    chars: list[Char] = []
    append = chars.append
    spans: list[tuple[int, int]] = []  # (order of the text object, its first char in chars)
    # the hot loop's PDFium calls, untyped (see pdfium_api.py): their arguments as such
    text_object, origin, loose_box = api.char_text_object, api.char_origin, api.char_loose_box
    page_arg, x_arg, y_arg, box_arg = c_void_p(text_page), byref(x), byref(y), byref(box)
    last_obj = 0
    run: Run | None = None
    plain, scale, top, bottom, style = False, 0.0, 0.0, 0.0, 0
    font_widths: dict[str, Glyph] = {}
    font_known: dict[str, Glyph] = {}
    drift = last_drift = 0.0  # what PDFium's positions lack in this text object (fractions)
    # pdfminer's sums in the text object (see below): its origin, the offset reached
    started, e_obj, x_text, last_adv, ra, size, snap = False, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0
    ta, tb, tc, td, te, tf = page.ctm
    turned = page.ctm != IDENTITY
    readable = reads = 0
    check_run = loose_run = False
    checking = False  # check_run or loose_run: every character needs its loose box
    new_obj = False
    last_x, last_y, last_index = 0.0, 0.0, -2  # of the last plain character
    for index in range(count):
        obj = text_object(page_arg, index)
        if not obj:  # generated by PDFium, not in the file (its spaces: see `blanks`)
            continue
        origin(page_arg, index, x_arg, y_arg)
        xv, yv = x.value, y.value
        if obj != last_obj:
            placed = objects.get(obj)
            if placed is None:
                placed = objects[obj] = place(text_page, index, obj, order.get(obj, -1),
                                              xv, yv, page)
            last_obj = obj
            run, run_order, top, bottom, style = placed
            spans.append((run_order, len(chars)))
            plain, scale, ra, size, snap, reads, font_widths, font_known = run.loop
            check_run, loose_run, checking, new_obj = True, False, True, True
            drift, started = 0.0, False
        char = text[index]
        if (xv == last_x and yv == last_y and index == last_index + 1 and plain
                and not new_obj):
            # A ligature glyph ("ff"): PDFium gives a character per letter, all at the
            # glyph's origin; pdfminer gives one character, as wide as the glyph.
            loose_box(page_arg, index, box_arg)
            last = chars[-1]
            width = box.right - box.left if not turned or ta else box.top - box.bottom
            assert run is not None
            ligature = page.glyphs.ligature(run.name, last[0] + char)
            if ligature is not None:  # the file's width; its fraction, not the letter's
                width = ligature[1] * scale
                drift += (ligature[2] - last_drift) * scale
                last_drift = ligature[2]
            x_text += width / ra - last_adv
            last_adv = width / ra
            chars[-1] = (last[0] + char, last[1], last[1] + width, *last[3:])
            continue
        new_obj = False
        if plain and not turned and not checking and (glyph := font_known.get(char)):
            # The common case, the general one below cut short: a character seen before
            # in the font, with the file's advance width, no TJ number or one (see below)
            text_of, unit, last_drift = glyph
            if started:
                at = (xv + drift - e_obj) / ra
                if not -snap < x_text - at < snap:
                    x_text = at
            else:
                started, e_obj, x_text = True, decimal(xv), 0.0
            x0 = x_text * ra + e_obj
            last_adv = unit * size
            x1 = ra * last_adv + x0
            x_text += last_adv
            if last_drift:
                drift += last_drift * scale
            readable += reads
            append((text_of, x0, x1, top, bottom, style))
            last_x, last_y, last_index = xv, yv, index
            continue
        if plain:
            # The font's advance width, as pdfminer; PDFium's loose box (a call more) only
            # where it is needed: a space (PDFium puts zero-width ones into wide TJ gaps,
            # not in the file), a character's first sight in a font or a text object
            # (the advance must agree with it), and where it did not (a code PDFium cannot
            # map back), unless the file's own width for the character says the same as
            # PDFium's: the file's /W is what places glyphs, and PDFium's loose box may take
            # the font program's advance instead (WeasyPrint's U+2011: 0.715 em, /W 0.333).
            glyph = font_widths.get(char)
            if char == " " or glyph is None or glyph[1] < 0 or checking:
                loose_box(page_arg, index, box_arg)
                loose = box.right - box.left if not turned or ta else box.top - box.bottom
                if loose == 0 and char == " ":
                    continue
                if glyph is None:
                    assert run is not None
                    glyph = resolve(run.font, run.name, char)
                    if (glyph[0] == char and abs(glyph[1] * scale - loose) > 0.25 * loose
                            and not page.glyphs.confirmed(run.name, char, glyph[1])):
                        glyph = (glyph[0], -1.0, 0.0)
                    font_widths[char] = glyph
                    if char != " " and glyph[1] >= 0:
                        font_known[char] = glyph
                text_of, unit, last_drift = glyph
                if check_run and unit >= 0 and text_of == char:  # (PDFium's box: of its char)
                    loose_run = (abs(unit * scale - loose) > 0.25 * loose
                                 and not page.glyphs.confirmed(run.name, char, unit))
                    check_run = False
                    checking = loose_run
                if unit < 0 or loose_run:
                    width, last_drift = loose, 0.0
                else:
                    width = unit * scale
            else:
                text_of, unit, last_drift = glyph
                width = unit * scale
            if turned:
                x0 = xv * ta + yv * tc + te + drift
                x1 = x0 + width
            else:
                # pdfminer's arithmetic, bit for bit where it can be had (bounding boxes
                # round to 0.01 pt): a text object starts at the number the file wrote,
                # and a character right after the last one (no TJ number between them)
                # follows it by its advance, added up in doubles; PDFium adds up in
                # float32 (up to 0.001 pt off). After a TJ number PDFium's position
                # stands: the number cannot be told from float32 noise (Ghostscript
                # writes 0.993796 where LibreOffice writes 1).
                if not started:
                    started, e_obj, x_text = True, decimal(xv), 0.0
                else:
                    at = (xv + drift - e_obj) / ra
                    if not -snap < x_text - at < snap:
                        x_text = at
                x0 = x_text * ra + e_obj
                last_adv = width / ra if unit < 0 or loose_run else unit * size
                x1 = ra * last_adv + x0
                x_text += last_adv
            if last_drift:
                drift += last_drift * scale
            readable += reads
            append((text_of, x0, x1, top, bottom, style))
            last_x, last_y, last_index = xv, yv, index
        else:
            loose_box(page_arg, index, box_arg)
            if box.right == box.left and char == " ":
                continue
            assert run is not None
            readable += reads
            char = resolve(run.font, run.name, char)[0] if char in _REPLACED else char
            fx, fy = xv * ta + yv * tc + te, xv * tb + yv * td + tf
            append(turned_char(char, run, fx, fy, box, page))
    for text_order, obj, outer in texts:  # (sorted into place below)
        if obj not in objects:
            readable += blank_char(text_order, obj, outer, page, chars, spans)
    chars, spans = without_clipped(chars, spans, texts, forms, page.height)
    orders, starts = ([*column] for column in zip(*spans, strict=True)) if spans else ([], [])
    if any(map(operator.gt, orders, orders[1:])):
        # PDFium moved some text objects (and blank ones come last): back to
        # content-stream order (a stable sort of the objects' pieces of `chars`)
        ranked = sorted(range(len(spans)), key=orders.__getitem__)
        ends = [*starts[1:], len(chars)]
        pieces = map(slice, map(starts.__getitem__, ranked), map(ends.__getitem__, ranked))
        chars = list(itertools.chain.from_iterable(map(chars.__getitem__, pieces)))
    return _without_phantom_spaces(chars), readable  # (neighbours in content order)


def _without_phantom_spaces(chars: list[Char]) -> list[Char]:
    """Drop space characters the next glyph overlaps, as the pdfplumber reader does
    (read/pdf.py `_without_phantom_spaces`): Chromium prints every soft hyphen it does
    not break at as such a zero-width space, which is no gap between words."""
    spaces = [i for i, c in enumerate(chars[:-1]) if c[0] == " "]  # (look only there)
    phantom = {i for i in spaces
               if (b := chars[i + 1])[0] != " " and abs((a := chars[i])[3] - b[3]) < 1
               and a[1] - 0.5 <= b[1] < (a[1] + a[2]) / 2}
    for i in sorted(phantom, reverse=True):
        del chars[i]
    return chars
