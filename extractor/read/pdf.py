"""PDF file → pages of positioned words and ruling lines.

The reference reader: the only module that imports pdfplumber; `pdfium.py` is the
faster default and must give the same pages (tests/test_readers_agree.py).
It also turns pdfplumber's many failure modes into the contract's error codes:
whatever the library raises on a file's bytes means a damaged file (`corrupt`). Only the
library's own calls are guarded so; an error in the code here that turns the library's
output into pages is a bug, and reaches `extract_file` as `internal_error`.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfplumber.utils.exceptions import PdfminerException

from extractor.errors import CorruptError, EncryptedError
from extractor.read.char_words import Char, Style, chars_to_words
from extractor.read.page import Page, Ruling, Word, merge_touching
from extractor.read.pdf_clip import lay_out
from extractor.read.pdf_file import check_pdf_file, describe, is_bold

_THIN = 2.0  # a rectangle thinner than this (pt) is drawn as a rule


def read_pdf(path: Path) -> list[Page]:
    """Read every page; raise an ExtractorError subclass when the file cannot be read."""
    check_pdf_file(path)
    with _library_errors(path):
        pdf = pdfplumber.open(path)
    try:
        with _library_errors(path):
            library_pages = list(pdf.pages)
        pages = []
        for number, page in enumerate(library_pages, start=1):
            with _library_errors(path):
                page = _upright(pdf, page)
                visible = None if page.rotation else _visible(page)
                page = _without_phantom_spaces(page)
                words = _words(page)
                lines, rects = page.lines, page.rects
                size = (float(page.width), float(page.height))
            read = _to_page(number, size, words, lines, rects)
            read.visible = visible
            pages.append(read)
        return pages
    finally:
        with _library_errors(path):
            pdf.close()


@contextmanager
def _library_errors(path: Path) -> Iterator[None]:
    """pdfplumber's (and pdfminer's) exceptions on this file → the contract's errors."""
    try:
        yield
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise EncryptedError(path) from exc
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError):
            raise EncryptedError(path) from exc
        if isinstance(cause, MemoryError):
            raise cause from exc  # the batch runner's memory bound: not a damaged file
        raise CorruptError(path, describe(cause)) from exc
    except MemoryError:
        raise  # the batch runner's memory bound: not a damaged file
    except Exception as exc:
        # Whatever else the PDF library raises here comes from this file's bytes (the
        # fuzz tests found MalformedPDFException, PDFSyntaxError, ValueError, KeyError,
        # RecursionError, …): a damaged file, not a bug of ours.
        raise CorruptError(path, describe(exc)) from exc


def _upright(pdf: pdfplumber.PDF, page: pdfplumber.page.Page) -> pdfplumber.page.Page:
    """The page in the orientation its text reads in.

    A page with /Rotate 90 (a scanner's or a printer driver's setting) is turned by
    pdfplumber as a viewer shows it; when its text was set upright on the unrotated
    page, every word then runs top to bottom and no proposal is found. Such a page is
    read without the rotation first (one layout analysis in that common case), and as
    rotated only when the rotation is what makes its text upright.
    """
    if not page.rotation:
        return lay_out(page)
    page_obj = page.page_obj
    rotation, attr = page_obj.rotate, page_obj.attrs.get("Rotate")
    page_obj.rotate = 0
    page_obj.attrs["Rotate"] = 0
    unrotated = pdfplumber.page.Page(pdf, page_obj, page_number=page.page_number,
                                     initial_doctop=page.initial_doctop)
    share = _upright_share(lay_out(unrotated))
    page_obj.rotate = rotation  # the rotated page, if wanted, lays out as displayed
    if attr is None:
        page_obj.attrs.pop("Rotate", None)
    else:
        page_obj.attrs["Rotate"] = attr
    if share >= 0.5:
        return unrotated
    return page if _upright_share(lay_out(page)) > share else unrotated


def _visible(page: pdfplumber.page.Page) -> tuple[float, float] | None:
    """(top, bottom) of what a viewer shows (the CropBox) in the frame of the characters'
    tops, where it is not (0, page height): a CropBox hiding part of the MediaBox, or a
    MediaBox that does not start at 0."""
    _, top, _, bottom = (float(v) for v in page.cropbox)
    if abs(top) < 0.01 and abs(bottom - float(page.height)) < 0.01:
        return None
    return top, bottom


def _upright_share(page: pdfplumber.page.Page) -> float:
    """Share of characters that read left to right, the right way up (a page turned by
    180° has upright characters too, but their matrix runs backwards)."""
    chars = page.chars
    if not chars:
        return 1.0
    return sum(bool(c.get("upright")) and c.get("matrix", (1,))[0] > 0 for c in chars) / len(chars)


def _without_phantom_spaces(page: pdfplumber.page.Page) -> pdfplumber.page.Page:
    """Drop space characters the next glyph overlaps: not a gap between words.

    Chromium prints every soft hyphen it does not break at as such a zero-width space,
    which split "Social\u00adforvaltningen" into "Social forvaltningen".
    """
    chars = page.chars
    phantom = {id(a) for a, b in itertools.pairwise(chars)
               if a["text"] == " " and b["text"] != " " and abs(a["top"] - b["top"]) < 1
               and a["x0"] - 0.5 <= b["x0"] < (a["x0"] + a["x1"]) / 2}
    return page.filter(lambda o: id(o) not in phantom) if phantom else page


def _words(page: pdfplumber.page.Page) -> list[Word]:
    """pdfplumber's characters grouped into words by `char_words`, the rules the PDFium
    reader applies too (pdfplumber's own `extract_words` with its defaults, except that
    a space-wide gap ends a word also where the file writes no space character)."""
    styles: dict[tuple[bool, str, float], int] = {}
    chars: list[Char] = []
    for c in page.chars:
        key = (bool(c.get("upright", True)), str(c.get("fontname", "")), float(c["size"]))
        style = styles.setdefault(key, len(styles))
        chars.append((c["text"], float(c["x0"]), float(c["x1"]), float(c["top"]),
                      float(c["bottom"]), style))
    fonts: dict[str, int] = {}
    return chars_to_words(chars, [Style(upright, fonts.setdefault(font, len(fonts)), size,
                                        is_bold(font))
                                  for upright, font, size in styles])


def _to_page(number: int, size: tuple[float, float], words: list[Word],
             lines: list[dict[str, Any]], rects: list[dict[str, Any]]) -> Page:
    """The words, and the library's lines and rectangles, as plain `Page` data."""
    thin_rects = [o for o in rects if min(o["width"], o["height"]) < _THIN]
    rules = [Ruling(float(o["x0"]), float(o["x1"]), float(o["top"]), float(o["bottom"]))
             for o in [*lines, *thin_rects]]
    return Page(number=number, width=size[0], height=size[1], words=merge_touching(words),
                rules=rules)

