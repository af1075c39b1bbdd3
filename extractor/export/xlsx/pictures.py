"""`--snips`: each finding's page picture embedded beside its row on the Fund sheet.

The same picture as in the HTML report (`export/snips.py`), several pages one above
the other, shown at a fixed width so a row of the sheet stays readable; the row grows
to the picture's height.
"""

from __future__ import annotations

import io

from openpyxl.drawing.image import Image as SheetImage
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from extractor.export.snips import one_picture, open_snips, table_context
from extractor.models import ExtractionResult, Finding

_WIDTH_PX = 480  # shown width in the sheet (the PNG keeps its own resolution)
_MAX_HEIGHT_PX = 540  # Excel's tallest row is 409 pt; a picture stays below it


def add_pictures(ws: Worksheet, result: ExtractionResult, rows: list[Finding],
                 column: int, first_row: int = 2) -> None:
    """Each finding's picture in `column`, on the row where `rows` (from `first_row`)
    put it."""
    pictures: dict[int, bytes] = {}
    for doc in result.documents:
        with open_snips(doc) as maker:
            for proposal in doc.proposals:
                context = table_context(proposal.economy)
                for f in proposal.findings:
                    snips = maker.snips(f.location.evidence, context)
                    if snips:
                        pictures[id(f)] = one_picture(snips).png
    letter = get_column_letter(column)
    ws.column_dimensions[letter].width = _WIDTH_PX / 7
    for row, f in enumerate(rows, start=first_row):
        png = pictures.get(id(f))
        if png is None:
            continue
        image = SheetImage(io.BytesIO(png))
        scale = min(_WIDTH_PX / image.width, _MAX_HEIGHT_PX / image.height)
        image.width, image.height = round(image.width * scale), round(image.height * scale)
        ws.add_image(image, f"{letter}{row}")
        height = image.height * 0.75 + 4  # points
        current = ws.row_dimensions[row].height or 15
        ws.row_dimensions[row].height = max(current, height)
