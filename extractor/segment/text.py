"""Text pages → proposals → sections and tables, from the template's patterns alone.

Plain text has no bold and no font sizes, which the PDF segmenter (`segment.py`)
relies on. Here headings are recognised by what the template prints:
- a proposal starts at "Kort resumé:"; its title is the block of lines right above
  (blank lines between title and "Kort resumé" allowed), at most four lines, not
  reaching back into the previous proposal (a line ending in "." ":" ")" or a date,
  such as "Økonomikredsen Ja 12. december 2025", ends the previous proposal);
- sections are "N. Title" lines with N rising from 1 to 6; a line carrying the
  template's own title for N ("2. Økonomi", "4. Risikovurdering") wins over a
  numbered list item such as "2. Udvide tilbudsviften …"; without a template title
  a line counts only when it looks like a heading (short, not hyphenated at the end);
- tables by their caption "Tabel N. …", the annex by "Administrative bilag",
  figures by "Figur N".

The result is the same `ProposalLayout` the PDF path produces, so the shared
region machinery (and the parsers that read plain lines) work unchanged.
"""

from __future__ import annotations

import regex

from extractor.numbers import ParseError, parse_danish_date
from extractor.read.page import Line, Page
from extractor.segment.layout import (
    Heading,
    Position,
    ProposalLayout,
    all_lines,
    classify_headings,
)
from extractor.template import COPENHAGEN, Template

_HEADING_WORDS = 10  # a section heading without the template's title is at most this long
_TITLE_LINES = 4
_ENDS_SENTENCE = regex.compile(r"[.:)]\s*$")


def segment_text(pages: list[Page], template: Template = COPENHAGEN) -> list[ProposalLayout]:
    """Every proposal in the text; an empty list means no proposal template was found."""
    lines = all_lines(pages)
    starts = [i for i, ln in enumerate(lines) if template.resume.match(ln.text)]
    titles = [title_lines(lines, i, template) for i in starts]
    proposals = []
    for n, idx in enumerate(starts):
        if n + 1 < len(starts):
            nxt = titles[n + 1][0] if titles[n + 1] else lines[starts[n + 1]]
            end = Position(nxt.page, nxt.top)
        else:
            end = Position(10**6, 0.0)
        layout = ProposalLayout(pages=pages, title_lines=titles[n], resume_line=lines[idx],
                                template=template, end=end)
        body = [ln for ln in lines[idx:] if Position(ln.page, ln.top) < end]
        layout.headings = text_headings(body, template)
        proposals.append(layout)
    return proposals


def title_lines(lines: list[Line], resume_idx: int, template: Template) -> list[Line]:
    """The title block right above "Kort resumé" (see the module docstring)."""
    picked: list[Line] = []
    k = resume_idx - 1
    while k >= 0 and len(picked) < _TITLE_LINES:
        line = lines[k]
        if picked and picked[-1].top - line.bottom > 1.5 * (line.bottom - line.top):
            break  # a blank line above the block: the title starts below it
        if _ends_previous(line.text) or template.resume.match(line.text):
            break
        picked.append(line)
        k -= 1
    return list(reversed(picked))


def _ends_previous(text: str) -> bool:
    """A sentence end, or a date ending the previous proposal's approval table
    ("Økonomikredsen Ja 12. december 2025"); a title may well end in a year."""
    if _ENDS_SENTENCE.search(text):
        return True
    words = text.split()
    for n in (3, 1):  # "12. december 2025" or "12.12.2025"
        try:
            parse_danish_date(" ".join(words[-n:]))
        except ParseError:
            continue
        return True
    return False


def text_headings(body: list[Line], template: Template) -> list[Heading]:
    candidates = [(i, m) for i, ln in enumerate(body)
                  if (m := template.section.match(ln.text.strip()))]
    templated = {int(m.group(1)) for _, m in candidates if _has_template_title(m, template)}
    last = 0
    sections = {}
    for i, m in candidates:
        number = int(m.group(1))
        if number <= last:
            continue
        if _has_template_title(m, template) or (number not in templated
                                                 and _looks_like_heading(m)):
            sections[i] = m
            last = number
    return classify_headings(body, sections, template, template.strict_caption,
                             marked=lambda ln: True)


def _has_template_title(m: regex.Match[str], template: Template) -> bool:
    return template.has_section_title(m.group(1), m.group(2))


def _looks_like_heading(m: regex.Match[str]) -> bool:
    title = m.group(2).strip()
    return len(title.split()) <= _HEADING_WORDS and not title.endswith(("-", ","))
