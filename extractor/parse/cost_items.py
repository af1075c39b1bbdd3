"""Section 2's cost items: bold headings "<title>: <amount text>" with the paragraphs under them.

The items stand under two bold group headings, "Varige ændringer …"
(permanent) and "Implementeringsomkostninger …" (implementation). An item
heading is a bold paragraph (it may wrap over several lines, the amount text
too; the bold run tells where the heading ends, also when the body text starts
on the heading's last line). Title and amount text split at the last ": "
after which a digit or sign follows (else the first ": "); the amount text is
kept exactly as printed. The item's `text` is the plain paragraphs under it up
to the next bold heading, table caption or the end of the section, joined with "\\n" like the
section text; list items keep their marker.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import regex

from extractor.models import CostItem
from extractor.parse.economy_rows import group_heading
from extractor.parse.paragraphs import Paragraph, glue_lone_signs
from extractor.read.page import Line, bbox_of
from extractor.read.text_lines import join_lines
from extractor.template import Template

_SPLIT = regex.compile(r":\s+(?=[-−–+]?\s*\d)")


@dataclass
class _Item:
    group: Literal["permanent", "implementation"]
    title: str
    amount_text: str
    page: int
    bbox: list[float]
    texts: list[str] = field(default_factory=list)


def parse_cost_items(paragraphs: list[Paragraph], vocabulary: frozenset[str],
                     template: Template) -> list[CostItem]:
    items: list[_Item] = []
    group: Literal["permanent", "implementation"] | None = None
    current: _Item | None = None
    for paragraph in paragraphs:
        if paragraph.caption:
            current = None
            continue
        heading_lines, body_lines = _split_bold(paragraph)
        if heading_lines:
            heading = _joined(heading_lines, vocabulary)
            current = None
            if (opened := group_heading(template, heading)) is not None:
                group = opened
            elif group is not None and ":" in heading:
                title, amount = _title_and_amount(heading)
                page = heading_lines[0].page
                box = bbox_of(ln for ln in heading_lines if ln.page == page)
                current = _Item(group, title, amount, page, box)
                items.append(current)
        if body_lines and current is not None:
            current.texts.append(_joined(body_lines, vocabulary))
    return [CostItem(group=i.group, title=i.title, amount_text=i.amount_text, page=i.page,
                     bbox=i.bbox, text="\n".join(t for t in i.texts if t))
            for i in items]


def _split_bold(paragraph: Paragraph) -> tuple[list[Line], list[Line]]:
    """The leading bold run of a paragraph and the plain rest, as lines."""
    heading: list[Line] = []
    for n, line in enumerate(paragraph.lines):
        words = list(line.words)
        bold_count = next((i for i, w in enumerate(words) if not w.bold), len(words))
        if bold_count == len(words):
            heading.append(line)
            continue
        if bold_count:
            heading.append(Line(tuple(words[:bold_count]), line.page))
            rest = Line(tuple(words[bold_count:]), line.page)
            return heading, [rest, *paragraph.lines[n + 1:]]
        return heading, paragraph.lines[n:]
    return heading, []


def _joined(lines: list[Line], vocabulary: frozenset[str]) -> str:
    return join_lines(glue_lone_signs([ln.text for ln in lines]), vocabulary)


def _title_and_amount(heading: str) -> tuple[str, str]:
    matches = list(_SPLIT.finditer(heading))
    if matches:
        m = matches[-1]  # a title may hold a colon ("Fase 1: …"); the amount holds none
        return heading[:m.start()].strip(), heading[m.end():].strip()
    title, _, amount = heading.partition(":")
    return title.strip(), amount.strip()
