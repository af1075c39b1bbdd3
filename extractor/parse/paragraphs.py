"""Running text: lines → paragraphs, and the lines of a region that are not table cells.

A paragraph ends where the font weight changes between lines (a bold heading
above plain text; a bold run that ends inside a line stays with its line),
where a list item starts ("•"), after a plain line that stops short of the
right margin (running text is justified: only a paragraph's last line is
short), and where the vertical step to the next line is clearly larger than
the normal pitch inside a paragraph (Word adds space after paragraphs; this is
what separates bold headings that follow each other). The normal pitch is
measured below full-width plain lines, else taken from the font size.

Ruled tables are recognised by their horizontal rules: the space between two
consecutive rules that cross most of the text width is a table row, unless a
heading (section, caption, annex) stands in it, which means the two rules
belong to two different tables. Text in a table without rules is not
recognised here: the table parsers report where they read (`table_extent.py`).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import regex

from extractor.parse.table_grid import horizontal_rule_ys
from extractor.read.page import Line, Page, Word
from extractor.read.text_lines import join_lines
from extractor.segment.layout import Position
from extractor.template import COPENHAGEN, Template

_PITCH_FACTOR = 1.1  # a step larger than this × the normal line pitch starts a paragraph
_SINGLE_SPACING = 1.25  # line pitch / font size of single-spaced text, when nothing tells
SHORT_LINE = 20.0  # pt short of the right margin: the last line of a paragraph
_SHORT_AT_PAGE_END = 3.0  # pt; the same, for the last line before a page break
_MIN_ROW = 3.0  # pt; thinner spans between rules are double borders
_LONE_SIGNS = ("-", "−", "–")
_LIST_ITEM = regex.compile(r"^[•▪●◦■]")


@dataclass
class Paragraph:
    lines: list[Line]
    caption: bool = False  # a table caption ("Tabel 1. …"): not running text, ends an item

    @property
    def page(self) -> int:
        return self.lines[0].page

    def text(self, vocabulary: frozenset[str]) -> str:
        return join_lines(glue_lone_signs([ln.text for ln in self.lines]), vocabulary)


def glue_lone_signs(texts: list[str]) -> list[str]:
    """Move a minus sign left alone at a line end onto the next line's number.

    "… faldulykker: -" + "1,3 mio. kr." is the amount "-1,3 mio. kr."; the word
    processor only broke the line after the sign. A dash before words ("botilbud -" +
    "enten til …") stays where it is.
    """
    out = list(texts)
    for i in range(len(out) - 1):
        head, _, last = out[i].rstrip().rpartition(" ")
        following = out[i + 1].lstrip()
        if last in _LONE_SIGNS and head and following[:1].isdigit():
            out[i], out[i + 1] = head, f"{last}{following}"
    return out


def text_frame(lines: list[Line]) -> tuple[float, float]:
    """The right margin and the normal line pitch of running text, measured over all of
    a proposal's sections: a short section (a sentence, then bold item titles) may hold
    no full-width line but a paragraph's last one, whose step down is a paragraph break."""
    right = max((ln.x1 for ln in lines), default=0.0)
    return right, _normal_pitch(lines, right)


def lines_to_paragraphs(lines: list[Line], template: Template = COPENHAGEN,
                        frame: tuple[float, float] | None = None) -> list[Paragraph]:
    """`frame`: the right margin and line pitch (`text_frame`); else measured on `lines`."""
    right, pitch = frame if frame is not None else text_frame(lines)
    paragraphs: list[Paragraph] = []
    previous: Line | None = None
    for line in lines:
        if previous is None or _starts_paragraph(line, previous, pitch, right, template):
            paragraphs.append(Paragraph([]))
        paragraphs[-1].lines.append(line)
        previous = line
    return paragraphs


