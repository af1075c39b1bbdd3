"""A table without rules and without a caption inside running text: its lines stand in columns.

No parser reads such a grid (the "Fase 1 / Fase 2 / Fase 3" table of a description), so
nothing but its print tells it from the text around it. Running text is one column: the
words of a line stand a space apart and every line starts at the left margin (a list
item's text a marker's width in). A grid's lines hold cells far apart ("Fase 1 - Den unge
flytter ind" … "Fase 2 - Botræning"), or start in a later column where only that column's
cell goes on (justified running text stretches its spaces, but all alike, and reaches
the right margin). Two or more lines with cells far apart, with at most a few lines between
them, make a grid; those lines and the ones between are not section text.
"""

from __future__ import annotations

import itertools

import regex

from extractor.parse.paragraphs import SHORT_LINE
from extractor.read.page import Line

_CELL_GAP = 1.0  # × font size: wider than any space of justified running text
_LATER_COLUMN = 0.2  # a line starting this share of the text width right of the margin
_NEAR = 3  # cell lines at most this many lines apart belong to one grid
_MARKER = regex.compile(r"^(?:[•▪●◦■\-–]|\d{1,2}[.)]|\p{L}\))$")  # list markers: their gap is a tab


def without_grids(lines: list[Line]) -> list[Line]:
    """The lines that are not part of a grid (see the module docstring)."""
    dropped: set[int] = set()
    for _, group in itertools.groupby(range(len(lines)), key=lambda i: lines[i].page):
        indices = list(group)
        page_lines = [lines[i] for i in indices]
        left = min(ln.x0 for ln in page_lines)
        width = max(ln.x1 for ln in page_lines) - left
        right = left + width
        cells = [i for i in indices if _has_cells(lines[i], right)]
        later = [i for i in indices if lines[i].x0 > left + _LATER_COLUMN * width]
        marks = sorted({*cells, *later})
        for block in _blocks(marks):
            if sum(1 for i in block if i in cells) >= 2:
                dropped.update(range(block[0], block[-1] + 1))
    return [ln for i, ln in enumerate(lines) if i not in dropped]


def _has_cells(line: Line, right: float) -> bool:
    """A gap wider than the font size that justification does not explain: a justified
    line reaches the right margin with all its spaces stretched alike, so a wide gap there
    must stand beside narrow ones."""
    gaps = [(b.x0 - a.x1, max(a.size, b.size, 1.0))
            for n, (a, b) in enumerate(itertools.pairwise(line.words))
            if not (n == 0 and _MARKER.match(a.text))]
    if not any(gap > _CELL_GAP * size for gap, size in gaps):
        return False
    if line.x1 < right - SHORT_LINE:  # not justified
        return True
    widths = [gap for gap, _ in gaps]
    return max(widths) > 2 * min(widths) + 1


def _blocks(marks: list[int]) -> list[list[int]]:
    blocks: list[list[int]] = []
    for i in marks:
        if blocks and i - blocks[-1][-1] <= _NEAR:
            blocks[-1].append(i)
        else:
            blocks.append([i])
    return blocks
