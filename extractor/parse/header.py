"""The proposal's identity: title, budget round and document type from the page header.

The budget round ("Overførselssagen 2025-2026", "Budget 2027") and the document
type ("Investeringsforslag") are printed in the page header/footer, which the
reader has already set apart as furniture; here they are read back from it.
"""

from __future__ import annotations

from collections import Counter

from extractor.read.page import Line, Page
from extractor.read.text_lines import collapse_spaces, join_lines
from extractor.template import Template


def parse_title(lines: list[Line], vocabulary: frozenset[str]) -> str:
    return join_lines([ln.text for ln in lines], vocabulary)


def header_texts(pages: list[Page], template: Template) -> list[str]:
    """Header/footer texts of the pages, page numbers removed, most frequent first."""
    counts: Counter[str] = Counter()
    for page in pages:
        for line in page.furniture:
            m = template.page_number_line.match(line.text.strip())
            text = collapse_spaces(m.group(1) if m else line.text)
            for part in _split_type(text, template):
                counts[part] += 1
    return [text for text, _ in counts.most_common()]


def _split_type(text: str, template: Template) -> list[str]:
    """A header text, split into round and document type when one line holds both."""
    m = template.type_at_end.match(text)
    if m is None or not m.group("case") or not template.case_in.search(m.group("case")):
        return [text] if text else []
    return [m.group("case"), m.group("type")]


def parse_document_type(pages: list[Page], template: Template) -> str | None:
    return next((t for t in header_texts(pages, template)
                 if template.document_type_line.match(t)), None)


def parse_case(pages: list[Page], template: Template) -> str | None:
    """The budget round: the header text that names a year or a span of years."""
    return next((t for t in header_texts(pages, template)
                 if not template.document_type_line.match(t) and template.case_in.search(t)),
                None)