def _starts_paragraph(line: Line, previous: Line, pitch: float, right: float,
                      template: Template) -> bool:
    if line.words[0].bold != previous.words[-1].bold or _LIST_ITEM.match(line.text):
        return True  # a bold run starts or ends (a heading may end inside a line)
    if line.bold and template.caption.match(line.text):
        return True  # a table caption, even right under a bold heading on the page before
    if not previous.bold and previous.x1 < right - SHORT_LINE:
        return True  # justified running text: only a paragraph's last line stops short
    if line.page != previous.page:
        # a paragraph ending at the page foot with a nearly full last line: justified
        # lines reach the right margin, a last line that stops even a little short ends
        # (a bold heading too: a heading left at the foot of a page ends there)
        return previous.x1 < right - _SHORT_AT_PAGE_END
    return line.top - previous.top > _PITCH_FACTOR * pitch


def _normal_pitch(lines: list[Line], right: float) -> float:
    """The line pitch inside a paragraph: the smallest step below a full-width plain line.

    Not their median: where few lines are full width, a paragraph's full last line and the
    break below it may be half the steps. A step under 0.9 × the line's height is no line
    pitch (a superscript set as a line of its own)."""
    steps = [b.top - a.top for a, b in itertools.pairwise(lines)
             if a.page == b.page and not a.bold and a.x1 >= right - SHORT_LINE
             and 0.9 * (a.bottom - a.top) <= b.top - a.top < 3 * (a.bottom - a.top)]
    if steps:
        return min(steps)
    size = max((w.size for ln in lines for w in ln.words), default=0.0)
    height = max((ln.bottom - ln.top for ln in lines), default=10.0)
    return _SINGLE_SPACING * size if size else 1.2 * height


def table_spans(page: Page, headings: list[Position],
                next_page: Page | None = None) -> list[tuple[float, float]]:
    """The y-spans of ruled table rows on a page (see the module docstring).

    A row the page break split before its closing rule runs from the page's last rule
    to the page end, when the next page goes straight on with the table (its first
    text stands below its first rule, no caption or heading in between), or with the
    rest of that row above its first rule.
    """
    ys = _rule_ys(page)
    marks = [h.y for h in headings if h.page == page.number]
    spans = [(a, b) for a, b in itertools.pairwise(ys)
             if b - a >= _MIN_ROW and not any(a - 1 <= y < b for y in marks)]
    if spans and next_page is not None and next_page.words and ys[-1] == spans[-1][1]:
        next_ys = _rule_ys(next_page)
        first_text = min(w.top for w in next_page.words)
        below = [w for w in page.words if w.top > ys[-1]]
        if next_ys and below and (first_text >= next_ys[0] - 1 or _split_row(
                below, next_page, next_ys[0], [h for h in headings if h.page == next_page.number])):
            spans.append((ys[-1], page.height))
    return spans


_CELL_GAP = 2.0  # × font size: wider than any space of running text, as between cells


def _split_row(below: list[Word], next_page: Page, next_rule: float,
               next_marks: list[Position]) -> bool:
    """The text under a page's last rule is the first part of a table row the page break
    split, its rest printed above the next page's first rule: the words stand apart in
    cells, and no heading comes between them and that rule."""
    if any(m.y < next_rule for m in next_marks):
        return False
    first = sorted((w for w in below if abs(w.top - min(v.top for v in below)) < 2),
                   key=lambda w: w.x0)
    return any(b.x0 - a.x1 > _CELL_GAP * max(a.size, b.size, 1.0)
               for a, b in itertools.pairwise(first))


def _rule_ys(page: Page) -> list[float]:
    if not page.words:
        return []
    x0 = min(w.x0 for w in page.words)
    x1 = max(w.x1 for w in page.words)
    return horizontal_rule_ys(page, x0, x1, 0.0, page.height)


def outside_tables(lines: list[Line], pages: list[Page],
                   headings: list[Position]) -> list[Line]:
    """The lines that do not stand inside a ruled table."""
    following = {p.number: n for p, n in itertools.pairwise(pages)}
    spans = {p.number: table_spans(p, headings, following.get(p.number)) for p in pages}
    for page, next_page in itertools.pairwise(pages):
        ys = _rule_ys(next_page)
        if spans[page.number] and spans[page.number][-1][1] == page.height and ys:
            spans[next_page.number].insert(0, (0.0, ys[0]))  # the split row's rest
    out = []
    for line in lines:
        mid = (line.top + line.bottom) / 2
        if not any(a <= mid < b for a, b in spans.get(line.page, [])):
            out.append(line)
    return out
