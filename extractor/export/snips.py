"""Evidence → small PNG pictures of the page region, the places highlighted.

A finding is checked fastest by looking at the printed page: the picture shows
the region around the evidence with the wrong value outlined in red and the
places it was compared with in blue. pypdfium2 renders the page (it comes with
pdfplumber), Pillow crops and draws; the only module that imports either.

The region spans the page's text width, so a Tabel 1 cell is seen with its row
label; `context` (e.g. the table's year header) widens it upwards when that
keeps the picture small. One picture per page the evidence touches, in the
order the evidence names them. PNGs are palette images to stay small enough to
mail inside a report.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pypdfium2
from PIL import Image, ImageDraw

from extractor.models import DocumentResult, Economy, Evidence

SCALE = 1.5  # pixels per PDF point: small text stays legible, pictures stay small
_MARGIN_Y = 22.0  # pt above and below the evidence: a line of text either side
_SIDE = 48.0  # pt: the region's left/right edge at most this far in from the page edge
_MAX_HEIGHT = 380.0  # pt: context is added only while the region stays this tall
_WRONG = (214, 39, 40)
_COMPARED = (31, 119, 180)
_COLOURS = 48


@dataclass(frozen=True)
class Snip:
    page: int
    png: bytes
    width: int
    height: int


class SnipMaker:
    """Renders pages of one PDF at most once each; use as a context manager."""

    def __init__(self, path: Path) -> None:
        self._pdf = pypdfium2.PdfDocument(str(path))
        self._pages: dict[int, Image.Image] = {}

    def __enter__(self) -> SnipMaker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._pages.clear()
        self._pdf.close()

    def snips(self, evidence: Sequence[Evidence],
              context: dict[int, tuple[float, float]] | None = None) -> list[Snip]:
        """One picture per page of the evidence. `context[page]` is a band (top, bottom in
        pt) to show too, such as a table's year header: the region reaches up to it when
        that keeps the picture small, else the band is shown as a strip on top."""
        order: list[int] = []
        for e in evidence:
            if e.page is not None and e.bbox is not None and e.page not in order:
                order.append(e.page)
        out = []
        for page in order:
            if not 1 <= page <= len(self._pdf):
                continue
            try:
                out.append(self._snip(page, evidence, (context or {}).get(page)))
            except MemoryError:
                raise
            except Exception:  # a page pdfium cannot render: the report goes on without it
                continue
        return out

    def _render(self, page: int) -> Image.Image:
        if page not in self._pages:
            self._pages[page] = self._pdf[page - 1].render(scale=SCALE).to_pil().convert("RGB")
        return self._pages[page]

    def _snip(self, page: int, evidence: Sequence[Evidence],
              context: tuple[float, float] | None) -> Snip:
        image = self._render(page)
        width, height = image.size[0] / SCALE, image.size[1] / SCALE
        wrong = wrong_places(evidence)
        here = [(i, e.bbox) for i, e in enumerate(evidence) if e.page == page and e.bbox]
        top = min(b[1] for _, b in here) - _MARGIN_Y
        bottom = max(b[3] for _, b in here) + _MARGIN_Y
        strip = None
        if context is not None and context[0] < top:
            if bottom - context[0] <= _MAX_HEIGHT:
                top = context[0] - 4
            else:
                strip = (context[0] - 3, context[1] + 3)
        left = min(_SIDE, min(b[0] for _, b in here) - 6)
        right = max(width - _SIDE, max(b[2] for _, b in here) + 6)
        region = (max(0.0, left), max(0.0, top), min(width, right), min(height, bottom))
        crop = image.crop(tuple(round(v * SCALE) for v in region))
        draw = ImageDraw.Draw(crop)
        for i, (x0, y0, x1, y1) in reversed(here):  # the wrong place drawn last, on top
            colour = _WRONG if i < wrong else _COMPARED
            box = [(x0 - region[0] - 2) * SCALE, (y0 - region[1] - 2) * SCALE,
                   (x1 - region[0] + 2) * SCALE, (y1 - region[1] + 2) * SCALE]
            draw.rectangle(box, outline=colour, width=3 if i < wrong else 2)
        if strip is not None:
            crop = _stacked(image.crop(tuple(round(v * SCALE) for v in
                                             (region[0], strip[0], region[2], strip[1]))), crop)
        small = crop.quantize(colors=_COLOURS, method=Image.Quantize.MEDIANCUT)
        buffer = io.BytesIO()
        small.save(buffer, format="PNG", optimize=True)
        return Snip(page=page, png=buffer.getvalue(), width=crop.size[0], height=crop.size[1])


def wrong_places(evidence: Sequence[Evidence]) -> int:
    """How many leading places are the wrong one: the first, and the places printed on
    the same line after it (a total row whose sum over the years is wrong)."""
    if not evidence or evidence[0].bbox is None:
        return min(1, len(evidence))
    first = evidence[0]
    n = 1
    while (n < len(evidence) and evidence[n].page == first.page and evidence[n].bbox
           and abs(evidence[n].bbox[1] - first.bbox[1]) < 1.0
           and evidence[n].bbox[0] > evidence[n - 1].bbox[0]):
        n += 1
    return n


class NoPictures:
    """Stands in for a SnipMaker when the PDF cannot be opened again (moved, or text input)."""

    def __enter__(self) -> NoPictures:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def snips(self, evidence: object, context: object = None) -> list[Snip]:
        return []


def open_snips(doc: DocumentResult) -> SnipMaker | NoPictures:
    """Pictures for a document's findings, read again from its path as given."""
    path = Path(doc.file)
    if doc.pages is None or not path.is_file():
        return NoPictures()
    try:
        return SnipMaker(path)
    except Exception:  # a file changed since it was read: the report goes on without pictures
        return NoPictures()


def table_context(economy: Economy | None) -> dict[int, tuple[float, float]]:
    """The year header's band on its page, so a picture of a Tabel 1 cell shows its year."""
    if economy is None or economy.header is None:
        return {}
    box = economy.header.bbox
    return {economy.header.page: (box[1], box[3])}


def one_picture(snips: Sequence[Snip]) -> Snip:
    """Several pages' pictures one above the other (for a spreadsheet cell)."""
    if len(snips) == 1:
        return snips[0]
    images = [Image.open(io.BytesIO(s.png)).convert("RGB") for s in snips]
    out = images[0]
    for image in images[1:]:
        out = _stacked(out, image)
    buffer = io.BytesIO()
    out.quantize(colors=_COLOURS, method=Image.Quantize.MEDIANCUT).save(
        buffer, format="PNG", optimize=True)
    return Snip(page=snips[0].page, png=buffer.getvalue(), width=out.size[0],
                height=out.size[1])


def _stacked(header: Image.Image, body: Image.Image) -> Image.Image:
    """One picture above the other, parted by a grey dashed line (the page goes on
    between them, or another page follows)."""
    gap = 9
    width = max(header.size[0], body.size[0])
    out = Image.new("RGB", (width, header.size[1] + gap + body.size[1]), "white")
    out.paste(header, (0, 0))
    out.paste(body, (0, header.size[1] + gap))
    draw = ImageDraw.Draw(out)
    y = header.size[1] + gap // 2
    for x in range(0, out.size[0], 12):
        draw.line([(x, y), (x + 6, y)], fill=(150, 150, 150), width=1)
    return out
