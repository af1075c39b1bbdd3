"""The budget round and document type from the page header, however the producer set it."""

from __future__ import annotations

import pytest

from extractor.parse.header import parse_case, parse_document_type
from extractor.read.page import Line, Page, Word
from extractor.template import COPENHAGEN


def _pages(header_texts: list[str]) -> list[Page]:
    pages = []
    for number in (1, 2):
        lines = [Line(tuple(Word(t, 10.0 * i, 10.0 * i + 9, 20.0 + 12 * k, 29.0 + 12 * k)
                            for i, t in enumerate(text.split())), number)
                 for k, text in enumerate([*header_texts, f"{number}/2"])]
        pages.append(Page(number, 595, 842, [], furniture=lines))
    return pages


@pytest.mark.parametrize("texts", [
    ["Overførselssagen 2025-2026", "Investeringsforslag"],
    ["Overførselssagen 2025-2026 | Investeringsforslag"],
    ["Overførselssagen 2025-2026 Investeringsforslag"],
])
def test_round_and_type_on_one_line_or_two(texts: list[str]) -> None:
    pages = _pages(texts)
    assert parse_case(pages, COPENHAGEN) == "Overførselssagen 2025-2026"
    assert parse_document_type(pages, COPENHAGEN) == "Investeringsforslag"
