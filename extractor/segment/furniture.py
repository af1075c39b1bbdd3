"""Recognise and drop page headers and footers ("Overførselssagen 2025-2026", "4/7").

A line is furniture when it sits in the top or bottom margin band of its page
and the same text (digits ignored, so "3/7" and "4/7" match) sits in that band
on at least one other page and on a fair share of all pages (a bundle of proposals
from different rounds still repeats each header on every page of its part). On a
single page only a page-number pattern is trusted. A landmark of the template (a
table caption, a section heading, the annex heading, "Kort resumé") is never
furniture, even where several proposals of a bundle print it at the same place.
The removed lines stay on the page (`Page.furniture`), since the header names the
budget round.
"""

from __future__ import annotations

from collections import Counter

import regex

from extractor.read.page import Line, Page
from extractor.read.text_lines import words_to_lines
from extractor.template import COPENHAGEN, Template

_MARGIN_SHARE = 0.11  # header/footer bands: this share of the page height, top and bottom
_DIGITS = regex.compile(r"\d+")
_MIN_SHARE = 0.25  # repeated text must sit on at least this share of the pages


def _landmark(line: Line, template: Template) -> bool:
    text = line.text.strip()
    return any(p.match(text) for p in (template.caption, template.section, template.annex,
                                       template.resume))


def _key(line: Line, page: Page) -> tuple[str, str]:
    band = "top" if line.bottom <= page.height * _MARGIN_SHARE else "bottom"
    return band, _DIGITS.sub("#", line.text.lower())


def _in_margin(line: Line, page: Page) -> bool:
    return (line.bottom <= page.height * _MARGIN_SHARE
            or line.top >= page.height * (1 - _MARGIN_SHARE))


def remove_furniture(pages: list[Page], template: Template = COPENHAGEN) -> None:
    """Move header/footer words of every page from `words` to `furniture`, in place."""
    per_page = [[ln for ln in words_to_lines(p.words, p.number) if _in_margin(ln, p)]
                for p in pages]
    counts = Counter(
        key for page, lines in zip(pages, per_page, strict=True)
        for key in {_key(ln, page) for ln in lines}
    )
    repeated = max(2, _MIN_SHARE * len(pages))
    for page, lines in zip(pages, per_page, strict=True):
        drop = [ln for ln in lines if not _landmark(ln, template)
                and (counts[_key(ln, page)] >= repeated
                     or template.page_number_end.search(ln.text.strip()))]
        if not drop:
            continue
        dropped = {id(w) for ln in drop for w in ln.words}
        page.words = [w for w in page.words if id(w) not in dropped]
        page.furniture = drop
