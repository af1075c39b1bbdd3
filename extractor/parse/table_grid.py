"""Table geometry shared by the table parsers: rules → row spans, x-bands → cells.

Word tables saved as PDF draw their borders as short line segments or thin
rectangles, one per cell edge. Horizontal segments at the same height are
merged; a merged rule that crosses most of the table's width separates rows.
Without rules, rows fall back to vertical gaps between text lines.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field

from extractor.read.page import Line, Page, Word
from extractor.read.text_lines import words_to_lines

_SAME_Y = 1.6  # pt: rule segments closer than this are one rule
_MIN_ROW_HEIGHT = 3.0  # pt: thinner spans between rules are double borders, not rows
_ROW_COVER = 0.5  # a rule must cover this share of the table width to split rows


@dataclass(frozen=True)
class Band:
    """A column: everything whose horizontal centre lies in [x0, x1)."""

    name: str
    x0: float
    x1: float

    def has_centre_of(self, word: Word) -> bool:
        return self.x0 <= word.x_mid < self.x1

    def encloses(self, word: Word, slack: float = 1.5) -> bool:
        return self.x0 - slack <= word.x0 and word.x1 <= self.x1 + slack


@dataclass
class Row:
    page: int
    top: float
    bottom: float
    words: list[Word] = field(default_factory=list)
    ruled: bool = True  # framed by rules; False: told apart by the gaps between lines

    def lines(self) -> list[Line]:
        return words_to_lines(self.words, self.page)

    def in_band(self, band: Band) -> list[Word]:
        return [w for w in self.words if band.has_centre_of(w)]


def horizontal_rule_ys(page: Page, x0: float, x1: float, top: float, bottom: float) -> list[float]:
    """Heights of the rules inside the box that cross most of its width, top to bottom."""
    width = max(x1 - x0, 1.0)
    segments = sorted(
        (r for r in page.rules
         if r.horizontal and top - 1 <= r.top <= bottom + 1 and r.x1 > x0 and r.x0 < x1),
        key=lambda r: r.top,
    )
    clusters: list[list[tuple[float, float, float]]] = []
    for r in segments:
        y = (r.top + r.bottom) / 2
        if clusters and y - clusters[-1][-1][0] <= _SAME_Y:
            clusters[-1].append((y, max(r.x0, x0), min(r.x1, x1)))
        else:
            clusters.append([(y, max(r.x0, x0), min(r.x1, x1))])
    ys = []
    for cluster in clusters:
        if _covered(sorted((a, b) for _, a, b in cluster)) >= _ROW_COVER * width:
            ys.append(sum(y for y, _, _ in cluster) / len(cluster))
    return ys


def vertical_rule_xs(page: Page, x0: float, x1: float, top: float, bottom: float) -> list[float]:
    """x-positions of vertical rules that stand inside the box (column borders)."""
    xs = sorted((r.x0 + r.x1) / 2 for r in page.rules
                if not r.horizontal and x0 - 2 <= r.x0 <= x1 + 2
                and r.bottom > top and r.top < bottom)
    merged: list[float] = []
    for x in xs:
        if merged and x - merged[-1] <= _SAME_Y:
            continue
        merged.append(x)
    return merged


def _covered(spans: Sequence[tuple[float, float]]) -> float:
    total, end = 0.0, float("-inf")
    for a, b in spans:
        if b <= end:
            continue
        total += b - max(a, end)
        end = b
    return total


def rows_between_rules(
    page: int, words: list[Word], ys: list[float]
) -> tuple[list[Row], list[Word]]:
    """Split words into the rows the rules frame; words outside every row come back apart."""
    rows = [Row(page, a, b) for a, b in itertools.pairwise(ys) if b - a >= _MIN_ROW_HEIGHT]
    outside: list[Word] = []
    for w in words:
        mid = (w.top + w.bottom) / 2
        row = next((r for r in rows if r.top <= mid < r.bottom), None)
        if row is None:
            outside.append(w)
        else:
            row.words.append(w)
    return rows, outside


def rows_from_gaps(page: int, words: list[Word], starts_row: callable) -> list[Row]:
    """Rows for a table without rules: a new row where `starts_row(line, previous)` says so."""
    rows: list[Row] = []
    previous: Line | None = None
    for line in words_to_lines(words, page):
        if not rows or starts_row(line, previous, rows[-1]):
            rows.append(Row(page, line.top, line.bottom, ruled=False))
        rows[-1].words.extend(line.words)
        rows[-1].bottom = max(rows[-1].bottom, line.bottom)
        previous = line
    return rows


def line_gap(line: Line, previous: Line | None) -> float:
    return 0.0 if previous is None else line.top - previous.bottom
