"""The numbered sections 1–6 with their running text, and the risk level of section 4.

A section runs from its bold heading to the next section heading, the annex
heading ("Administrative bilag …", which is not a section and ends section 4)
or the end of the proposal.

Section text is the running text only: the heading line is left out, as are
the cells of tables (those the table parsers read, `table_extent.py`, and any
ruled table, see `paragraphs.py`), table captions ("Tabel 1. …",
also when wrapped) and small print (the notes under Tabel 1, footnotes).
Paragraphs, sub-headings and list items are each one paragraph (de-hyphenated,
spaces collapsed), joined with "\\n"; list items keep their printed marker
("• …"). Figure captions stay in the text.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from extractor.models import Risk, Section
from extractor.parse.grid_lines import without_grids
from extractor.parse.paragraphs import (
    Paragraph,
    lines_to_paragraphs,
    outside_tables,
    text_frame,
)
from extractor.parse.table_extent import Extent, cell_sizes, outside_extents
from extractor.read.page import Line
from extractor.segment.layout import Heading, ProposalLayout, Region
from extractor.template import Template

_SMALL_PRINT = 0.85  # lines below this share of the body text size are notes


@dataclass
class SectionBody:
    heading: Heading
    paragraphs: list[Paragraph]


def section_bodies(layout: ProposalLayout, tables: Sequence[Extent] = ()) -> list[SectionBody]:
    """Each numbered section with its paragraphs outside tables (captions marked as such).

    `tables` are where the table parsers read their tables (`table_extent.py`): the only
    way to leave out a table without rules; ruled tables are also left out by their rules.
    """
    heading_marks = [h.position for h in layout.headings]
    captions = {(h.line.page, h.line.top) for h in layout.headings if h.kind == "table"}
    ends = [h.position for h in layout.headings if h.kind in ("section", "annex")]
    texts = []
    for heading in layout.sections():
        end = min((p for p in ends if heading.position < p), default=layout.end)
        region = Region(heading.position, end, layout.pages)
        lines = [ln for ln in region.lines()
                 if not (ln.page == heading.line.page and abs(ln.top - heading.line.top) < 0.5)]
        lines = outside_extents(outside_tables(lines, layout.pages, heading_marks), tables)
        lines = without_grids(lines)
        texts.append((heading, _without_small_print(lines)))
    cells = _table_print(cell_sizes(layout.pages, tables), [ln for _, t in texts for ln in t])
    texts = [(heading, [ln for ln in lines if not any(abs(_size(ln) - c) < 0.05 for c in cells)])
             for heading, lines in texts]
    frame = text_frame([ln for _, lines in texts for ln in lines])
    bodies = []
    for heading, lines in texts:
        paragraphs = lines_to_paragraphs(lines, layout.template, frame)
        for p in paragraphs:
            p.caption = (p.lines[0].page, p.lines[0].top) in captions
        bodies.append(SectionBody(heading, paragraphs))
    return bodies


def _without_small_print(lines: list[Line]) -> list[Line]:
    """Drop lines set clearly smaller than the body text (table notes, footnotes)."""
    sizes = [_size(ln) for ln in lines]
    if not sizes:
        return lines
    body = statistics.median(sizes)
    return [ln for ln, size in zip(lines, sizes, strict=True) if size >= _SMALL_PRINT * body]


def _table_print(cells: set[float], lines: list[Line]) -> set[float]:
    """The tables' cell sizes that are below the running text's (the median over every
    section, so a section holding mostly a table does not make it the body size): lines
    in them are the cells of a table without rules that no parser reads (Tabel 5, a grid)."""
    if not lines:
        return set()
    body = statistics.median(_size(ln) for ln in lines)
    return {c for c in cells if c < body - 0.2}


def _size(line: Line) -> float:
    return max(w.size for w in line.words)


def parse_sections(bodies: list[SectionBody], vocabulary: frozenset[str]) -> list[Section]:
    return [Section(number=b.heading.number, title=b.heading.title,
                    text="\n".join(t for p in b.paragraphs
                                   if not p.caption and (t := p.text(vocabulary))))
            for b in bodies]


def _risk_level(template: Template) -> regex.Pattern[str]:
    """"Risikoen vurderes samlet som lav til mellem", "… vurderer risikoen som høj"."""
    word = rf"(?:meget\s+)?{template.risk_level_word}"
    level = rf"({word}(?:(?:\s+til\s+|\s*[-–]\s*){word})?)"
    return regex.compile(
        rf"\b{template.risk_title}\w*\b[^.]{{0,40}}?\s(?:vurderes|anses|er\s+vurderet)\s+"
        rf"(?:samlet\s+)?(?:som|til\s+at\s+være|at\s+være)\s+(?:værende\s+)?{level}\b"
        rf"|\b(?:vurderer|anser)\b[^.]{{0,80}}?\b{template.risk_title}\w*\s+"
        rf"(?:som|til\s+at\s+være)\s+{level}\b",
        regex.IGNORECASE)


def parse_risk(sections: list[Section], template: Template) -> Risk | None:
    """Section 4 ("Risikovurdering"): the stated level, lower case as written, and the text."""
    section = next((s for s in sections if s.number == template.risk_section), None)
    if section is None or not template.risk_heading.match(section.title):
        section = next((s for s in sections if template.risk_heading.match(s.title)), section)
    if section is None:
        return None
    m = _risk_level(template).search(section.text.replace("\n", " "))
    level = None
    if m:
        level = regex.sub(r"\s+", " ", (m.group(1) or m.group(2)).lower())
    return Risk(level=level, text=section.text)

