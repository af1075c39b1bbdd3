"""Tabel 1 without rules: where its rows part, and where the table ends.

Rows part at vertical gaps (the cell padding) or where a line with values follows a row
with values; the table ends at its notes or the first line of running text. Kept apart
from `economy_table.py`, which reads both kinds of table and is long enough.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from extractor.numbers import is_table_amount
from extractor.parse.economy_layout import has_amount, run_on
from extractor.parse.economy_rows import group_heading, is_payback
from extractor.parse.table_grid import Row, line_gap
from extractor.read.page import Line, Word
from extractor.read.text_lines import words_to_lines
from extractor.template import Template

if TYPE_CHECKING:
    from extractor.parse.economy_table import Columns


def year_words(line: Line, template: Template) -> list[Word]:
    """The header's year words on a line (three or more make it the header row): also how
    a rule-less table tells its header lines from its rows and from running text."""
    words = list(line.words)
    picked = [w for i, w in enumerate(words)
              if template.year_word.match(w.text)
              and not (i + 1 < len(words) and words[i + 1].text.lower().startswith("p/l"))]
    # The longest run of consecutive years: a price level whose "p/l" wrapped onto the
    # next line ("1.000 kr. 2027" | "p/l") leaves a stray year in front of the columns.
    runs: list[list[Word]] = []
    for w in picked:
        if runs and int(w.text) - int(runs[-1][-1].text) == 1:
            runs[-1].append(w)
        else:
            runs.append([w])
    best = max(runs, key=len, default=[])
    return best if len(best) == len(picked) or len(best) >= 3 else []


def split_prose(words: list[Word], columns: Columns, page: int) -> tuple[list[Word], list[Word]]:
    """Without rules the table ends at the first line of running text (the notes).

    A group row ("Varige ændringer (effektiviseringer og drift)") spans every column, so
    its words may reach the year columns too: it is the table's (bold, or named so).
    """
    template = columns.template
    lines = words_to_lines(words, page)
    for i, line in enumerate(lines):
        prose = (any(columns.year_of(w) is not None and not is_table_amount(w.text)
                     for w in line.words) and not year_words(line, template)
                 and not line.bold and group_heading(template, line.text) is None)
        if template.notes.match(line.text) or prose:
            return ([w for ln in lines[:i] for w in ln.words],
                    [w for ln in lines[i:] for w in ln.words])
    return words, []


def starts_row(columns: Columns) -> Callable[[Line, Line | None, Row], bool]:
    """A new row at a gap, or where a line with values follows a row that has values. The
    header row ends at a gap only: its "Styringsområde" cell wraps ("Sty-" "ringsom-"
    "råde") beside the year line, and those lines hold no values of a row of their own."""
    def starts(line: Line, previous: Line | None, current: Row) -> bool:
        label_run_on = run_on(list(line.words), columns)  # a label line, not values
        has_values = any(not columns.label.has_centre_of(w) and id(w) not in label_run_on
                         for w in line.words)
        current_has_values = any(not columns.label.has_centre_of(w) for w in current.words)
        gap = line_gap(line, previous)
        height = line.bottom - line.top
        if gap > 0.45 * height:
            return True
        header = any(len(year_words(ln, columns.template)) >= 3 for ln in current.lines())
        return has_values and current_has_values and not header
    return starts


def is_trailing_note(row: Row, columns: Columns) -> bool:
    if row.ruled or has_amount(row, columns) or any(w.bold for w in row.words):
        return False
    label = " ".join(w.text for w in row.words)
    template = columns.template
    return not is_payback(template, label) and group_heading(template, label) is None
