"""Plain positioned text: what every reader produces and every later stage consumes.

Coordinates are PDF points with the origin at the page's top-left corner, y growing
downwards (pdfplumber's `top`/`bottom` convention), so "below" means "larger y".
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    bold: bool = False
    size: float = 0.0

    @property
    def x_mid(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass(frozen=True)
class Ruling:
    """A horizontal or vertical ruling line (a table border), from lines or thin rectangles."""

    x0: float
    x1: float
    top: float
    bottom: float

    @property
    def horizontal(self) -> bool:
        return (self.x1 - self.x0) >= (self.bottom - self.top)


@dataclass(frozen=True)
class Line:
    """Words sharing a baseline, left to right."""

    words: tuple[Word, ...]
    page: int

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def bold(self) -> bool:
        return all(w.bold for w in self.words if w.text.strip())


@dataclass
class Page:
    number: int  # 1-based, in the file
    width: float
    height: float
    words: list[Word]
    rules: list[Ruling] = field(default_factory=list)
    furniture: list[Line] = field(default_factory=list)  # header/footer lines removed from `words`


def bbox_of(items: Iterable[Word | Line]) -> list[float]:
    """[x0, top, x1, bottom] around words or lines, rounded outwards to 0.01 pt, so the box
    still holds every glyph it was made from (the JSON keeps it short). A coordinate
    within float noise of the grid (_GRID_SLACK) is on it: 85.19999999 is the 85.2 the
    file wrote, whichever reader computed it (PDFium's float32 or pdfminer's doubles)."""
    boxes = list(items)
    return [_down(min(b.x0 for b in boxes)), _down(min(b.top for b in boxes)),
            _up(max(b.x1 for b in boxes)), _up(max(b.bottom for b in boxes))]


_GRID_SLACK = 0.05  # of a 0.01 pt step: 0.0005 pt, far above float32 noise on a page


def _down(value: float) -> float:
    return math.floor(value * 100 + _GRID_SLACK) / 100


def _up(value: float) -> float:
    return math.ceil(value * 100 - _GRID_SLACK) / 100
