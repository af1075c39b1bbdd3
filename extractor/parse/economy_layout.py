"""When Tabel 1's layout itself cannot be read: say so instead of guessing.

Two cases. A rule-less table with no gap between its rows, whose wrapped labels could
belong to the row above as well as below. And text that runs from one column into the
next so that no band can give it to one cell: a word glued to the next column's text, a
word flush against the next column's word, or a word whose middle lies past its column.
A long word that merely overflows into an empty stretch of the next column (a label
wider than its cell, printed over the column rule) is still read where it starts, and so
are the words a label line runs on with into an empty steering cell (`label_and_steering`).
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import regex

from extractor.models import Finding
from extractor.numbers import is_table_amount
from extractor.parse.table_grid import Band, Row
from extractor.read.page import Word
from extractor.read.text_lines import words_to_lines
from extractor.rules import TABLE_1, finding

if TYPE_CHECKING:
    from extractor.parse.economy_table import Columns

_GAP = 1.0  # pt; less than this between two words of neighbouring columns is a collision
_OVER = 1.5  # pt; a word may end this far past its column's edge (rounding, italics)
_AMOUNT_TAIL = regex.compile(r"[-\u2212\u2013]?\d[\d.]*$")
_WORD_SPACE = 0.6  # em; a wider gap between two words of a line is a gap between cells


def layout_findings(rows: list[Row], columns: Columns, page: int) -> list[Finding]:
    problems: list[str] = []
    gap_rows = [r for r in rows if not r.ruled]
    wrapped = [r for r in gap_rows if len(r.lines()) > 1]
    gaps = [b.top - a.bottom for a, b in itertools.pairwise(gap_rows) if a.page == b.page]
    heights = [ln.bottom - ln.top for r in gap_rows for ln in r.lines()]
    if wrapped and gaps and heights and max(gaps) <= 0.45 * min(heights):
        problems.append("rækkerne har hverken streger eller luft imellem sig, så det kan ikke "
                        "afgøres, hvilken række en ombrudt tekst hører til")
    for row in (r for r in rows if has_amount(r, columns)):  # group rows span every column
        word = next((w for w in row.words if _runs_into_next_column(w, row, columns)), None)
        if word is not None:
            problems.append(f"'{word.text}' løber ind i nabokolonnen (kolonnerne overlapper)")
        if len(problems) > 1:
            break
    return [finding("economy.unreadable_layout",
                    f"Tabel 1 kan ikke læses sikkert: {why}; kontrollér tabellen i dokumentet.",
                    page=page, table=TABLE_1) for why in problems]


def has_amount(row: Row, columns: Columns) -> bool:
    return any(is_table_amount(w.text) for w in row.words if not columns.label.has_centre_of(w))


def _runs_into_next_column(word: Word, row: Row, columns: Columns) -> bool:
    first_year = columns.years[0][1]
    for band, following in ((columns.label, columns.steering), (columns.steering, first_year)):
        starts_here = band.x0 - _OVER <= word.x0 < band.x1
        if not starts_here or word.x1 <= following.x0 + _OVER:
            continue
        if not band.has_centre_of(word):
            return True  # read in the next column, though it starts in this one
        if _glued(word.text, following, columns):
            return True
        return any(_collides(word, other) for other in row.words
                   if other is not word and other.x0 > word.x0)
    return False


def _glued(text: str, following: Band, columns: Columns) -> bool:
    """The word ends in what the next column holds: "Huslejetilskud*Overførsler"."""
    if following is columns.steering:
        return any(text.endswith(area) and len(text) > len(area)
                   for area in columns.template.steering_areas)
    tail = _AMOUNT_TAIL.search(text)
    return tail is not None and tail.start() > 0 and is_table_amount(tail.group())


def _collides(word: Word, other: Word) -> bool:
    same_line = other.top < word.bottom and word.top < other.bottom
    return same_line and other.x0 - word.x1 < _GAP


def label_and_steering(row: Row, columns: Columns) -> tuple[list[Word], list[Word]]:
    """The words of the row's label cell and of its steering-area cell: by their centres,
    except for the words a label line runs on with into the steering column (`run_on`)."""
    label = row.in_band(columns.label)
    steering = row.in_band(columns.steering)
    moved = run_on(row.words, columns)
    if not moved:
        return label, steering
    return ([*label, *(w for w in steering if id(w) in moved)],
            [w for w in steering if id(w) not in moved])


def run_on(words: list[Word], columns: Columns) -> set[int]:
    """The ids of the words a label line runs on with into the steering column.

    WeasyPrint lets "kampagne ifm. rek-" overflow a narrow label cell. On a line with no
    steering area printed (the template's words), the words that follow the label's words
    at a word space, up to a value, are the label's.
    """
    areas = {a.lower() for a in columns.template.steering_areas}
    moved: set[int] = set()
    cells = [w for w in words
             if columns.label.has_centre_of(w) or columns.steering.has_centre_of(w)]
    for line in words_to_lines(cells, page=0):
        label = [w for w in line.words if columns.label.has_centre_of(w)]
        steering = [w for w in line.words if columns.steering.has_centre_of(w)]  # (by x)
        if not label or any(w.text.strip(".,;:*").lower() in areas for w in steering):
            continue
        end = max(w.x1 for w in label)
        for other in steering:
            if (other.x0 - end > _WORD_SPACE * (other.size or other.bottom - other.top)
                    or is_table_amount(other.text)):
                break  # a cell gap, or a value (a payback's years)
            moved.add(id(other))
            end = other.x1
    return moved
