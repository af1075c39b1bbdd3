"""Tabel 2 ("Opfølgningsmål") → follow-up goals with their group, by geometry.

The four columns (goal, how it is measured, who is responsible, when) come
from the header row (see `ruled_table.py`), rows from the rules. A row
printed all in bold is a group row (a cell merged over the columns) ("Implementering
og anvendelse af investeringsmidler", "Realisering af effektiviseringer"); it
sets the group of the goals below it.

A goal row that Word split over a page break arrives as two rows: the first
body row on the later page continues the last goal when it has no text in the
"who" or "when" column while the last goal has (a new goal always states both).
"""

from __future__ import annotations

from extractor.models import FollowUp
from extractor.parse.ruled_table import Table, TableRow, read_table
from extractor.read.text_lines import join_lines, words_to_lines
from extractor.segment.layout import ProposalLayout

_FIELDS = ("goal", "measure", "responsible", "deadline")


def follow_up_table(layout: ProposalLayout, vocabulary: frozenset[str]) -> Table | None:
    """Tabel 2 as read; its extents tell the section texts which lines are the table's."""
    caption = layout.table(layout.template.follow_up_table)
    if caption is None:
        return None
    return read_table(layout.region_after(caption), caption, vocabulary)


def follow_up_goals(table: Table | None, vocabulary: frozenset[str]) -> list[FollowUp]:
    if table is None or len(table.header) < 2:
        return []
    width = len(table.header)
    goals: list[tuple[str | None, list[list[str]]]] = []
    group: str | None = None
    for row, continued in zip(table.rows, table.continued, strict=True):
        if row.bold:
            group = _whole_text(row, vocabulary)
            continue
        cells = _four_cells(row, width)
        if continued and goals and _continues(cells, goals[-1][1]):
            for mine, more in zip(goals[-1][1], cells, strict=True):
                mine += more
            continue
        goals.append((group, cells))
    out = []
    for goal_group, cells in goals:
        texts = [_join(c, vocabulary) for c in cells]
        if not texts[0]:
            continue
        out.append(FollowUp(group=goal_group, goal=texts[0], measure=texts[1] or None,
                            responsible=texts[2] or None, deadline=texts[3] or None))
    return out


def _whole_text(row: TableRow, vocabulary: frozenset[str]) -> str:
    """A group row's text: it spans the columns (a merged cell), so read it line by line."""
    return join_lines([ln.text for ln in words_to_lines(row.words, row.page)], vocabulary)


def _four_cells(row: TableRow, width: int) -> list[list[str]]:
    cells = [list(row.cells[i]) for i in range(min(width, len(_FIELDS)))]
    for extra in row.cells[len(_FIELDS):]:
        cells[-1] += extra  # a fifth column would be read into "when"
    while len(cells) < len(_FIELDS):
        cells.append([])
    return cells


def _continues(cells: list[list[str]], previous: list[list[str]]) -> bool:
    def empty(lines: list[str]) -> bool:
        return not any(t.strip() for t in lines)
    return any(empty(cells[i]) and not empty(previous[i]) for i in (2, 3))


def _join(lines: list[str], vocabulary: frozenset[str]) -> str:
    return join_lines(lines, vocabulary)
