"""The administrative annex: the innovation-proposal checkbox and the hearing tables 4 and 6.

Checkbox: after "… innovationsforslag:" come one or more boxes, ☐ (empty) or
☒/☑ (checked; pdfplumber gives these characters for the sample PDFs), each
followed on its line by its label ("Ja"/"Nej"), which may be missing. The
answer is the checked box's own label; when that box has no label and there
are exactly two boxes, the other box's label names the other answer. Anything
else (no checked box, two checked, no usable label) is null.

Hearings (Tabel 4 "Godkendelse af Center for Økonomi", Tabel 6 "Høring og
inddragelse …"): three columns, body | Ja/Nej | date, read by geometry
(`ruled_table.py`); the header's first cell is empty. "Ja"/"Nej" → true/false,
anything else null; the date is a Danish date ("23. januar 2026") or null.
"""

from __future__ import annotations

import datetime as dt

from extractor.models import Hearing
from extractor.numbers import ParseError, parse_danish_date
from extractor.parse.ruled_table import Table, read_table
from extractor.read.page import Line
from extractor.read.text_lines import collapse_spaces
from extractor.segment.layout import ProposalLayout
from extractor.template import Template

# Unicode ballot boxes (MS Gothic, as Word's checkbox control writes them), and the
# Wingdings glyphs pdfplumber reports as private-use characters (U+F000 + code).
_EMPTY_BOX = "☐□\uf06f\uf0a8"
_CHECKED_BOX = "☒☑■\uf078\uf0fd\uf0fe"


def parse_innovation(lines: list[Line], template: Template) -> bool | None:
    """The Ja/Nej answer from the boxes after the "… innovationsforslag:" label."""
    for i, line in enumerate(lines):
        m = template.innovation.search(line.text)
        if m is None:
            continue
        boxes = _boxes(line.text[m.end():])
        for following in lines[i + 1:]:
            found = _boxes(following.text)
            if not found:
                break
            boxes += found
        if boxes:
            return _decide(boxes, template)
    return None


def _boxes(text: str) -> list[tuple[bool, str]]:
    """(checked, label) per box in the text, in order."""
    out: list[tuple[bool, str]] = []
    current: list[str] | None = None
    for ch in text:
        if ch in _EMPTY_BOX or ch in _CHECKED_BOX:
            out.append((ch in _CHECKED_BOX, ""))
            current = []
            continue
        if current is not None:
            current.append(ch)
            out[-1] = (out[-1][0], collapse_spaces("".join(current)))
    return out


def answer(label: str, template: Template) -> bool | None:
    """"Ja" → True, "Nej" → False (as the template words them), anything else None."""
    if template.yes_answer.match(label):
        return True
    if template.no_answer.match(label):
        return False
    return None


def _decide(boxes: list[tuple[bool, str]], template: Template) -> bool | None:
    checked = [i for i, (on, _) in enumerate(boxes) if on]
    if len(checked) != 1:
        return None
    own = answer(boxes[checked[0]][1], template)
    if own is not None:
        return own
    if len(boxes) == 2:
        other = answer(boxes[1 - checked[0]][1], template)
        if other is not None:
            return not other
    return None


def hearing_tables(layout: ProposalLayout, vocabulary: frozenset[str]) -> list[tuple[int, Table]]:
    """Tabel 4 and 6 as read; their extents tell the section texts which lines are theirs."""
    tables = []
    for number in layout.template.hearing_tables:
        caption = layout.table(number)
        if caption is None:
            continue
        table = read_table(layout.region_after(caption), caption, vocabulary,
                           first_column_empty=True)
        if table is not None:
            tables.append((number, table))
    return tables


def parse_hearings(tables: list[tuple[int, Table]], vocabulary: frozenset[str],
                   template: Template) -> list[Hearing]:
    hearings: list[Hearing] = []
    for number, table in tables:
        if len(table.header) < 3:
            continue
        for row in table.rows:
            body = row.text(0, vocabulary)
            if not body:
                continue
            hearings.append(Hearing(table=number, body=body,
                                    answer=answer(row.text(1, vocabulary), template),
                                    date=hearing_date(row.text(2, vocabulary))))
    return hearings


def hearing_date(text: str | None) -> dt.date | None:
    """The answer's date, or None where the cell is empty or not a Danish date."""
    try:
        return parse_danish_date(text) if text else None
    except ParseError:
        return None
