"""pdfplumber's page layout with the characters clip paths hide left out.

pdfminer, under pdfplumber, reads `W` and `W*` (set the clip path) as no-ops, so text
painted outside the clip comes out as if printed (see read/clipping.py for the rule
and why it matters). The interpreter here keeps the clip box in the graphics state
(saved and restored by q/Q, inherited by form XObjects) and takes the characters a
text operator produced out of the layout again when the clip hides them; pdfplumber
then never sees them. Ruling lines are not clipped (the PDFium reader does the same).
"""

from __future__ import annotations

from typing import Any

import pdfplumber
from pdfminer.layout import LTChar
from pdfminer.pdfinterp import PDFPageInterpreter
from pdfminer.utils import apply_matrix_pt
from pdfplumber.page import PDFPageAggregatorWithMarkedContent
from pdfplumber.utils.exceptions import PdfminerException

from extractor.read.clipping import Box, bounds, hidden, intersect


class ClippingInterpreter(PDFPageInterpreter):
    """pdfminer's interpreter, keeping the clip box in force (device space)."""

    clip: Box | None = None
    _inherited: Box | None = None

    def init_state(self, ctm: Any) -> None:
        super().init_state(ctm)
        self.clip = self._inherited
        self._clips: list[Box | None] = []

    def dup(self) -> PDFPageInterpreter:
        """A form XObject's interpreter starts under the clip of the page drawing it."""
        interpreter = super().dup()
        assert isinstance(interpreter, ClippingInterpreter)
        interpreter._inherited = self.clip
        return interpreter

    def do_q(self) -> None:
        self._clips.append(self.clip)
        super().do_q()

    def do_Q(self) -> None:
        if self.gstack:
            self.clip = self._clips.pop() if self._clips else None
        super().do_Q()

    def do_W(self) -> None:
        # The path takes effect as clip once it is painted (or not: `n`); nothing can be
        # drawn in between, so it is applied at once.
        points = [apply_matrix_pt(self.ctm, (float(s[-2]), float(s[-1])))
                  for s in self.curpath if len(s) >= 3]
        box = bounds(points)
        if box is not None:
            self.clip = intersect(self.clip, box)

    def do_W_a(self) -> None:
        self.do_W()

    def do_TJ(self, seq: Any) -> None:
        clip = self.clip
        if clip is None:
            super().do_TJ(seq)
            return
        items = self.device.cur_item._objs
        start = len(items)
        super().do_TJ(seq)
        if len(items) > start:
            items[start:] = [o for o in items[start:]
                             if not (isinstance(o, LTChar) and hidden(*o.bbox, clip))]


def lay_out(page: pdfplumber.page.Page) -> pdfplumber.page.Page:
    """Give `page` its layout read by the clipping interpreter; pdfplumber's own
    `layout` property (which would read the page again, clips ignored) then keeps it."""
    if hasattr(page, "_layout"):
        return page
    device = PDFPageAggregatorWithMarkedContent(page.pdf.rsrcmgr, pageno=page.page_number,
                                                laparams=page.pdf.laparams)
    interpreter = ClippingInterpreter(page.pdf.rsrcmgr, device)
    try:
        interpreter.process_page(page.page_obj)
    except Exception as exc:
        raise PdfminerException(exc) from exc
    page._layout = device.get_result()
    return page
