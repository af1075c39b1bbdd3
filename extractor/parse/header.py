"""The proposal's identity: title, budget round and document type from the page header.

The budget round ("Overførselssagen 2025-2026", "Budget 2027") and the document
type ("Investeringsforslag") are printed in the page header/footer, which the
reader has already set apart as furniture; here they are read back from it.
"""

from __future__ import annotations

from collections import Counter

import regex

from extractor.read.page import Line, Page
from extractor.read.text_lines import collapse_spaces, join_lines

_PAGE_NUMBER = regex.compile(r"\s*(?:side\s*)?\d{1,3}\s*(?:/|af)\s*\d{1,3}\s*$", regex.IGNORECASE)
_DOCUMENT_TYPE = regex.compile(r"^\p{L}*forslag$", regex.IGNORECASE)
_CASE = regex.compile(r"\b(?:\p{Lu}\p{L}+\s+)?(?:\d{4}\s*[-–]\s*\d{4}|\d{4})\b")
# Round and document type on one header line: "Overførselssagen 2025-2026 | Investeringsforslag"
# (or only spaces between them); the type is the last word and ends in "forslag".
_TYPE_AT_END = regex.compile(r"^(?P<case>.*?)\s*(?:[|·•–—]\s*)?(?P<type>\p{L}*forslag)$",
                             regex.IGNORECASE)


def parse_title(lines: list[Line], vocabulary: frozenset[str]) -> str:
    return join_lines([ln.text for ln in lines], vocabulary)


def header_texts(pages: list[Page]) -> list[str]:
    """Header/footer texts of the pages, page numbers removed, most frequent first."""
    counts: Counter[str] = Counter()
    for page in pages:
        for line in page.furniture:
            text = collapse_spaces(_PAGE_NUMBER.sub("", line.text))
            for part in _split_type(text):
                counts[part] += 1
    return [text for text, _ in counts.most_common()]


def _split_type(text: str) -> list[str]:
    """A header text, split into round and document type when one line holds both."""
    m = _TYPE_AT_END.match(text)
    if m is None or not m.group("case") or not _CASE.search(m.group("case")):
        return [text] if text else []
    return [m.group("case"), m.group("type")]


def parse_document_type(pages: list[Page]) -> str | None:
    return next((t for t in header_texts(pages) if _DOCUMENT_TYPE.match(t)), None)


def parse_case(pages: list[Page]) -> str | None:
    """The budget round: the header text that names a year or a span of years."""
    return next((t for t in header_texts(pages)
                 if not _DOCUMENT_TYPE.match(t) and _CASE.search(t)), None)
