"""Where a captioned table stands on its pages, as its own parser read it.

Running text and a table without rules look alike line by line: only the table's own
reading knows which lines it took (caption → header → the rows it read, up to where it
stopped). Each table parser reports that stretch per page, and the section texts leave
it out (`sections.py`), so a rule-less table is left out exactly like a ruled one.

On a page the stretch runs from the first word of the table's region there (the caption
itself, or the page top on a page the table continues onto) to the bottom of the last
row the parser read there: whatever stands between a caption and the rows under it is
the table's (a header's first line above the year line, a wrapped caption).

A table no parser reads (Tabel 5, a grid under a figure caption or none) is known by its
print instead: its cells are set in a size the parsed tables' cells are set in, when
that is smaller than the running text (`cell_sizes`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from extractor.read.page import Line, Page, Word
from extractor.read.text_lines import words_to_lines


@dataclass(frozen=True)
class Extent:
    """A table's stretch on one page: every line whose middle lies in [top, bottom]."""

    page: int
    top: float
    bottom: float

    def holds(self, line: Line) -> bool:
        mid = (line.top + line.bottom) / 2
        return line.page == self.page and self.top - 0.5 <= mid <= self.bottom + 0.5


def table_extents(region: Iterable[tuple[Page, list[Word]]],
                  row_bottoms: Iterable[tuple[int, float]]) -> list[Extent]:
    """Per page with a row read: the region's first word there down to the last row's bottom.

    `row_bottoms` holds (page, bottom) of every row the parser read as the table's
    (header rows too); pages without one get no extent.
    """
    bottoms: dict[int, float] = {}
    for page, bottom in row_bottoms:
        bottoms[page] = max(bottom, bottoms.get(page, bottom))
    out = []
    for page, words in region:
        if page.number in bottoms and words:
            top = min(w.top for w in words)
            if top <= bottoms[page.number]:
                out.append(Extent(page.number, top, bottoms[page.number]))
    return out


def outside_extents(lines: list[Line], extents: Iterable[Extent]) -> list[Line]:
    """The lines no table's reading took."""
    taken = list(extents)
    return [ln for ln in lines if not any(e.holds(ln) for e in taken)]


def cell_sizes(pages: Iterable[Page], extents: Iterable[Extent]) -> set[float]:
    """The font sizes the tables read are set in: the one most words of each extent have
    (tables may differ: Tabel 2 is often a size above Tabel 1)."""
    taken = list(extents)
    out: set[float] = set()
    for page in pages:
        lines = words_to_lines(page.words, page.number)
        for extent in (e for e in taken if e.page == page.number):
            sizes = Counter(round(w.size, 1) for ln in lines if extent.holds(ln)
                            for w in ln.words)
            if sizes:
                out.add(sizes.most_common(1)[0][0])
    return out
