"""The front-page table: "Kort resumé:" and "Fremstillende forvaltning:" with their texts.

The table is borderless, two columns: the bold label on the left, the text on
the right. The right column starts where the first word after the label on
the "Kort resumé:" line starts; every word from there rightwards is cell text.
A label cell ends with a colon and may wrap ("Fremstillende" / "forvaltning:");
a text belongs to the label row whose first line stands at or above it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from extractor.read.page import Line, Word
from extractor.read.text_lines import collapse_spaces, join_lines, words_to_lines
from extractor.segment.layout import Position, ProposalLayout, Region

_SLACK = 2.0  # pt


@dataclass
class _Cell:
    top: float
    page: int
    label: list[str] = field(default_factory=list)
    words: list[Word] = field(default_factory=list)
    closed: bool = False  # the label has reached its colon


def parse_front_page(layout: ProposalLayout,
                     vocabulary: frozenset[str]) -> tuple[str | None, str | None]:
    """(summary, department) from the table that starts at the "Kort resumé" line."""
    resume = layout.resume_line
    first_heading = min((h.position for h in layout.headings), default=layout.end)
    region = Region(Position(resume.page, resume.top - 0.5), first_heading, layout.pages)
    column = _text_column(resume, region.lines())
    if column is None:
        return None, None
    cells: list[_Cell] = []
    for line in region.lines():
        label_words = [w for w in line.words if w.x1 <= column + _SLACK and w.x0 < column - _SLACK]
        text_words = [w for w in line.words if w not in label_words]
        if label_words:
            if not cells or cells[-1].closed:
                cells.append(_Cell(line.top, line.page))
            cells[-1].label.append(" ".join(w.text for w in label_words))
            cells[-1].closed = label_words[-1].text.endswith(":")
        if text_words and cells:
            cells[-1].words += text_words
    summary = department = None
    for cell in cells:
        label = collapse_spaces(" ".join(cell.label))
        text = join_lines([ln.text for ln in words_to_lines(cell.words, cell.page)], vocabulary)
        if layout.template.resume.match(label) and summary is None:
            summary = text or None
        elif layout.template.department.match(label) and department is None:
            department = text or None
    return summary, department


def _text_column(resume: Line, lines: list[Line]) -> float | None:
    """x where the right column starts: the first word after the label's colon.

    When the summary starts on the line below its label, the column starts
    where the next line's first word right of the label does.
    """
    words = list(resume.words)
    colon = next((i for i, w in enumerate(words) if w.text.endswith(":")), None)
    if colon is None:
        return None
    if colon + 1 < len(words):
        return words[colon + 1].x0
    label_end = words[colon].x1
    later = [w.x0 for ln in lines if ln.top > resume.top for w in ln.words if w.x0 > label_end]
    return min(later, default=None)
