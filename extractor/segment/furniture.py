"""Recognise and drop page headers and footers ("Overførselssagen 2025-2026", "4/7").

A line is furniture when it sits in the top or bottom margin band of the shown page
and the same text (digits ignored, so "3/7" and "4/7" match) sits in that band on at
least one other page: on a fair share of all pages, or on the next or the previous
page with nothing but furniture between it and the page's edge (a bundle of proposals
from different rounds repeats each header on the pages of its part only). On a single
page only a page-number pattern is trusted. A landmark of the template (a table
caption, a section heading, the annex heading, "Kort resumé", a group heading such as
"Implementeringsomkostninger …", a table's header row with three or more years) is
never furniture, even where several proposals of a bundle print it at the same place.
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
_MIN_SHARE = 0.25  # repeated text must sit on at least this share of the pages,
_RUN_GAP = 1  # or on two or more pages in a row, at a page's edge (a part of a bundle)


def _landmark(line: Line, template: Template) -> bool:
    text = line.text.strip()
    return (any(p.match(text) for p in (template.caption, template.section, template.annex,
                                        template.resume))
            or template.group_heading(text) is not None
            or sum(bool(template.year_word.match(w.text)) for w in line.words) >= 3)


def furniture_text(line: Line) -> str:
    """The line's text as page furniture is compared: numbers left out ("3/7", "4/7")."""
    return _DIGITS.sub("#", line.text.lower())


def _key(line: Line, page: Page) -> tuple[str, str]:
    return ("top" if _top_band(line, page) else "bottom"), furniture_text(line)


def _top_band(line: Line, page: Page) -> bool:
    top, bottom = page.shown
    return line.bottom <= top + (bottom - top) * _MARGIN_SHARE


def _in_margin(line: Line, page: Page) -> bool:
    """In the top or bottom band of what a viewer shows (a CropBox may hide a wide
    margin of the MediaBox: a page header is near the edge of the shown page)."""
    top, bottom = page.shown
    band = (bottom - top) * _MARGIN_SHARE
    return line.bottom <= top + band or line.top >= bottom - band


def remove_furniture(pages: list[Page], template: Template = COPENHAGEN) -> None:
    """Move header/footer words of every page from `words` to `furniture`, in place."""
    per_page = [[ln for ln in words_to_lines(p.words, p.number) if _in_margin(ln, p)]
                for p in pages]
    keys = [{_key(ln, page) for ln in lines} for page, lines in zip(pages, per_page, strict=True)]
    counts = Counter(key for page_keys in keys for key in page_keys)
    repeated = max(2, _MIN_SHARE * len(pages))
    in_runs = _in_runs(keys)
    for index, (page, lines) in enumerate(zip(pages, per_page, strict=True)):
        drop = [ln for ln in lines if not _landmark(ln, template)
                and (counts[_key(ln, page)] >= repeated
                     or template.page_number_end.search(ln.text.strip()))]
        drop += _at_the_edge([ln for ln in lines if not _landmark(ln, template)
                              and (index, _key(ln, page)) in in_runs], drop, lines, page)
        if not drop:
            continue
        dropped = {id(w) for ln in drop for w in ln.words}
        page.words = [w for w in page.words if id(w) not in dropped]
        page.furniture = drop


def _at_the_edge(candidates: list[Line], furniture: list[Line], lines: list[Line],
                 page: Page) -> list[Line]:
    """The candidates (repeated on nearby pages only) that stand between the page's edge
    and its body: nothing but furniture between them and the edge. A table's header row
    repeated at the top of its continuation pages repeats on nearby pages too, but where
    the table starts its caption stands above it, and there it must stay text."""
    taken = {id(ln) for ln in furniture}
    wanted = {id(ln) for ln in candidates}
    found: list[Line] = []
    for band in ([ln for ln in lines if _top_band(ln, page)],
                 [ln for ln in reversed(lines) if not _top_band(ln, page)]):
        for line in band:  # from the edge inwards
            if id(line) in wanted:
                found.append(line)
            elif id(line) not in taken:
                break
    return found


def _in_runs(keys: list[set[tuple[str, str]]]) -> set[tuple[int, tuple[str, str]]]:
    """(page index, key) where the key repeats on a run of nearby pages: a part of a
    bundle with a header of its own ("Budget 2027" on 3 of 40 pages, the rest
    "Overførselssagen 2025-2026"): on consecutive pages (a part's first page may have a
    header of its own; the rest have the part's)."""
    pages_of: dict[tuple[str, str], list[int]] = {}
    for index, page_keys in enumerate(keys):
        for key in page_keys:
            pages_of.setdefault(key, []).append(index)
    found: set[tuple[int, tuple[str, str]]] = set()
    for key, indices in pages_of.items():
        run = [indices[0]]
        for index in [*indices[1:], None]:
            if index is not None and index - run[-1] <= _RUN_GAP:
                run.append(index)
                continue
            if len(run) >= 2:
                found.update((i, key) for i in run)
            if index is not None:
                run = [index]
    return found
