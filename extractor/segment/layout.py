"""Pages → proposals → sections and tables, located but not yet parsed.

A proposal starts where "Kort resumé" stands, with its title in the lines just
above it; it ends where the next proposal starts, or earlier, after its last page
with its own page header or footer (a bundle's cover sheet between two proposals
is neither's). Sections are the bold
numbered headings 1–6 in order; tables are found by their caption
("Tabel 1. …"). Each part is handed on as a `Region`: a span of the proposal
from one (page, y) position to the next, so the parsers can read words by
geometry inside it.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import regex

from extractor.read.page import Line, Page, Word
from extractor.read.text_lines import words_to_lines
from extractor.segment.furniture import furniture_text
from extractor.template import COPENHAGEN, Template


@dataclass(frozen=True)
class Position:
    page: int
    y: float

    def __le__(self, other: Position) -> bool:
        return (self.page, self.y) <= (other.page, other.y)

    def __lt__(self, other: Position) -> bool:
        return (self.page, self.y) < (other.page, other.y)


@dataclass
class Region:
    """A stretch of a proposal: from `start` (inclusive) to `end` (exclusive)."""

    start: Position
    end: Position
    pages: list[Page]

    def words_by_page(self) -> list[tuple[Page, list[Word]]]:
        out = []
        start, end = self.start, self.end
        for page in self.pages:
            if not start.page <= page.number <= end.page:
                continue
            # (page, top) >= start and < end, without a Position per word (hot: every
            # part's parser asks for its region's words)
            low = start.y if page.number == start.page else -math.inf
            high = end.y if page.number == end.page else math.inf
            words = [w for w in page.words if low <= w.top < high]
            if words:
                out.append((page, words))
        return out

    def lines(self) -> list[Line]:
        return [ln for page, words in self.words_by_page()
                for ln in words_to_lines(words, page.number)]


@dataclass
class Heading:
    kind: str  # "section" | "annex" | "table" | "figure"
    number: str
    title: str
    line: Line

    @property
    def position(self) -> Position:
        return Position(self.line.page, self.line.top)


@dataclass
class ProposalLayout:
    pages: list[Page]
    title_lines: list[Line]
    resume_line: Line
    template: Template  # the template the proposal was found by; its parsers read it from here
    headings: list[Heading] = field(default_factory=list)
    end: Position = Position(10**6, 0.0)
    # the first line of each printed page after it that is not its own
    left_out: list[Line] = field(default_factory=list)

    @property
    def page_range(self) -> tuple[int, int]:
        return self.pages[0].number, self.pages[-1].number

    def region_after(self, heading: Heading) -> Region:
        """From the heading line itself up to the next heading of a structural kind."""
        later = [h.position for h in self.headings
                 if heading.position < h.position and h.kind != "figure"]
        return Region(heading.position, min(later, default=self.end), self.pages)

    def table(self, number: int) -> Heading | None:
        return next((h for h in self.headings
                     if h.kind == "table" and h.number == str(number)), None)

    def sections(self) -> list[Heading]:
        return [h for h in self.headings if h.kind == "section"]


def all_lines(pages: list[Page]) -> list[Line]:
    return [ln for p in pages for ln in words_to_lines(p.words, p.number)]


def segment(pages: list[Page], template: Template = COPENHAGEN) -> list[ProposalLayout]:
    """Find every proposal in the file; an empty list means no proposal template was found."""
    lines = all_lines(pages)
    starts = [i for i, ln in enumerate(lines) if template.resume.match(ln.text)]
    proposals = []
    for n, idx in enumerate(starts):
        resume = lines[idx]
        title = _title_lines(lines, idx)
        first_page = title[0].page if title else resume.page
        next_start = starts[n + 1] if n + 1 < len(starts) else None
        if next_start is not None:
            following_title = _title_lines(lines, next_start)
            boundary = following_title[0] if following_title else lines[next_start]
            end = Position(boundary.page, boundary.top)
            last_page = boundary.page if _has_body_before(lines, boundary) else boundary.page - 1
        else:
            end = Position(10**6, 0.0)
            last_page = pages[-1].number
        own_pages = [p for p in pages if first_page <= p.number <= max(first_page, last_page)]
        own_pages, tail = _without_foreign_tail(own_pages, resume.page)
        if tail:
            end = min(end, Position(tail[0].number, 0.0))
        layout = ProposalLayout(pages=own_pages, title_lines=title, resume_line=resume,
                                template=template, end=end,
                                left_out=[words_to_lines(p.words, p.number)[0]
                                          for p in tail if p.words])
        body = [ln for ln in lines[idx:next_start] if Position(ln.page, ln.top) < end]
        layout.headings = _headings(body, template)
        proposals.append(layout)
    return proposals


def _without_foreign_tail(pages: list[Page], resume_page: int) -> tuple[list[Page], list[Page]]:
    """The proposal's pages without the pages at their end that carry none of its page
    headers and footers (a bundle's cover sheet or contents page before the next
    proposal; a blank page), and those left out.

    A proposal's page furniture is what stands on two or more of its pages (Word may
    give the first page a header of its own); a page without any of it after the last
    page with it is not the proposal's. Without furniture on its pages, nothing can be
    told, and every page stays.
    """
    keys = [{furniture_text(ln) for ln in p.furniture} for p in pages]
    seen = Counter(k for page_keys in keys for k in page_keys)
    own = {k for k, n in seen.items() if n >= 2}
    if not own:
        return pages, []
    last = max(i for i, page_keys in enumerate(keys) if page_keys & own)
    last = max(last, next(i for i, p in enumerate(pages) if p.number >= resume_page))
    return pages[:last + 1], pages[last + 1:]


def _has_body_before(lines: list[Line], boundary: Line) -> bool:
    """True when the next proposal's title shares its page with this proposal's end."""
    return any(ln.page == boundary.page and ln.top < boundary.top for ln in lines)


def _title_lines(lines: list[Line], resume_idx: int) -> list[Line]:
    """The title: the run of lines right above "Kort resumé" on its page, in the title font.

    Title lines are bold or larger than the summary text; we stop at the first
    line above that is neither, or at a big vertical gap.
    """
    resume = lines[resume_idx]
    body_size = max((w.size for w in resume.words), default=0.0)
    picked: list[Line] = []
    below = resume
    for ln in reversed(lines[:resume_idx]):
        if ln.page != resume.page:
            break
        big = max((w.size for w in ln.words), default=0.0) > body_size + 0.5
        if not (big or ln.bold):
            break
        if below.top - ln.bottom > 4 * max(ln.bottom - ln.top, 1.0) and picked:
            break
        picked.append(ln)
        below = ln
    return list(reversed(picked))


def _headings(body: list[Line], template: Template) -> list[Heading]:
    """Sections, captions and the annex are bold in the PDF; sections rise from 1 to 6."""
    sections: dict[int, regex.Match[str]] = {}
    last = 0
    for i, ln in enumerate(body):
        if ln.bold and (m := template.section.match(ln.text.strip())) and int(m.group(1)) > last:
            sections[i] = m
            last = int(m.group(1))
    return classify_headings(body, sections, template, template.caption,
                             marked=lambda ln: ln.bold)


def classify_headings(body: list[Line], sections: dict[int, regex.Match[str]],
                      template: Template, caption: regex.Pattern[str],
                      marked: Callable[[Line], bool]) -> list[Heading]:
    """The headings in reading order: the chosen section lines (index → section match),
    then table captions and the annex where `marked` (bold in a PDF), figures anywhere."""
    headings: list[Heading] = []
    for i, ln in enumerate(body):
        text = ln.text.strip()
        if i in sections:
            m = sections[i]
            headings.append(Heading("section", m.group(1), m.group(2).strip(), ln))
        elif (m := caption.match(text)) and marked(ln):
            headings.append(Heading("table", m.group(1), m.group(2).strip(), ln))
        elif template.annex.match(text) and marked(ln):
            headings.append(Heading("annex", "", text, ln))
        elif template.figure.match(text):
            headings.append(Heading("figure", "", text, ln))
    return headings
