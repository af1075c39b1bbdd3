"""Plain positioned text: what every reader produces and every later stage consumes.

Coordinates are PDF points with the origin at the page's top-left corner, y growing
downwards (pdfplumber's `top`/`bottom` convention), so "below" means "larger y".
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from operator import attrgetter


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


# Two words on a line whose boxes touch are one printed word, split by the readers at a
# change of font (a line-end hyphen drawn from a fallback font): only a gap is a space.
# A change of weight between letters stays a boundary ("forvaltning:" bold, then the
# department). A space is about a quarter em wide, a kerning or rounding gap a few
# hundredths of one; a tenth of the font size lies well between.
_TOUCHING = 0.1  # of the font size


def merge_touching(words: Iterable[Word]) -> list[Word]:
    """Join each word to the one before it on its line when their boxes touch.

    The joined word keeps the line geometry, weight and size of its part with more
    letters, so a hyphen from another font neither lifts the line nor unbolds a title.
    """
    out: list[Word] = []
    for word in words:
        if out and _touch(out[-1], word):
            out[-1] = _joined(out[-1], word)
        else:
            out.append(word)
    return out


def _touch(left: Word, right: Word) -> bool:
    size = min(left.size, right.size) or min(left.bottom - left.top, right.bottom - right.top)
    if left.bold != right.bold and _letters(left.text) and _letters(right.text):
        return False  # a bold label run straight into its value: the weight is the boundary
    return (abs(right.x0 - left.x1) <= _TOUCHING * size
            and right.top < left.bottom and left.top < right.bottom)


def _joined(left: Word, right: Word) -> Word:
    main = right if _letters(right.text) > _letters(left.text) else left
    return Word(left.text + right.text, left.x0, max(left.x1, right.x1), main.top,
                main.bottom, main.bold, main.size)


def _letters(text: str) -> int:
    return sum(ch.isalnum() for ch in text)


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


_TEXT, _X1, _TOP, _BOTTOM = (attrgetter(a) for a in ("text", "x1", "top", "bottom"))


@dataclass(frozen=True)
class Line:
    """Words sharing a baseline, left to right."""

    words: tuple[Word, ...]
    page: int

    @property
    def text(self) -> str:
        return " ".join(map(_TEXT, self.words))

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return max(map(_X1, self.words))

    @property
    def top(self) -> float:
        return min(map(_TOP, self.words))

    @property
    def bottom(self) -> float:
        return max(map(_BOTTOM, self.words))

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
    # the part a viewer shows (the CropBox), as (top, bottom), where it is less than the page
    visible: tuple[float, float] | None = None

    @property
    def shown(self) -> tuple[float, float]:
        """Top and bottom of what a viewer shows: the page margins are measured in it."""
        return self.visible if self.visible is not None else (0.0, self.height)


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
